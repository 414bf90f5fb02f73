// The transport half of one WebSocket peer: owns the QWebSocket, moves frames in and out and
// keeps the connection alive with pings. It may live on a socket thread (see SocketThreads) while
// its ClientSocket lives on the main thread; the two talk only through queued signals, so either
// side may go away first without the other touching freed memory.
#pragma once

#include <QObject>
#include <QWebSocket>

class QTcpSocket;

namespace Muster {

class SocketPump : public QObject
{
    Q_OBJECT
public:
    // Takes ownership of socket and of the TCP socket it was upgraded from. Messages above
    // maxMessageBytes close the connection (1009). clientAddress is where the peer really is
    // (behind a trusted proxy, not the proxy).
    SocketPump(QWebSocket *socket, QTcpSocket *transport, const QString &clientAddress,
        qint64 maxMessageBytes);
    ~SocketPump() override;

    QString peerAddress() const { return m_peerAddress; }

public Q_SLOTS:
    void send(const QString &frame);
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
    QWebSocket *m_socket;
    QString m_peerAddress;
    int m_missedPongs = 0;
};

} // namespace Muster
