// See rawpeer.h.
#include "rawpeer.h"

#include "protocol/rpcmessage.h"

#include <QHostAddress>
#include <QTest>

namespace Muster::Test {

namespace {

const char kMask[4] = {0x12, 0x34, 0x56, 0x78};

QByteArray frameHead(qint64 length, bool masked)
{
    QByteArray head;
    head.append(char(0x81)); // FIN, text
    const char maskBit = masked ? char(0x80) : char(0);
    if (length < 126) {
        head.append(char(maskBit | char(length)));
    } else if (length <= 0xffff) {
        head.append(char(maskBit | 126));
        head.append(char((length >> 8) & 0xff));
        head.append(char(length & 0xff));
    } else {
        head.append(char(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            head.append(char((length >> shift) & 0xff));
    }
    if (masked)
        head.append(kMask, 4);
    return head;
}

} // namespace

bool RawPeer::open(quint16 port)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    if (!m_socket.waitForConnected(5000))
        return false;
    m_socket.write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                   "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                   "Sec-WebSocket-Version: 13\r\n\r\n");
    if (!waitFor("\r\n\r\n") || !m_received.startsWith("HTTP/1.1 101"))
        return false;
    m_received.remove(0, m_received.indexOf("\r\n\r\n") + 4);
    return true;
}

QByteArray RawPeer::frame(const QByteArray &payload, bool masked)
{
    QByteArray out = frameHead(payload.size(), masked);
    for (qsizetype i = 0; i < payload.size(); ++i)
        out.append(masked ? char(payload.at(i) ^ kMask[i % 4]) : payload.at(i));
    return out;
}

void RawPeer::sendText(const QByteArray &payload, bool masked)
{
    m_socket.write(frame(payload, masked));
}

void RawPeer::sendRequest(const QString &method, const QJsonObject &params)
{
    sendText(RpcMessage::encodeRequest(QJsonValue(1), method, params));
}

void RawPeer::sendUnfinished(qint64 length, qint64 sent)
{
    // Masking with a zero-free key over spaces keeps the payload plain bytes; their value is
    // beside the point, only that they are buffered.
    m_socket.write(frameHead(length, true));
    m_socket.write(QByteArray(sent, ' '));
}

bool RawPeer::waitFor(const QByteArray &needle, int timeoutMs)
{
    return QTest::qWaitFor(
        [&] {
            m_received += m_socket.readAll();
            return m_received.contains(needle);
        },
        timeoutMs);
}

int RawPeer::waitForClose(int timeoutMs)
{
    const bool closed = QTest::qWaitFor(
        [&] {
            m_received += m_socket.readAll();
            return m_socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    if (!closed)
        return -1;
    m_received += m_socket.readAll();
    // A server close frame: 0x88, a length, then the code.
    const qsizetype at = m_received.indexOf(char(0x88));
    if (at < 0 || m_received.size() < at + 4)
        return -1;
    return (quint8(m_received.at(at + 2)) << 8) | quint8(m_received.at(at + 3));
}

} // namespace Muster::Test
