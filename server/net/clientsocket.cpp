// See clientsocket.h.
#include "clientsocket.h"

#include "protocol/rpcmessage.h"
#include "rpcdispatcher.h"
#include "util/logging.h"
#include "wire/framewriter.h"

namespace Muster {

ClientSocket::ClientSocket(Wire &wire, quint64 id, const QString &clientAddress,
    RpcDispatcher *dispatcher, const Limits &limits, QObject *parent)
    : QObject(parent)
    , m_wire(wire)
    , m_id(id)
    , m_peerAddress(clientAddress)
    , m_dispatcher(dispatcher)
    , m_authTimeout(limits.authTimeout)
    , m_maxMessageBytes(limits.maxMessageBytes)
    , m_maxChatClientBytes(limits.maxMessageBytesForChatClient)
    , m_maxInFlight(limits.maxRequestsInFlight)
{
    m_wire.attach(m_id, this);
}

ClientSocket::~ClientSocket()
{
    if (!m_closed) {
        m_wire.detach(m_id);
        m_wire.abort(m_id);
    }
}

void ClientSocket::setCaller(const Caller &caller)
{
    m_caller = caller;
    if (caller.kind() == Caller::Kind::Nobody)
        return;
    if (!std::exchange(m_identified, true)) {
        // Also ends the sign-in deadline, which the wire thread keeps.
        m_wire.identified(m_id, caller.isChatClient() ? m_maxChatClientBytes : m_maxMessageBytes);
        Q_EMIT identified(this);
    }
}

void ClientSocket::extendSignInDeadline(std::chrono::milliseconds deadline)
{
    if (m_caller.kind() == Caller::Kind::Nobody && !m_identified)
        m_wire.extendSignInDeadline(m_id, deadline);
}

void ClientSocket::sendMessage(const QByteArray &json)
{
    if (!m_closed)
        m_wire.send(m_id, FrameWriter::text(json));
}

void ClientSocket::sendToAll(const QSet<ClientSocket *> &sockets, const QByteArray &json)
{
    if (sockets.isEmpty())
        return;
    std::vector<quint64> ids;
    ids.reserve(size_t(sockets.size()));
    for (const ClientSocket *socket : sockets) {
        if (!socket->m_closed)
            ids.push_back(socket->m_id);
    }
    // Every connection of the server is on the one Wire.
    (*sockets.cbegin())->m_wire.sendToMany(ids, FrameWriter::text(json));
}

void ClientSocket::closeWith(CloseCode code, const QString &reason)
{
    if (!m_closed)
        m_wire.close(m_id, code, reason.toUtf8());
}

void ClientSocket::abort()
{
    if (!m_closed)
        m_wire.abort(m_id);
}

void ClientSocket::wireText(QByteArray &&utf8)
{
    const RpcMessage message = RpcMessage::decode(utf8);
    switch (message.kind()) {
    case RpcMessage::Kind::Request:
        Q_EMIT requestReceived();
        m_dispatcher->dispatch(this, message);
        return;
    case RpcMessage::Kind::Notification:
        return; // JSON-RPC: notifications get no reply, and clients have none to send us
    case RpcMessage::Kind::Result:
    case RpcMessage::Kind::Error:
        sendMessage(RpcMessage::encodeError(message.id(),
            RpcError::invalidRequest(QStringLiteral("the server sends no requests"))));
        return;
    case RpcMessage::Kind::Invalid:
        sendMessage(RpcMessage::encodeError(message.id(), message.error()));
        return;
    }
}

void ClientSocket::wireBinary()
{
    sendMessage(RpcMessage::encodeError(QJsonValue::Null,
        RpcError::invalidRequest(QStringLiteral("binary frames are not supported"))));
}

void ClientSocket::wireClosed(const QByteArray &why)
{
    m_closed = true;
    if (!why.isEmpty())
        qCInfo(lcWire).noquote() << "dropped" << m_peerAddress << ":" << QString::fromUtf8(why);
    Q_EMIT closed(this);
}

bool ClientSocket::beginRequest()
{
    if (m_inFlight >= m_maxInFlight)
        return false;
    ++m_inFlight;
    return true;
}

void ClientSocket::endRequest()
{
    m_inFlight = std::max(0, m_inFlight - 1);
}

void ClientSocket::wireSignInDeadline()
{
    if (m_caller.kind() != Caller::Kind::Nobody || m_identified)
        return;
    // A sign-in that was asked for in time but waits behind others (hashing is deliberately
    // slow) is not the peer's fault: give it a little longer, a bounded number of times.
    if (m_inFlight > 0 && m_deadlineExtensions < 6) {
        ++m_deadlineExtensions;
        m_wire.extendSignInDeadline(m_id, m_authTimeout);
        return;
    }
    qCInfo(lcRpc) << "closing" << peerAddress() << ": no sign-in in time";
    closeWith(CloseCode::PolicyViolated, QStringLiteral("sign-in timeout"));
}

} // namespace Muster
