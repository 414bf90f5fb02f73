// The transport on real sockets (server/wire): what a client that frames by hand meets — messages
// in fragments with pings between them, frames sent with the upgrade head, a close in the middle
// of a message, text that is not UTF-8, frames too big to take, broken framing, a head that never
// ends, and a peer that stops reading while pushes pile up for it: it is dropped, and what it
// held never passes the limit. The codec alone is tst_frames; the contract of the upgrade and the
// limits shared with Qt clients is tst_protocol and tst_connectionlimits.
#include "protocol/rpcmessage.h"
#include "testclient.h"
#include "testserver.h"
#include "wire/framedecoder.h"
#include "wire/framewriter.h"
#include "wire/memorybudget.h"

#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Muster;
using namespace Muster::Test;

namespace {

using W = FrameWriter;

QByteArray masked(W::Opcode opcode, QByteArrayView payload, bool fin = true)
{
    return W::maskedFrame(opcode, payload, 0x5be1f00d, fin);
}

QByteArray loginRequest(const QString &login)
{
    return RpcMessage::encodeRequest(QJsonValue(1), QStringLiteral("session.login"),
        {{QStringLiteral("login"), login},
            {QStringLiteral("password"), QStringLiteral("correct horse")}});
}

// A client over a plain socket, framing by hand. Never blocks on reading: the server under test
// runs on this thread, so every wait spins the event loop (QTest::qWaitFor).
class Peer final : private FrameDecoder::Sink
{
public:
    // receiveBuffer > 0 shrinks the socket's receive buffer, so a peer that stops reading is
    // noticed after little data.
    explicit Peer(quint16 port, int receiveBuffer = 0)
        : m_fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0))
    {
        if (receiveBuffer > 0)
            setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    }
    ~Peer() { ::close(m_fd); }

    // Upgrades /ws, sending `extra` in the same write as the head.
    bool upgrade(const QByteArray &extra = {})
    {
        send("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
            + extra);
        return m_connected && waitFor([this] { return m_upgraded || m_ended; })
            && m_head.startsWith("HTTP/1.1 101");
    }
    bool signIn(const QString &login)
    {
        send(masked(W::Text, loginRequest(login)));
        return waitFor([this] { return messageContaining("\"token\"") || m_ended; })
            && messageContaining("\"token\"");
    }

    void send(const QByteArray &bytes)
    {
        for (qsizetype at = 0; at < bytes.size();) {
            const ssize_t n
                = ::send(m_fd, bytes.constData() + at, size_t(bytes.size() - at), MSG_NOSIGNAL);
            if (n <= 0)
                return;
            at += n;
        }
    }
    // Reads what has arrived, without waiting.
    void pump()
    {
        char buffer[16384];
        while (!m_ended) {
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
                m_reset = n < 0 && errno == ECONNRESET;
                m_ended = true;
                return;
            }
            if (n < 0)
                return;
            QByteArrayView bytes(buffer, n);
            if (!m_upgraded) {
                m_head.append(bytes);
                const qsizetype end = m_head.indexOf("\r\n\r\n");
                if (end < 0)
                    continue;
                m_upgraded = true;
                bytes = QByteArrayView(m_head).sliced(end + 4);
                const QByteArray rest = bytes.toByteArray();
                m_head.truncate(end + 4);
                m_decoder.feed(rest, *this);
                continue;
            }
            m_decoder.feed(bytes, *this);
        }
    }
    bool waitFor(const std::function<bool()> &condition, int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
            [&] {
                pump();
                return condition();
            },
            timeoutMs);
    }
    // Waits for the connection to end; the server's close code, or -1 if it sent none.
    int waitForEnd(int timeoutMs = 5000)
    {
        waitFor([this] { return m_ended; }, timeoutMs);
        return m_ended ? m_closeCode : -2;
    }

    bool messageContaining(const QByteArray &needle) const
    {
        return std::any_of(m_messages.cbegin(), m_messages.cend(),
            [&](const QByteArray &m) { return m.contains(needle); });
    }
    const QList<QByteArray> &messages() const { return m_messages; }
    const QStringList &log() const { return m_log; }
    bool ended() const { return m_ended; }
    // Whether the server has reset the connection, found without reading what it sent.
    bool hasBeenReset()
    {
        if (m_resetSeen)
            return true;
        int error = 0;
        socklen_t length = sizeof error;
        getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length);
        m_resetSeen = error == ECONNRESET;
        return m_resetSeen;
    }
    bool wasReset() const { return m_reset; }
    const QByteArray &head() const { return m_head; }

