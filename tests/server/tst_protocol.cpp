// Hostile and careless peers: garbage frames, wrong shapes, no sign-in, huge frames, probing
// HTTP paths, and every method's minimum role. Each gets a clear error, never a crash.
#include "protocol/rpcmessage.h"
#include "testclient.h"
#include "testserver.h"
#include "timeclockhelpers.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <map>

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

// The contract of docs/protocol.md: each method's minimum role (nullopt: callable before
// sign-in; such methods check the connection themselves), where a person may call it from,
// and whether it also needs the superadmin flag. Written out by hand on purpose: the test
// compares the running dispatcher against it.
struct Contract
{
    const char *method;
    std::optional<Role> minimum;
    RpcDispatcher::Place place = RpcDispatcher::Place::Desk;
    bool superadmin = false;
};
constexpr auto Kiosk = RpcDispatcher::Place::DeskOrKiosk;
constexpr auto Anteroom = RpcDispatcher::Place::Anteroom;
constexpr auto ChatClient = RpcDispatcher::Place::DeskOrAnteroom;
const Contract kContract[] = {
    {"session.login", std::nullopt},
    {"session.resume", std::nullopt},
    {"session.logout", Role::Attendee},
    {"presence.list", Role::Volunteer},
    {"presence.set", Role::Volunteer},
    {"states.create", Role::Admin},
    {"states.update", Role::Admin},
    {"states.reorder", Role::Admin},
    {"states.delete", Role::Admin},
    {"teams.list", Role::Volunteer, Kiosk},
    {"teams.create", Role::Admin},
    {"teams.update", Role::Admin},
    {"profile.get", Role::Volunteer},
    {"profile.update", Role::Volunteer},
    {"profile.changePassword", Role::Volunteer},
    {"profile.setAvatar", Role::Volunteer},
    {"profile.setPin", Role::Volunteer},
    {"organisations.list", Role::Attendee, RpcDispatcher::Place::Desk, true},
    {"organisations.watch", Role::Attendee, RpcDispatcher::Place::Desk, true},
    {"users.list", Role::Manager},
    {"users.update", Role::Manager},
    {"users.create", Role::Manager},
    {"users.resetPassword", Role::Manager},
    {"users.history", Role::Manager},
    {"users.delete", Role::Admin},
    {"events.list", Role::Attendee, Kiosk},
    {"events.create", Role::Admin},
    {"events.update", Role::Admin},
    {"events.activate", Role::Admin},
    {"kiosk.register", std::nullopt},
    {"kiosk.resume", std::nullopt},
    {"kiosk.signIn", std::nullopt},
    {"kiosk.signOut", std::nullopt},
    {"kiosk.touch", std::nullopt},
    {"kiosk.replay", std::nullopt},
    {"kiosks.list", Role::Lead},
    {"kiosks.approve", Role::Lead},
    {"kiosks.update", Role::Lead},
    {"kiosks.revoke", Role::Lead},
    {"quickCodes.create", Role::Volunteer},
    {"timeclock.clockIn", Role::Volunteer, Kiosk},
    {"timeclock.clockOut", Role::Volunteer, Kiosk},
    {"timeclock.totals", Role::Volunteer, Kiosk},
    {"timeclock.entries", Role::Volunteer, Kiosk},
    {"timeclock.ongoing", Role::Manager},
    {"timeclock.addEntry", Role::Manager},
    {"timeclock.updateEntry", Role::Manager},
    {"timeclock.deleteEntry", Role::Manager},
    {"timeclock.stopEntry", Role::Manager},
    {"bonuses.list", Role::Volunteer, Kiosk},
    {"bonuses.create", Role::Admin},
    {"bonuses.update", Role::Admin},
    {"bonuses.delete", Role::Admin},
    {"rewards.list", Role::Volunteer, Kiosk},
    {"rewards.create", Role::Admin},
    {"rewards.update", Role::Admin},
    {"rewards.delete", Role::Admin},
    {"rewards.claim", Role::Manager},
    {"rewards.unclaim", Role::Manager},
    {"notifications.list", Role::Attendee, Kiosk},
    {"notifications.acknowledge", Role::Attendee, Kiosk},
    {"telegram.status", Role::Volunteer},
    {"telegram.setupLink", Role::Volunteer},
    {"telegram.unlink", Role::Volunteer},
    {"corrections.request", Role::Volunteer, Kiosk},
    {"corrections.list", Role::Volunteer, Kiosk},
    {"corrections.approve", Role::Manager},
    {"corrections.refuse", Role::Manager},
    {"attendeeLogs.list", Role::Attendee},
    {"attendeeLogs.create", Role::Manager},
    {"attendeeLogs.update", Role::Manager},
    {"attendeeLogs.delete", Role::Manager},
    {"attendeeLogs.addGatekeeper", Role::Manager},
    {"attendeeLogs.removeGatekeeper", Role::Manager},
    {"attendeeLogs.attendees", Role::Attendee},
    {"attendeeLogs.addAttendee", Role::Attendee},
    {"attendeeLogs.removeAttendee", Role::Attendee},
    {"reports.get", Role::Manager},
    {"organisations.delete", Role::Manager},
    {"organisations.register", std::nullopt},
    {"invites.accept", std::nullopt},
    {"invites.create", Role::Manager},
    {"invites.list", Role::Manager},
    {"invites.revoke", Role::Manager},
    {"anteroom.open", std::nullopt, Anteroom},
    {"anteroom.join", std::nullopt, Anteroom},
    {"anteroom.resume", std::nullopt, Anteroom},
    {"anteroom.forget", std::nullopt, Anteroom},
    {"chat.settings.get", Role::Manager},
    {"chat.settings.update", Role::Manager},
    {"chat.settings.rotateKey", Role::Manager},
    {"chat.settings.setLogo", Role::Manager},
    {"chat.cannedReplies.list", Role::Staff},
    {"chat.cannedReplies.set", Role::Manager},
    {"chat.duty", Role::Staff},
    {"chat.consultants", Role::Staff},
    {"chat.queue", Role::Staff},
    {"chat.list", Role::Staff},
    {"chat.accept", Role::Staff},
    {"chat.transfer", Role::Staff},
    {"chat.send", Role::Staff, ChatClient},
    {"chat.typing", Role::Staff, ChatClient},
    {"chat.read", Role::Staff, ChatClient},
    {"chat.close", Role::Staff, ChatClient},
    {"chat.history", Role::Staff, ChatClient},
};

