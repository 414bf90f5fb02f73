// Hostile and careless peers: garbage frames, wrong shapes, no sign-in, huge frames, probing
// HTTP paths, and every method's minimum role. Each gets a clear error, never a crash.
#include "protocol/rpcmessage.h"
#include "testclient.h"
#include "testserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

namespace {

int errorCode(const QJsonObject &reply)
{
    return reply.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt();
}

QByteArray requestFrame(const QString &method, const QJsonObject &params)
{
    return RpcMessage::encodeRequest(QJsonValue(1), method, params);
}

// A client-to-server text frame, masked as RFC 6455 requires.
QByteArray maskedTextFrame(const QByteArray &payload)
{
    QByteArray frame;
    frame.append(char(0x81));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else {
        frame.append(char(0x80 | 126));
        frame.append(char((payload.size() >> 8) & 0xff));
        frame.append(char(payload.size() & 0xff));
    }
    const char mask[4] = {0x12, 0x34, 0x56, 0x78};
    frame.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload.at(i) ^ mask[i % 4]));
    return frame;
}

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QByteArray server;
};

HttpAnswer httpGet(const QUrl &url)
{
    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(5000);
    HttpAnswer a {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
        reply->readAll(), reply->rawHeader("Server")};
    reply->deleteLater();
    return a;
}

} // namespace

