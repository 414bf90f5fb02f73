// See clientsocket.h.
#include "clientsocket.h"

#include "protocol/rpcmessage.h"
#include "rpcdispatcher.h"
#include "socketpump.h"
#include "util/logging.h"

namespace Muster {

ClientSocket::ClientSocket(
    SocketPump *pump, RpcDispatcher *dispatcher, const Limits &limits, QObject *parent)
    : QObject(parent)
    , m_pump(pump)
    , m_pumpGuard(pump)
    , m_peerAddress(pump->peerAddress())
    , m_dispatcher(dispatcher)
    , m_maxInFlight(limits.maxRequestsInFlight)
    , m_maxMessageBytes(limits.maxMessageBytes)
    , m_maxChatClientBytes(limits.maxMessageBytesForChatClient)
{
    // Signals only, never calls: they are queued across threads and dropped once either side is
    // gone, which is what makes the split safe.
    connect(m_pump, &SocketPump::textReceived, this, &ClientSocket::onText);
    connect(m_pump, &SocketPump::binaryReceived, this, &ClientSocket::onBinary);
    connect(m_pump, &SocketPump::disconnected, this, [this] { Q_EMIT closed(this); });
    connect(this, &ClientSocket::frameOut, m_pump, &SocketPump::send);
    connect(this, &ClientSocket::closeOut, m_pump, &SocketPump::close);
    connect(this, &ClientSocket::abortOut, m_pump, &SocketPump::abort);
    connect(this, &ClientSocket::messageLimitOut, m_pump, &SocketPump::setMessageLimit);

    m_authTimer.setSingleShot(true);
    connect(&m_authTimer, &QTimer::timeout, this, &ClientSocket::onAuthDeadline);
    m_authTimer.start(limits.authTimeout);
}

ClientSocket::~ClientSocket()
{
    m_pump->disconnect(this);
    // Runs on the pump's own thread, which also closes the connection.
    m_pump->deleteLater();
}

void ClientSocket::setCaller(const Caller &caller)
{
    m_caller = caller;
    if (caller.kind() == Caller::Kind::Nobody)
        return;
    m_authTimer.stop();
    if (!std::exchange(m_identified, true)) {
        Q_EMIT messageLimitOut(caller.isChatClient() ? m_maxChatClientBytes : m_maxMessageBytes);
        Q_EMIT identified(this);
    }
}

void ClientSocket::extendSignInDeadline(std::chrono::milliseconds deadline)
{
    if (m_caller.kind() == Caller::Kind::Nobody)
        m_authTimer.start(deadline);
}

void ClientSocket::sendFrame(const QString &frame)
{
    Q_EMIT frameOut(frame);
}

void ClientSocket::closeNormally()
{
    Q_EMIT closeOut(QWebSocketProtocol::CloseCodeNormal, {});
}

void ClientSocket::closeWith(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    Q_EMIT closeOut(code, reason);
}

void ClientSocket::abort()
{
    Q_EMIT abortOut();
}

void ClientSocket::onText(const QString &text)
{
    const RpcMessage message = RpcMessage::decode(text.toUtf8());
    switch (message.kind()) {
    case RpcMessage::Kind::Request:
        Q_EMIT requestReceived();
        m_dispatcher->dispatch(this, message);
        return;
    case RpcMessage::Kind::Notification:
        return; // JSON-RPC: notifications get no reply, and clients have none to send us
    case RpcMessage::Kind::Result:
    case RpcMessage::Kind::Error:
        sendFrame(QString::fromUtf8(RpcMessage::encodeError(message.id(),
            RpcError::invalidRequest(QStringLiteral("the server sends no requests")))));
        return;
    case RpcMessage::Kind::Invalid:
        sendFrame(QString::fromUtf8(RpcMessage::encodeError(message.id(), message.error())));
        return;
    }
}

void ClientSocket::onBinary()
{
    sendFrame(QString::fromUtf8(RpcMessage::encodeError(QJsonValue::Null,
        RpcError::invalidRequest(QStringLiteral("binary frames are not supported")))));
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

void ClientSocket::onAuthDeadline()
{
    if (m_caller.kind() != Caller::Kind::Nobody)
        return;
    // A sign-in that was asked for in time but waits behind others (hashing is deliberately
    // slow) is not the peer's fault: give it a little longer, a bounded number of times.
    if (m_inFlight > 0 && m_deadlineExtensions < 6) {
        ++m_deadlineExtensions;
        m_authTimer.start();
        return;
    }
    qCInfo(lcRpc) << "closing" << peerAddress() << ": no sign-in in time";
    closeWith(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("sign-in timeout"));
}

} // namespace Muster