// The error reason of a call with no params, "" for a result, "timeout" when none came.
QString answeredReason(TestClient &client, const QString &method)
{
    const QJsonObject reply = client.call(method, {}, 5000);
    if (reply.isEmpty())
        return QStringLiteral("timeout");
    return TestClient::errorReason(reply);
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
    std::unique_ptr<TestServer> m_strict;

private Q_SLOTS:
    // A server with the suite's people: every role, and a superadmin on the lowest.
    static std::unique_ptr<TestServer> startServer(const ClientSocket::Limits &limits)
    {
        auto server = std::make_unique<TestServer>(limits);
        if (!server->start() || server->createOrganisation(QStringLiteral("Acme")).isNull())
            return {};
        for (int r = int(Role::Banned); r <= int(Role::Admin); ++r) {
            const Role role = Role(r);
            if (server->createUser(roleName(role), QStringLiteral("Acme"), role).isNull())
                return {};
        }
        // The lowest role that can sign in, with the server-wide flag.
        if (server->createUser(QStringLiteral("super"), QStringLiteral("Acme"), Role::Attendee)
                .isNull()
            || !server->sql()
                    .exec("UPDATE users SET is_superadmin = true WHERE login = 'super'")
                    .ok())
            return {};
        return server;
    }

    void initTestCase()
    {
        m_server = startServer({});
        QVERIFY(m_server);
        // Deadlines, keep-alive and in-flight limits short enough to watch them act. Only the
        // tests about those use it, so a busy machine cannot make the rest miss a 300 ms ping.
        ClientSocket::Limits strict;
        strict.authTimeout = std::chrono::milliseconds(700);
        strict.maxRequestsInFlight = 4;
        strict.pingInterval = std::chrono::milliseconds(300);
        m_strict = startServer(strict);
        QVERIFY(m_strict);
    }
    void cleanupTestCase()
    {
        m_strict.reset();
        m_server.reset();
    }

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
        QVERIFY(c.open(m_strict->wsUrl()));
        QVERIFY(c.waitForDisconnect(5000));
        QCOMPARE(c.socket().closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    }

    void signedInPeerOutlivesTheDeadline()
    {
        TestClient c;
        QVERIFY(c.open(m_strict->wsUrl()));
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
        QVERIFY(c.open(m_strict->wsUrl()));
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
        QVERIFY(watcher.open(m_strict->wsUrl()));
        QVERIFY(watcher.login(QStringLiteral("staff"), QStringLiteral("correct horse"))
                    .contains(QStringLiteral("result")));
        const QString leadId
            = m_strict->sql().exec("SELECT id FROM users WHERE login = 'lead'").text(0, 0);

        // A raw WebSocket peer that signs in and then goes silent, as a laptop whose Wi-Fi dies:
        // it never answers a ping and never closes.
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, m_strict->server().port());
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

    void theMethodTableIsTheDocumentedContract()
    {
        // The dispatcher is compared with the contract written down here from docs/protocol.md,
        // so a method made callable by fewer rights than documented fails the suite.
        const auto &methods = m_server->server().dispatcher().methods();
        QStringList missing;
        for (const Contract &c : kContract) {
            const QString name = QString::fromLatin1(c.method);
            const auto it = methods.constFind(name);
            if (it == methods.cend()) {
                missing.append(name);
                continue;
            }
            QVERIFY2(it->minimumRole == c.minimum, c.method);
            QVERIFY2(it->place == c.place, c.method);
            QVERIFY2(it->superadminOnly == c.superadmin, c.method);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u' ')));
        QStringList undocumented;
        for (auto it = methods.cbegin(); it != methods.cend(); ++it) {
            if (std::none_of(std::begin(kContract), std::end(kContract),
                    [&](const Contract &c) { return it.key() == QLatin1String(c.method); }))
                undocumented.append(it.key());
        }
        QVERIFY2(undocumented.isEmpty(), qPrintable(undocumented.join(u' ')));
    }

    void everyMethodIsRefusedBelowItsMinimumRole()
    {
        // One connection per role; each call must be answered (a time-out fails the test).
        std::map<Role, std::unique_ptr<TestClient>> byRole;
        for (int r = int(Role::Attendee); r <= int(Role::Admin); ++r) {
            auto c = std::make_unique<TestClient>();
            QVERIFY(c->signIn(m_server->wsUrl(), roleName(Role(r))));
            byRole[Role(r)] = std::move(c);
        }
        TestClient super;
        QVERIFY(super.signIn(m_server->wsUrl(), QStringLiteral("super")));
        for (const Contract &c : kContract) {
            if (!c.minimum)
                continue;
            const QString method = QString::fromLatin1(c.method);
            TestClient anonymous;
            QVERIFY(anonymous.open(m_server->wsUrl()));
            QCOMPARE(answeredReason(anonymous, method), QStringLiteral("unauthenticated"));
            if (*c.minimum > Role::Attendee) {
                const Role below = Role(int(*c.minimum) - 1);
                QVERIFY2(answeredReason(*byRole[below], method) == QStringLiteral("forbidden"),
                    c.method);
            }
            if (method == QLatin1String("session.logout"))
                continue; // at its minimum it would end the shared connection
            TestClient &at = c.superadmin ? super : *byRole[*c.minimum];
            if (c.superadmin)
                QVERIFY2(answeredReason(*byRole[*c.minimum], method) == QStringLiteral("forbidden"),
                    c.method);
            const QString reason = answeredReason(at, method);
            QVERIFY2(reason != QStringLiteral("forbidden")
                    && reason != QStringLiteral("unauthenticated")
                    && reason != QStringLiteral("timeout"),
                qPrintable(method + u' ' + reason));
        }
    }

    void aPersonAtAKioskGetsSelfServiceOnly()
    {
        // The admin's own badge and PIN at a kiosk: every office method is refused there.
        TestClient admin;
        QVERIFY(admin.signIn(m_server->wsUrl(), QStringLiteral("admin")));
        QVERIFY(m_server->sql().exec("UPDATE users SET badge = '77' WHERE login = 'admin'").ok());
        QVERIFY(admin
                    .call(QStringLiteral("profile.setPin"),
                        {{QStringLiteral("pin"), QStringLiteral("2468")}})
                    .contains(QStringLiteral("result")));
        TestClient lead;
        QVERIFY(lead.signIn(m_server->wsUrl(), QStringLiteral("lead")));
        TestClient kiosk;
        QVERIFY(kiosk.open(m_server->wsUrl()));
        QVERIFY(!pairKiosk(kiosk, lead, QStringLiteral("Protocol kiosk")).id.isEmpty());
        const QJsonObject in = kiosk.call(QStringLiteral("kiosk.signIn"),
            {{QStringLiteral("badge"), QStringLiteral("77")},
                {QStringLiteral("pin"), QStringLiteral("2468")}});
        QCOMPARE(
            resultOf(in).value(QStringLiteral("user")).toObject().value(QStringLiteral("role")),
            QJsonValue(QStringLiteral("admin")));
        for (const Contract &c : kContract) {
            if (!c.minimum)
                continue;
            const QString reason = answeredReason(kiosk, QString::fromLatin1(c.method));
            // A consultant's chat is not taken at a kiosk either.
            if (c.place != RpcDispatcher::Place::DeskOrKiosk)
                QVERIFY2(reason == QStringLiteral("forbidden"), c.method);
            else
                QVERIFY2(
                    reason != QStringLiteral("forbidden") && reason != QStringLiteral("timeout"),
                    qPrintable(QString::fromLatin1(c.method) + u' ' + reason));
        }
        // Even the self-service reads answer for the admin alone, not for someone else.
        const QString staffId
            = m_server->sql().exec("SELECT id FROM users WHERE login = 'staff'").text(0, 0);
        QCOMPARE(TestClient::errorReason(kiosk.call(
                     QStringLiteral("timeclock.entries"), {{QStringLiteral("userId"), staffId}})),
            QStringLiteral("forbidden"));
    }

    void badUpgradesAreAnsweredNotDropped_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QByteArray>("status");
        const QByteArray start = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                                 "Connection: Upgrade\r\n";
        const QByteArray key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
        QTest::newRow("no key") << start + "Sec-WebSocket-Version: 13\r\n\r\n"
                                << QByteArray("HTTP/1.1 400");
        QTest::newRow("short key") << start
                + "Sec-WebSocket-Key: c2hvcnQ=\r\n"
                  "Sec-WebSocket-Version: 13\r\n\r\n"
                                   << QByteArray("HTTP/1.1 400");
        QTest::newRow("old version") << start + key + "Sec-WebSocket-Version: 8\r\n\r\n"
                                     << QByteArray("HTTP/1.1 400");
        QTest::newRow("long header line") << start + key
                + "Sec-WebSocket-Version: 13\r\nX-Padding: " + QByteArray(9000, 'a')
                + "\r\n\r\n" << QByteArray("HTTP/1.1 431");
    }

    void badUpgradesAreAnsweredNotDropped()
    {
        QFETCH(QByteArray, head);
        QFETCH(QByteArray, status);
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, m_server->server().port());
        QVERIFY(raw.waitForConnected(5000));
        raw.write(head);
        QByteArray answer;
        QVERIFY(QTest::qWaitFor(
            [&] {
                answer += raw.readAll();
                return answer.contains("\r\n\r\n");
            },
            5000));
        QVERIFY2(answer.startsWith(status), answer.left(80).constData());
        if (head.contains("Version: 8"))
            QVERIFY(answer.contains("Sec-WebSocket-Version: 13"));
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