class TestProtocol : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        ClientSocket::Limits limits;
        limits.authTimeout = std::chrono::milliseconds(700);
        limits.maxRequestsInFlight = 4;
        limits.pingInterval = std::chrono::milliseconds(300);
        m_server = std::make_unique<TestServer>(limits);
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Acme")).isNull());
        for (int r = int(Role::Banned); r <= int(Role::Admin); ++r) {
            const Role role = Role(r);
            QVERIFY(!m_server->createUser(roleName(role), QStringLiteral("Acme"), role).isNull());
        }
        // The lowest role that can sign in, with the server-wide flag.
        QVERIFY(
            !m_server->createUser(QStringLiteral("super"), QStringLiteral("Acme"), Role::Attendee)
                 .isNull());
        QVERIFY(m_server->sql()
                    .exec("UPDATE users SET is_superadmin = true WHERE login = 'super'")
                    .ok());
    }
    void cleanupTestCase() { m_server.reset(); }

    void malformedFramesGetJsonRpcErrors_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("code");
        QTest::newRow("garbage") << QByteArray("\x01\x02 not json") << -32700;
        QTest::newRow("truncated")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sess") << -32700;
        QTest::newRow("number") << QByteArray("42") << -32600;
        QTest::newRow("wrong version")
            << QByteArray(R"({"jsonrpc":"1.0","id":1,"method":"presence.list"})") << -32600;
        QTest::newRow("no method") << QByteArray(R"({"jsonrpc":"2.0","id":1})") << -32600;
        QTest::newRow("unknown method")
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"admin.dropAll"})") << -32601;
        QTest::newRow("params not object")
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"session.login","params":"x"})")
            << -32602;
        QTest::newRow("login wrong types") << QByteArray(
            R"({"jsonrpc":"2.0","id":1,"method":"session.login","params":{"login":1,"password":[]}})")
                                           << -32602;
        QTest::newRow("token too long") << requestFrame(
            QStringLiteral("session.resume"), {{QStringLiteral("token"), QString(500, u'a')}})
                                        << -32602;
    }

    void malformedFramesGetJsonRpcErrors()
    {
        QFETCH(QByteArray, frame);
        QFETCH(int, code);
        TestClient c;
        QVERIFY(c.open(m_server->wsUrl()));
        const QJsonObject reply = c.sendRaw(frame);
        QCOMPARE(errorCode(reply), code);
        QVERIFY(!TestClient::errorReason(reply).isEmpty());
        // Still usable afterwards: a real sign-in works on the same connection.
        QVERIFY(c.login(QStringLiteral("staff"), QStringLiteral("correct horse"))
                    .contains(QStringLiteral("result")));
    }

    void methodsNeedSignIn()
    {
        TestClient c;
        QVERIFY(c.open(m_server->wsUrl()));
        QCOMPARE(TestClient::errorReason(c.call(QStringLiteral("presence.list"))),
            QStringLiteral("unauthenticated"));
        QCOMPARE(TestClient::errorReason(c.call(QStringLiteral("session.logout"))),
            QStringLiteral("unauthenticated"));
    }

    void silentPeerIsClosedAfterTheSignInDeadline()
    {
        TestClient c;
        QVERIFY(c.open(m_server->wsUrl()));
        QVERIFY(c.waitForDisconnect(5000));
        QCOMPARE(c.socket().closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    }

    void signedInPeerOutlivesTheDeadline()
    {
        TestClient c;
        QVERIFY(c.open(m_server->wsUrl()));
        QVERIFY(c.login(QStringLiteral("staff"), QStringLiteral("correct horse"))
                    .contains(QStringLiteral("result")));
        QVERIFY(!c.waitForDisconnect(1500));
        QVERIFY(c.call(QStringLiteral("presence.list")).contains(QStringLiteral("result")));
    }

    void oversizeFrameIsRefused()
    {
        TestClient c;
        QVERIFY(c.open(m_server->wsUrl()));
        QVERIFY(c.login(QStringLiteral("staff"), QStringLiteral("correct horse"))
                    .contains(QStringLiteral("result")));
        const QByteArray huge = requestFrame(QStringLiteral("presence.set"),
            {{QStringLiteral("stateId"), QString(2 * 1024 * 1024, u'x')}});
        c.socket().sendTextMessage(QString::fromLatin1(huge));
        QVERIFY(c.waitForDisconnect(10000));
        QCOMPARE(c.socket().closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
        // The server is unharmed.
        TestClient next;
        QVERIFY(next.open(m_server->wsUrl()));
        QVERIFY(next.login(QStringLiteral("staff"), QStringLiteral("correct horse"))
                    .contains(QStringLiteral("result")));
    }

    void floodsOfRequestsAreRefusedNotQueued()
    {
        // Sign-ins are slow on purpose (argon2id), so a burst of them is certain to pile up.
        TestClient c;
        QVERIFY(c.open(m_server->wsUrl()));
        for (int i = 0; i < 20; ++i) {
            c.socket().sendTextMessage(
                QString::fromUtf8(requestFrame(QStringLiteral("session.login"),
                    {{QStringLiteral("login"), QStringLiteral("nobody%1").arg(i)},
                        {QStringLiteral("password"), QStringLiteral("guess")}})));
        }
        // Every request is answered: at most four are served at a time, the rest refused at once.
        const QList<QJsonObject> replies = c.waitForReplies(20);
        QCOMPARE(replies.size(), 20);
        int served = 0, refused = 0;
        for (const QJsonObject &r : replies) {
            served += TestClient::errorReason(r) == QStringLiteral("invalid_credentials") ? 1 : 0;
            refused += TestClient::errorReason(r) == QStringLiteral("rate_limited") ? 1 : 0;
        }
        QVERIFY2(served >= 4, qPrintable(QString::number(served)));
        QVERIFY2(refused >= 1, qPrintable(QString::number(refused)));
        QCOMPARE(served + refused, 20);
        // Once the burst is over the connection serves normally.
        QVERIFY(c.login(QStringLiteral("staff"), QStringLiteral("correct horse"))
                    .contains(QStringLiteral("result")));
    }

    void peerThatStopsAnsweringIsDroppedAndShownOffline()
    {
        TestClient watcher;
        QVERIFY(watcher.open(m_server->wsUrl()));
        QVERIFY(watcher.login(QStringLiteral("staff"), QStringLiteral("correct horse"))
                    .contains(QStringLiteral("result")));
        const QString leadId
            = m_server->sql().exec("SELECT id FROM users WHERE login = 'lead'").text(0, 0);

        // A raw WebSocket peer that signs in and then goes silent, as a laptop whose Wi-Fi dies:
        // it never answers a ping and never closes.
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, m_server->server().port());
        QVERIFY(raw.waitForConnected(5000));
        raw.write(
            "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QTRY_VERIFY(raw.bytesAvailable() > 0 && raw.peek(64).startsWith("HTTP/1.1 101"));
        raw.readAll();
        raw.write(maskedTextFrame(requestFrame(QStringLiteral("session.login"),
            {{QStringLiteral("login"), QStringLiteral("lead")},
                {QStringLiteral("password"), QStringLiteral("correct horse")}})));
        QVERIFY(!watcher
                     .waitForPush(QStringLiteral("presence.changed"),
                         {{QStringLiteral("userId"), leadId}, {QStringLiteral("online"), true}})
                     .isEmpty());
        const QJsonObject gone = watcher.waitForPush(QStringLiteral("presence.changed"),
            {{QStringLiteral("userId"), leadId}, {QStringLiteral("online"), false}}, 5000);
        QVERIFY(gone.contains(QStringLiteral("lastSeen")));
    }

    void binaryFramesAreRefused()
    {
        TestClient c;
        QVERIFY(c.open(m_server->wsUrl()));
        c.socket().sendBinaryMessage(QByteArray("\x00\x01", 2));
        QTRY_VERIFY(c.socket().state() == QAbstractSocket::ConnectedState);
        QVERIFY(c.login(QStringLiteral("staff"), QStringLiteral("correct horse"))
                    .contains(QStringLiteral("result")));
    }

    void everyMethodHasItsMinimumRole()
    {
        // For each method with a minimum role: signed out → unauthenticated, one role below →
        // forbidden, at the minimum → anything but those two.
        const auto &methods = m_server->server().dispatcher().methods();
        QVERIFY(methods.contains(QStringLiteral("presence.set")));
        for (auto it = methods.cbegin(); it != methods.cend(); ++it) {
            if (!it->minimumRole || it.key() == QStringLiteral("session.logout"))
                continue;
            const Role minimum = *it->minimumRole;
            TestClient anonymous;
            QVERIFY(anonymous.open(m_server->wsUrl()));
            QCOMPARE(TestClient::errorReason(anonymous.call(it.key())),
                QStringLiteral("unauthenticated"));
            if (minimum > Role::Attendee) {
                TestClient below;
                QVERIFY(below.open(m_server->wsUrl()));
                const Role lower = Role(int(minimum) - 1);
                QVERIFY(below.login(roleName(lower), QStringLiteral("correct horse"))
                            .contains(QStringLiteral("result")));
                QVERIFY2(
                    TestClient::errorReason(below.call(it.key())) == QStringLiteral("forbidden"),
                    qPrintable(it.key()));
            }
            TestClient at;
            QVERIFY(at.open(m_server->wsUrl()));
            QVERIFY(at.login(roleName(minimum), QStringLiteral("correct horse"))
                        .contains(QStringLiteral("result")));
            QString reason = TestClient::errorReason(at.call(it.key()));
            if (it->superadminOnly) {
                // The role is not enough without the flag; the flag on the lowest role is.
                QVERIFY2(reason == QStringLiteral("forbidden"), qPrintable(it.key()));
                QCOMPARE(minimum, Role::Attendee);
                TestClient super;
                QVERIFY(super.open(m_server->wsUrl()));
                QVERIFY(super.login(QStringLiteral("super"), QStringLiteral("correct horse"))
                            .contains(QStringLiteral("result")));
                reason = TestClient::errorReason(super.call(it.key()));
            }
            QVERIFY2(reason != QStringLiteral("forbidden")
                    && reason != QStringLiteral("unauthenticated"),
                qPrintable(it.key()));
        }
    }

    void httpProbesGetABare404()
    {
        for (const QString &path :
            {QStringLiteral("/wp-login.php"), QStringLiteral("/wp-admin/install.php"),
                QStringLiteral("/administrator/index.php"), QStringLiteral("/")}) {
            const HttpAnswer a = httpGet(m_server->httpUrl(path));
            QCOMPARE(a.status, 404);
            QVERIFY(a.server.isEmpty());
            QVERIFY(!a.body.toLower().contains("qt"));
        }
    }

    void healthzChecksTheDatabase()
    {
        const HttpAnswer a = httpGet(m_server->httpUrl(QStringLiteral("/healthz")));
        QCOMPARE(a.status, 200);
        QVERIFY(a.body.contains("\"database\":\"ok\""));
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
