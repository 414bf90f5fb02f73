// One JSON-RPC 2.0 frame, decoded or about to be encoded.
#pragma once

#include "rpcerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace Muster {

class RpcMessage
{
public:
    enum class Kind { Invalid, Request, Notification, Result, Error };

    // Decodes one text frame. On failure kind() is Invalid and error() says why;
    // id() is kept when it could be read, so the error reply can still be correlated.
    static RpcMessage decode(const QByteArray &frame);

    static QByteArray encodeRequest(
        const QJsonValue &id, const QString &method, const QJsonObject &params);
    static QByteArray encodeNotification(const QString &method, const QJsonObject &params);
    static QByteArray encodeResult(const QJsonValue &id, const QJsonValue &result);
    static QByteArray encodeError(const QJsonValue &id, const RpcError &error);

    Kind kind() const { return m_kind; }
    bool isValid() const { return m_kind != Kind::Invalid; }
    const QJsonValue &id() const { return m_id; }
    const QString &method() const { return m_method; }
    const QJsonObject &params() const { return m_params; }
    const QJsonValue &result() const { return m_result; }
    const RpcError &error() const { return m_error; }

private:
    Kind m_kind = Kind::Invalid;
    QJsonValue m_id = QJsonValue::Null;
    QString m_method;
    QJsonObject m_params;
    QJsonValue m_result;
    RpcError m_error;
};

} // namespace Muster
