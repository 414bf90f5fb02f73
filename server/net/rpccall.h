// One request being served: what was asked, by whom, and the way to answer it exactly once.
// Cheap to copy into asynchronous continuations; answering after the peer left is a no-op.
#pragma once

#include "caller.h"
#include "clientsocket.h"
#include "protocol/rpcerror.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QPointer>
#include <QString>

#include <memory>

namespace Muster {

class RpcCall
{
public:
    RpcCall(ClientSocket *socket, const QJsonValue &id, const QString &method,
        const QJsonObject &params);

    const QString &method() const { return m_method; }
    const QJsonObject &params() const { return m_params; }
    ClientSocket *socket() const { return m_socket.data(); }
    bool isConnected() const { return !m_socket.isNull(); }
    // The signed-in caller; invalid for public methods called before sign-in.
    const Caller &caller() const;

    void reply(const QJsonValue &result) const;
    void fail(const RpcError &error) const;

private:
    void answer(const QByteArray &frame) const;

    QPointer<ClientSocket> m_socket;
    QJsonValue m_id;
    QString m_method;
    QJsonObject m_params;
    Caller m_caller; // copied at dispatch: a continuation sees who asked, even after sign-out
    std::shared_ptr<bool> m_answered;
};

} // namespace Muster
