// The transport half of one WebSocket peer: owns the QWebSocket, moves frames in and out and
// keeps the connection alive with pings. It may live on a socket thread (see SocketThreads) while
// its ClientSocket lives on the main thread; the two talk only through queued signals, so either
// side may go away first without the other touching freed memory.
#pragma once

#include <QObject>
#include <QWebSocket>

class QTcpSocket;

namespace Muster {

class MemoryBudget;

class SocketPump : public QObject
{
    Q_OBJECT
public:
    // Takes ownership of socket and of the TCP socket it was upgraded from. Messages above
    // maxMessageBytes close the connection (1009). clientAddress is where the peer really is
    // (behind a trusted proxy, not the proxy). What the connection buffers counts against
    // budget, which must outlive the pump.
    SocketPump(QWebSocket *socket, QTcpSocket *transport, const QString &clientAddress,
        qint64 maxMessageBytes, MemoryBudget &budget);
    ~SocketPump() override;

    QString peerAddress() const { return m_peerAddress; }

public Q_SLOTS:
    void send(const QString &frame);
    // The largest message the peer may send from now on (small until it has signed in).
    void setMessageLimit(qint64 maxMessageBytes);
    // Sends a close frame, and drops a peer that does not answer it within a few seconds.
    void close(QWebSocketProtocol::CloseCode code, const QString &reason);
    void abort();
    // Keep-alive, on the clock of the pump's thread: a peer that missed two pongs is dropped.
    void ping();

Q_SIGNALS:
    void textReceived(const QString &text);
    void binaryReceived();
    void disconnected();

private:
    // Re-counts what the connection buffers; closes it when it is the greediest over budget.
    void account();

    QWebSocket *m_socket;
    QTcpSocket *m_transport;
    MemoryBudget &m_budget;
    qint64 m_buffered = 0;
    bool m_overBudget = false;
    QString m_peerAddress;
    int m_missedPongs = 0;
};

} // namespace Muster
