// The answer to one request, as an object: what QML (and C++ that prefers signals) holds while a
// call is under way. Made by Connection::request and the client objects; it deletes itself soon
// after it has finished, so nobody needs to own it.
#pragma once

#include "protocol/rpcerror.h"

#include <QJsonValue>
#include <QObject>

#include <functional>

namespace Muster {

class RpcReply : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool finished READ isFinished NOTIFY finished)
    Q_PROPERTY(bool ok READ isOk NOTIFY finished)
    Q_PROPERTY(QJsonValue result READ result NOTIFY finished)
    Q_PROPERTY(QString errorReason READ errorReason NOTIFY finished)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY finished)
public:
    using Handler = std::function<void(const QJsonValue &result, const RpcError &error)>;

    explicit RpcReply(QObject *parent = nullptr);

    bool isFinished() const { return m_finished; }
    bool isOk() const { return m_finished && !m_error.isValid(); }
    QJsonValue result() const { return m_result; }
    const RpcError &error() const { return m_error; }
    QString errorReason() const { return m_error.reason; }
    QString errorMessage() const { return m_error.message; }

    // C++: runs the handler once with the answer, unless context is destroyed first.
    void then(QObject *context, Handler handler);

    // Called once by whoever made the reply.
    void finish(const QJsonValue &result, const RpcError &error);
    // Fails on the next turn of the event loop, once the caller has connected to the signals.
    void failLater(const RpcError &error);

Q_SIGNALS:
    void succeeded(const QJsonValue &result);
    // reason: the stable word ("invalid_credentials", "disconnected", …); message: for people.
    void failed(const QString &reason, const QString &message);
    void finished(); // after succeeded or failed

private:
    bool m_finished = false;
    QJsonValue m_result;
    RpcError m_error;
};

} // namespace Muster