private:
    void textMessage(QByteArray &&utf8) override
    {
        m_log << QStringLiteral("text");
        m_messages << utf8;
    }
    void binaryMessage(QByteArray &&) override { m_log << QStringLiteral("binary"); }
    void ping(QByteArrayView payload) override
    {
        m_log << QStringLiteral("ping:") + QString::fromLatin1(payload);
    }
    void pong(QByteArrayView payload) override
    {
        m_log << QStringLiteral("pong:") + QString::fromLatin1(payload);
    }
    void closeFrame(quint16 code, QByteArrayView) override
    {
        m_log << QStringLiteral("close:%1").arg(code);
        m_closeCode = code;
    }

    int m_fd;
    bool m_connected = false;
    bool m_upgraded = false;
    bool m_ended = false;
    bool m_reset = false;
    bool m_resetSeen = false;
    int m_closeCode = -1;
    QByteArray m_head;
    FrameDecoder m_decoder {FrameDecoder::Sender::Server, 64 * 1024 * 1024};
    QList<QByteArray> m_messages;
    QStringList m_log;
};

} // namespace

class TestWire : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    ClientSocket::Limits m_limits;

    quint16 port() { return m_server->server().port(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_limits.headTimeout = std::chrono::milliseconds(400);
        m_limits.maxUnsentBytes = 64 * 1024;
        m_server = std::make_unique<TestServer>(m_limits);
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Acme")).isNull());
        for (const QString &login : {QStringLiteral("ada"), QStringLiteral("bob")})
            QVERIFY(!m_server->createUser(login, QStringLiteral("Acme"), Role::Staff).isNull());
    }
    void cleanupTestCase() { m_server.reset(); }

    void fragmentedMessagesWithPingsBetweenAreAnswered()
    {
        Peer peer(port());
        QVERIFY(peer.upgrade());
        const QByteArray request = loginRequest(QStringLiteral("ada"));
        const qsizetype third = request.size() / 3;
        // Split inside the JSON, with control frames between the fragments; sent byte by byte,
        // so the server also meets every frame cut at every point.
        const QByteArray stream = masked(W::Text, request.first(third), false)
            + masked(W::Ping, "first")
            + masked(W::Continuation, request.sliced(third, third), false)
            + masked(W::Ping, "second") + masked(W::Continuation, request.sliced(2 * third));
        for (const char c : stream)
            peer.send(QByteArray(1, c));
        QVERIFY(peer.waitFor([&] { return peer.messageContaining("\"token\""); }));
        // Pings are answered at once, in order, before the message they interrupted is whole.
        QCOMPARE(peer.log().mid(0, 3),
            QStringList({QStringLiteral("pong:first"), QStringLiteral("pong:second"),
                QStringLiteral("text")}));
    }

    void framesSentWithTheHeadAreRead()
    {
        Peer peer(port());
        QVERIFY(peer.upgrade(masked(W::Text, loginRequest(QStringLiteral("ada")))));
        QVERIFY(peer.waitFor([&] { return peer.messageContaining("\"token\""); }));
    }

    void aCloseInTheMiddleOfAMessageIsAnsweredAndEndsIt()
    {
        Peer peer(port());
        QVERIFY(peer.upgrade());
        peer.send(masked(W::Text, "{\"jsonrpc\":\"2.0\",", false));
        peer.send(masked(W::Close,
            QByteArray("\x03\xe9"
                       "going",
                7)));
        // The server echoes the code and closes the connection; the half message is dropped.
        QCOMPARE(peer.waitForEnd(), 1001);
        QVERIFY(peer.messages().isEmpty());
        QVERIFY(!peer.wasReset());
    }

    void aCleanCloseIsEchoed()
    {
        Peer peer(port());
        QVERIFY(peer.upgrade());
        QVERIFY(peer.signIn(QStringLiteral("ada")));
        peer.send(masked(W::Close, QByteArray("\x03\xe8", 2)));
        QCOMPARE(peer.waitForEnd(), 1000);
    }

    void textThatIsNotUtf8IsRefused_data()
    {
        QTest::addColumn<QByteArray>("frames");
        QTest::newRow("one frame") << masked(W::Text, "{\"x\":\"\xc0\xaf\"}");
        QTest::newRow("a surrogate") << masked(W::Text, "\xed\xa0\x80");
        QTest::newRow("in a later fragment")
            << masked(W::Text, "{\"x\":\"", false) + masked(W::Continuation, "\xff\"}");
        QTest::newRow("cut at the end")
            << masked(W::Text, "ok \xe2\x9c", false) + masked(W::Continuation, "");
    }

    void textThatIsNotUtf8IsRefused()
    {
        QFETCH(QByteArray, frames);
        Peer peer(port());
        QVERIFY(peer.upgrade());
        peer.send(frames);
        QCOMPARE(peer.waitForEnd(), int(CloseCode::InvalidPayload));
        QVERIFY(peer.messages().isEmpty());
    }

    void brokenFramingIsAProtocolError_data()
    {
        QTest::addColumn<QByteArray>("frames");
        QTest::newRow("unmasked") << W::frame(W::Text, "{}");
        QByteArray reserved = masked(W::Text, "{}");
        reserved[0] = char(reserved[0] | 0x20);
        QTest::newRow("reserved bit") << reserved;
        QTest::newRow("continuation first") << masked(W::Continuation, "{}");
        QTest::newRow("fragmented ping") << masked(W::Ping, "x", false);
        QTest::newRow("close code 1005") << masked(W::Close, QByteArray("\x03\xed", 2));
    }

    void brokenFramingIsAProtocolError()
    {
        QFETCH(QByteArray, frames);
        Peer peer(port());
        QVERIFY(peer.upgrade());
        peer.send(frames);
        QCOMPARE(peer.waitForEnd(), int(CloseCode::ProtocolError));
    }

    void aFrameTooBigIsRefusedFromItsHeader()
    {
        // Before sign-in a message may be 16 KiB: a header announcing 1 MiB is enough to refuse,
        // without a byte of its payload.
        Peer peer(port());
        QVERIFY(peer.upgrade());
        const QByteArray frame = masked(W::Text, QByteArray(1024 * 1024, 'x'));
        peer.send(frame.first(W::headerSize(1024 * 1024, true)));
        QCOMPARE(peer.waitForEnd(), int(CloseCode::TooBig));
        // Fragments each small but too much together.
        Peer fragments(port());
        QVERIFY(fragments.upgrade());
        fragments.send(masked(W::Text, QByteArray(10000, ' '), false));
        fragments.send(masked(W::Continuation, QByteArray(10000, ' ')));
        QCOMPARE(fragments.waitForEnd(), int(CloseCode::TooBig));
    }

    void aHeadThatNeverEndsIsCutOff()
    {
        // Trickled a byte at a time, a head gets no longer than the head timeout (400 ms here).
        Peer peer(port());
        QElapsedTimer clock;
        clock.start();
        const QByteArray head = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
        for (int i = 0; i < 50 && !peer.ended(); ++i) {
            peer.send(head.mid(i % head.size(), 1));
            peer.waitFor([] { return false; }, 30);
        }
        QVERIFY(peer.waitFor([&] { return peer.ended(); }, 3000));
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(peer.head().isEmpty()); // cut, not answered
    }

    void aPeerThatStopsReadingIsDroppedWithinItsLimit()
    {
        // A peer with a small receive buffer signs in and then reads nothing, while answers to
        // its own requests and pushes from another member's changes pile up for it. Answers are
        // the quickest way to a lot of bytes — each echoes the request's 60 KB id — and they
        // queue with the pushes, in the one queue the limit is about.
        Peer stalled(port(), 4096);
        QVERIFY(stalled.upgrade());
        QVERIFY(stalled.signIn(QStringLiteral("bob")));
        TestClient busy;
        QVERIFY(busy.signIn(m_server->wsUrl(), QStringLiteral("ada")));
        const QString stateId = m_server->sql()
                                    .exec("SELECT s.id FROM states s JOIN organisations o ON"
                                          " o.id = s.organisation_id WHERE o.name = 'Acme'"
                                          " ORDER BY s.sort_order LIMIT 1")
                                    .text(0, 0);
        const QByteArray bigRequest = masked(W::Text,
            RpcMessage::encodeRequest(QString(60000, u'x'), QStringLiteral("no.such"), {}));
        const MemoryBudget &budget = m_server->server().memoryBudget();
        qint64 mostHeld = 0;
        int rounds = 0;
        for (; rounds < 1000 && !stalled.hasBeenReset(); ++rounds) {
            stalled.send(bigRequest);
            const QJsonObject reply = busy.call(QStringLiteral("presence.set"),
                {{QStringLiteral("stateId"), stateId},
                    {QStringLiteral("message"), QStringLiteral("round %1").arg(rounds)}});
            QVERIFY2(reply.contains(QStringLiteral("result")), qPrintable(QString::number(rounds)));
            mostHeld = std::max(mostHeld, budget.used());
        }
        qInfo() << rounds << "rounds until the drop; the most the server held:" << mostHeld
                << "bytes";
        QVERIFY2(stalled.hasBeenReset(), qPrintable(QString::number(rounds)));
        // Something was held (the kernel's buffers were full), never more than the limit.
        QVERIFY(mostHeld > 0);
        QVERIFY2(mostHeld <= m_limits.maxUnsentBytes,
            qPrintable(QStringLiteral("%1 > %2").arg(mostHeld).arg(m_limits.maxUnsentBytes)));
        // It is told nothing: a peer that reads nothing would never read a close frame.
        QCOMPARE(stalled.waitForEnd(), -1);
        QTRY_COMPARE(budget.used(), qint64(0));
        // The others are unharmed.
        QVERIFY(busy.call(QStringLiteral("presence.list")).contains(QStringLiteral("result")));
    }
};

QTEST_GUILESS_MAIN(TestWire)
#include "tst_wire.moc"
