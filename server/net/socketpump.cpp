// See socketpump.h.
#include "socketpump.h"

#include "memorybudget.h"
#include "util/logging.h"

#include <QTcpSocket>
#include <QTimer>

namespace Muster {

SocketPump::SocketPump(QWebSocket *socket, QTcpSocket *transport, const QString &clientAddress,
    qint64 maxMessageBytes, MemoryBudget &budget)
    : m_socket(socket)
    , m_transport(transport)
    , m_budget(budget)
    , m_peerAddress(clientAddress)
{
    m_socket->setParent(this);
    // QWebSocket uses the TCP socket it was upgraded from but does not own it: make it a child,
    // so it moves threads with the WebSocket and dies with it (after ~QWebSocket has closed it).
    if (transport)
        transport->setParent(m_socket);
    setMessageLimit(maxMessageBytes);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &SocketPump::textReceived);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &SocketPump::binaryReceived);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_missedPongs = 0; });
    connect(m_socket, &QWebSocket::disconnected, this, &SocketPump::disconnected);
    // After the WebSocket's own handlers (connected first), so complete frames are already gone.
    if (m_transport) {
        connect(m_transport, &QTcpSocket::readyRead, this, &SocketPump::account);
        connect(m_transport, &QTcpSocket::bytesWritten, this, &SocketPump::account);
    }
    m_budget.addConnection();
}

SocketPump::~SocketPump()
{
    m_socket->disconnect(this);
    if (m_transport)
        m_transport->disconnect(this);
    m_socket->abort();
    m_budget.update(m_buffered, 0);
    m_budget.removeConnection();
}

void SocketPump::setMessageLimit(qint64 maxMessageBytes)
{
    // Qt's defaults accept ~2 GiB messages; beyond the limit a peer is closed (1009).
    m_socket->setMaxAllowedIncomingFrameSize(quint64(maxMessageBytes));
    m_socket->setMaxAllowedIncomingMessageSize(quint64(maxMessageBytes));
    m_socket->setReadBufferSize(maxMessageBytes + 64 * 1024);
}

void SocketPump::account()
{
    if (!m_transport || m_overBudget)
        return;
    const qint64 now = m_transport->bytesAvailable() + m_transport->bytesToWrite();
    if (m_budget.update(m_buffered, now)) {
        m_buffered = now;
        return;
    }
    m_overBudget = true;
    qCInfo(lcRpc) << "closing" << m_peerAddress << ": it holds" << now
                  << "bytes while the server is over its memory budget";
    m_socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("server busy"));
    // What it holds is given back now, not when a peer that sends too much deigns to answer.
    QTimer::singleShot(0, m_socket, &QWebSocket::abort);
    m_budget.update(std::exchange(m_buffered, 0), 0);
}

void SocketPump::send(const QString &frame)
{
    m_socket->sendTextMessage(frame);
    account();
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
