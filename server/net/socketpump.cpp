// See socketpump.h.
#include "socketpump.h"

#include "util/logging.h"

#include <QTimer>

namespace Muster {

SocketPump::SocketPump(
    QWebSocket *socket, QTcpSocket *transport, const QString &clientAddress, qint64 maxMessageBytes)
    : m_socket(socket)
    , m_peerAddress(clientAddress)
{
    m_socket->setParent(this);
    // QWebSocket uses the TCP socket it was upgraded from but does not own it: make it a child,
    // so it moves threads with the WebSocket and dies with it (after ~QWebSocket has closed it).
    if (transport)
        transport->setParent(m_socket);
    // Qt's defaults accept ~2 GiB messages; a peer gets 1 MiB and is closed (1009) beyond it.
    m_socket->setMaxAllowedIncomingFrameSize(quint64(maxMessageBytes));
    m_socket->setMaxAllowedIncomingMessageSize(quint64(maxMessageBytes));
    m_socket->setReadBufferSize(maxMessageBytes + 64 * 1024);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &SocketPump::textReceived);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &SocketPump::binaryReceived);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_missedPongs = 0; });
    connect(m_socket, &QWebSocket::disconnected, this, &SocketPump::disconnected);
}

SocketPump::~SocketPump()
{
    m_socket->disconnect(this);
    m_socket->abort();
}

void SocketPump::send(const QString &frame)
{
    m_socket->sendTextMessage(frame);
}

void SocketPump::close(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    m_socket->close(code, reason);
    // A peer that ignores our close frame does not get to keep the socket.
    QTimer::singleShot(std::chrono::seconds(5), m_socket, &QWebSocket::abort);
}

void SocketPump::abort()
{
    m_socket->abort();
}

void SocketPump::ping()
{
    if (m_missedPongs >= 2) {
        qCInfo(lcRpc) << "dropping" << m_peerAddress << "after two unanswered pings";
        m_socket->abort();
        return;
    }
    ++m_missedPongs;
    m_socket->ping();
}

} // namespace Muster
