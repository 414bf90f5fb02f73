// A WebSocket peer written by hand over a bare TCP socket, for what a real client library never
// sends: unfinished or unmasked frames, trickled bytes, a peer that stops answering.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QTcpSocket>

namespace Muster::Test {

class RawPeer
{
public:
    // Connects and upgrades /ws; false when either fails.
    bool open(quint16 port);
    // A complete text frame, masked as RFC 6455 asks of clients (or not, when masked is false).
    void sendText(const QByteArray &payload, bool masked = true);
    // A JSON-RPC request as one masked frame.
    void sendRequest(const QString &method, const QJsonObject &params);
    // The head of a masked text frame announcing `length` bytes, and the first `sent` of them.
    void sendUnfinished(qint64 length, qint64 sent);
    // Waits until the server's bytes contain `needle`.
    bool waitFor(const QByteArray &needle, int timeoutMs = 5000);
    // Waits for the server to close the connection; the close code it sent, or -1 if none.
    int waitForClose(int timeoutMs = 5000);

    QTcpSocket &socket() { return m_socket; }

    static QByteArray frame(const QByteArray &payload, bool masked);

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

} // namespace Muster::Test
