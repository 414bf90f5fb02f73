// See clientsocket.h.
#include "clientsocket.h"

#include "protocol/rpcmessage.h"
#include "rpcdispatcher.h"
#include "util/logging.h"

namespace Muster {

ClientSocket::ClientSocket(
    QWebSocket *socket, RpcDispatcher *dispatcher, const Limits &limits, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_dispatcher(dispatcher)
    , m_maxInFlight(limits.maxRequestsInFlight)
{
    m_socket->setParent(this);
    // Qt's defaults accept ~2 GiB messages; a peer gets 1 MiB and is closed (1009) beyond it.
    m_socket->setMaxAllowedIncomingFrameSize(quint64(limits.maxMessageBytes));
    m_socket->setMaxAllowedIncomingMessageSize(quint64(limits.maxMessageBytes));
    m_socket->setReadBufferSize(limits.maxMessageBytes + 64 * 1024);

    connect(m_socket, &QWebSocket::textMessageReceived, this, &ClientSocket::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &ClientSocket::onBinary);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_missedPongs = 0; });
    connect(m_socket, &QWebSocket::disconnected, this, [this] { Q_EMIT closed(this); });

    m_authTimer.setSingleShot(true);
    connect(&m_authTimer, &QTimer::timeout, this, &ClientSocket::onAuthDeadline);
    m_authTimer.start(limits.authTimeout);
    connect(&m_pingTimer, &QTimer::timeout, this, &ClientSocket::onPingTick);
    m_pingTimer.start(limits.pingInterval);
}

ClientSocket::~ClientSocket()
{
    m_socket->disconnect(this);
}

void ClientSocket::setCaller(const Caller &caller)
{
    m_caller = caller;
    if (caller.isValid())
        m_authTimer.stop();
}

QString ClientSocket::peerAddress() const
{
    return m_socket->peerAddress().toString();
}

void ClientSocket::sendFrame(const QString &frame)
{
    m_socket->sendTextMessage(frame);
}

void ClientSocket::closeNormally()
{
    m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    abortLater();
}

void ClientSocket::closeWith(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    m_socket->close(code, reason);
    abortLater();
}

void ClientSocket::abortLater()
{
    // A peer that ignores our close frame does not get to keep the socket.
    QTimer::singleShot(std::chrono::seconds(5), m_socket, &QWebSocket::abort);
}

void ClientSocket::onText(const QString &text)
{
    const RpcMessage message = RpcMessage::decode(text.toUtf8());
    switch (message.kind()) {
    case RpcMessage::Kind::Request:
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

void ClientSocket::onPingTick()
{
    if (m_missedPongs >= 2) {
        qCInfo(lcRpc) << "dropping" << peerAddress() << "after two unanswered pings";
        m_socket->abort();
        return;
    }
    ++m_missedPongs;
    m_socket->ping();
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
    if (isAuthenticated())
        return;
    // A sign-in that was asked for in time but waits behind others (hashing is deliberately
    // slow) is not the peer's fault: give it a little longer, a bounded number of times.
    if (m_inFlight > 0 && m_deadlineExtensions < 6) {
        ++m_deadlineExtensions;
        m_authTimer.start();
        return;
    }
    qCInfo(lcRpc) << "closing" << peerAddress() << ": no sign-in in time";
    m_socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("sign-in timeout"));
    abortLater();
}

} // namespace Muster
