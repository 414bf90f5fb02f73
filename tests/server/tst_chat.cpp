// The consultant chat through the protocol, on real connections: anonymous clients join an
// organisation's queue from its anteroom, consultants on duty take them (one each, under a
// race), messages are acknowledged once, in order, never twice; a reload resumes the chat; a
// client who leaves before pickup leaves the queue; handing over, ending, retention; and the
// anonymous caller reaching nothing but its own chat.
#include "net/rpcdispatcher.h"
#include "testclient.h"
#include "testserver.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QImage>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <signal.h>

using namespace Muster;
using namespace Muster::Test;

namespace {

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

QJsonObject chatOf(const QJsonObject &reply)
{
    return resultOf(reply).value(QStringLiteral("chat")).toObject();
}

// One plain HTTP/1.1 exchange, bytes as a browser would send them; the whole answer.
QByteArray exchange(quint16 port, const QByteArray &head)
{
    // The server runs in this thread: wait with the event loop turning, never blocked.
    QTcpSocket socket;
    QByteArray answer;
    QEventLoop loop;
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] { socket.write(head); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        answer += socket.readAll();
        // An upgrade stays open: the status line and headers are all a test needs.
        if (answer.startsWith("HTTP/1.1 101") && answer.contains("\r\n\r\n"))
            loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    socket.connectToHost(QHostAddress::LocalHost, port);
    loop.exec();
    return answer + socket.readAll();
}

QByteArray upgradeHead(quint16 port, const QByteArray &target, const QByteArray &origin)
{
    QByteArray head = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
    if (!origin.isEmpty())
        head += "Origin: " + origin + "\r\n";
    return head + "\r\n";
}

QByteArray statusOf(const QByteArray &answer)
{
    return answer.left(answer.indexOf("\r\n"));
}

QByteArray headerOf(const QByteArray &answer, const QByteArray &name)
{
    for (const QByteArray &line : answer.left(answer.indexOf("\r\n\r\n")).split('\n')) {
        if (line.toLower().startsWith(QByteArray(name.toLower() + ':')))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}

QByteArray bodyOf(const QByteArray &answer)
{
    return answer.mid(answer.indexOf("\r\n\r\n") + 4);
}

// A wide logo, as organisations have them.
QByteArray logoPng(QColor colour)
{
    QImage image(240, 60, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QString idOf(const QJsonObject &object)
{
    return object.value(QStringLiteral("id")).toString();
}

} // namespace

class TestChat : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    TestClient m_manager, m_cora, m_carl, m_volunteer, m_otherManager;
    QString m_key;
    QUuid m_coraId, m_carlId;

    // A client's page: opens a connection and joins the queue; returns the join result.
    QJsonObject join(TestClient &page, const QString &alias, const QJsonObject &extra = {})
    {
        if (page.socket().state() != QAbstractSocket::ConnectedState
            && !page.open(m_server->wsUrl()))
            return {};
        QJsonObject params {{QStringLiteral("key"), m_key}, {QStringLiteral("alias"), alias},
            {QStringLiteral("topic"), QStringLiteral("Exams")}, {QStringLiteral("consent"), true},
            {QStringLiteral("answers"),
                QJsonObject {{QStringLiteral("age"), QStringLiteral("17")}}}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            params.insert(it.key(), *it);
        return page.call(QStringLiteral("anteroom.join"), params);
    }
    QJsonArray queueOf(TestClient &staff)
    {
        return resultOf(staff.call(QStringLiteral("chat.queue")))
            .value(QStringLiteral("chats"))
            .toArray();
    }
    QJsonObject send(
        TestClient &who, const QString &chatId, const QString &text, const QString &clientMsgId)
    {
        return who.call(QStringLiteral("chat.send"),
            {{QStringLiteral("chatId"), chatId}, {QStringLiteral("text"), text},
                {QStringLiteral("clientMsgId"), clientMsgId}});
    }
    QJsonArray historyOf(TestClient &who, const QString &chatId)
    {
        return resultOf(
            who.call(QStringLiteral("chat.history"), {{QStringLiteral("chatId"), chatId}}))
            .value(QStringLiteral("messages"))
            .toArray();
    }
    bool sweep()
    {
        QSignalSpy done(this, &TestChat::swept);
        m_server->server().chat().chats.sweep([this](const ChatStore::Swept &) { Q_EMIT swept(); });
        return done.wait(5000);
    }
    QString accepted(TestClient &consultant, const QString &chatId)
    {
        const QJsonObject reply
            = consultant.call(QStringLiteral("chat.accept"), {{QStringLiteral("chatId"), chatId}});
        return chatOf(reply).value(QStringLiteral("status")).toString();
    }

Q_SIGNALS:
    void swept();

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        // The sweep runs when a test says so: graces of zero end what is left at once.
        m_server->config().chat.sweepInterval = std::chrono::hours(1);
        m_server->config().chat.waitingGrace = std::chrono::seconds(0);
        m_server->config().chat.activeGrace = std::chrono::seconds(0);
        m_server->config().throttles.anteroomJoinsPerAddress = 1000;
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Helpline")).isNull());
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Other")).isNull());
        QVERIFY(
            !m_server
                 ->createUser(QStringLiteral("manager"), QStringLiteral("Helpline"), Role::Manager)
                 .isNull());
        m_coraId
            = m_server->createUser(QStringLiteral("cora"), QStringLiteral("Helpline"), Role::Staff);
        m_carlId
            = m_server->createUser(QStringLiteral("carl"), QStringLiteral("Helpline"), Role::Staff);
        QVERIFY(
            !m_server->createUser(
                         QStringLiteral("vic"), QStringLiteral("Helpline"), Role::Volunteer)
                 .isNull());
        QVERIFY(!m_server
                     ->createUser(
                         QStringLiteral("othermanager"), QStringLiteral("Other"), Role::Manager)
                     .isNull());
        QVERIFY(m_manager.signIn(m_server->wsUrl(), QStringLiteral("manager")));
        QVERIFY(m_cora.signIn(m_server->wsUrl(), QStringLiteral("cora")));
        QVERIFY(m_carl.signIn(m_server->wsUrl(), QStringLiteral("carl")));
        QVERIFY(m_volunteer.signIn(m_server->wsUrl(), QStringLiteral("vic")));
        QVERIFY(m_otherManager.signIn(m_server->wsUrl(), QStringLiteral("othermanager")));
    }
    void cleanupTestCase() { m_server.reset(); }

    void managersShapeTheAnteroom()
    {
        const QJsonObject settings = resultOf(m_manager.call(QStringLiteral("chat.settings.get")))
                                         .value(QStringLiteral("settings"))
                                         .toObject();
        m_key = settings.value(QStringLiteral("publicKey")).toString();
        QVERIFY(m_key.size() >= 16);
        // Asked again, the same settings: the key is made once.
        QCOMPARE(resultOf(m_manager.call(QStringLiteral(
                     "chat.settings.get")))[QStringLiteral("settings")][QStringLiteral("publicKey")]
                     .toString(),
            m_key);
        // Another organisation has its own anteroom and key.
        const QString otherKey = resultOf(m_otherManager.call(QStringLiteral(
            "chat.settings.get")))[QStringLiteral("settings")][QStringLiteral("publicKey")]
                                     .toString();
        QVERIFY(!otherKey.isEmpty() && otherKey != m_key);

        const QJsonObject changes {
            {QStringLiteral("allowedOrigins"),
                QJsonArray {QStringLiteral("https://Help.Example.org:443/"),
                    QStringLiteral("http://localhost:8080")}},
            {QStringLiteral("texts"),
                QJsonObject {{QStringLiteral("title"), QStringLiteral("Talk to us")}}},
            {QStringLiteral("questions"),
                QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("age")},
                    {QStringLiteral("label"), QStringLiteral("How old are you?")},
                    {QStringLiteral("required"), true}}}},
            {QStringLiteral("theme"),
                QJsonObject {{QStringLiteral("accent"), QStringLiteral("#7a3b69")}}},
            {QStringLiteral("maxChatsPerConsultant"), 2},
        };
        const QJsonObject saved = resultOf(m_manager.call(QStringLiteral("chat.settings.update"),
            {{QStringLiteral("settings"), changes}}))[QStringLiteral("settings")]
                                      .toObject();
        QCOMPARE(saved.value(QStringLiteral("allowedOrigins")).toArray(),
            (QJsonArray {QStringLiteral("https://help.example.org"),
                QStringLiteral("http://localhost:8080")}));
        QCOMPARE(saved.value(QStringLiteral("maxChatsPerConsultant")).toInt(), 2);
        QCOMPARE(m_server->auditCount(QStringLiteral("chat.settings")), 1);

        // Never CSS, never a script address: colours are colours, origins are origins.
        const QList<QJsonObject> refused {
            {{QStringLiteral("theme"),
                QJsonObject {{QStringLiteral("accent"), str("red;}body{")}}}},
            {{QStringLiteral("theme"), QJsonObject {{QStringLiteral("font"), str("#000000")}}}},
            {{QStringLiteral("allowedOrigins"), QJsonArray {str("javascript:alert(1)")}}},
            {{QStringLiteral("allowedOrigins"), QJsonArray {str("https://a.example/path")}}},
            {{QStringLiteral("quickExitUrl"), str("javascript:history.back()")}},
            {{QStringLiteral("texts"), QJsonObject {{QStringLiteral("title"), str("a\u0007b")}}}},
            {{QStringLiteral("openingHours"),
                QJsonArray {QJsonObject {
                    {str("day"), 8}, {str("from"), str("09:00")}, {str("to"), str("17:00")}}}}},
            {{QStringLiteral("timeZone"), str("Mars/Olympus")}},
            {{QStringLiteral("retentionDays"), 0}},
            {{QStringLiteral("publicKey"), str("AAAAAAAAAAAAAAAAAAAA")}},
            {{QStringLiteral("nonsense"), true}},
        };
        for (const QJsonObject &bad : refused) {
            QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("chat.settings.update"),
                         {{QStringLiteral("settings"), bad}})),
                QStringLiteral("invalid_params"));
        }
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("chat.settings.update"),
                     {{QStringLiteral("settings"), QStringLiteral("x")}})),
            QStringLiteral("invalid_params"));
        for (TestClient *below : {&m_cora, &m_volunteer}) {
            for (const char *method :
                {"chat.settings.get", "chat.settings.update", "chat.settings.rotateKey"}) {
                QCOMPARE(
                    TestClient::errorReason(below->call(str(method))), QStringLiteral("forbidden"));
            }
        }
    }

    void managersKeepCannedRepliesForConsultants()
    {
        const QJsonArray replies {
            QJsonObject {{QStringLiteral("title"), QStringLiteral("Welcome")},
                {QStringLiteral("body"),
                    QStringLiteral("Hello, I'm here to listen.\nTake your time.")}},
            QJsonObject {{QStringLiteral("title"), QStringLiteral("Emergency")},
                {QStringLiteral("body"), QStringLiteral("If you are in danger, call 112.")}},
        };
        const QJsonArray saved = resultOf(m_manager.call(QStringLiteral("chat.cannedReplies.set"),
            {{QStringLiteral("replies"), replies}}))[QStringLiteral("replies")]
                                     .toArray();
        QCOMPARE(saved.size(), 2);
        const QJsonArray seen = resultOf(
            m_cora.call(QStringLiteral("chat.cannedReplies.list")))[QStringLiteral("replies")]
                                    .toArray();
        QCOMPARE(seen.at(0)[QStringLiteral("title")].toString(), QStringLiteral("Welcome"));
        QCOMPARE(seen.at(1)[QStringLiteral("body")].toString(),
            QStringLiteral("If you are in danger, call 112."));
        QCOMPARE(TestClient::errorReason(m_cora.call(QStringLiteral("chat.cannedReplies.set"),
                     {{QStringLiteral("replies"), replies}})),
            QStringLiteral("forbidden"));
        QCOMPARE(
            TestClient::errorReason(m_manager.call(QStringLiteral("chat.cannedReplies.set"),
                {{QStringLiteral("replies"),
                    QJsonArray {QJsonObject {{QStringLiteral("title"), QStringLiteral("x")}}}}})),
            QStringLiteral("invalid_params"));
        QCOMPARE(resultOf(m_otherManager.call(
                     QStringLiteral("chat.cannedReplies.list")))[QStringLiteral("replies")]
                     .toArray()
                     .size(),
            0);
    }

    void theAnteroomTellsAClientWhatTheyNeedAndNoMore()
    {
        TestClient page;
        QVERIFY(page.open(m_server->wsUrl()));
        const QJsonObject open = resultOf(
            page.call(QStringLiteral("anteroom.open"), {{QStringLiteral("key"), m_key}}));
        QCOMPARE(open[QStringLiteral("texts")][QStringLiteral("title")].toString(),
            QStringLiteral("Talk to us"));
        // Defaults fill what the organisation left out.
        QVERIFY(!open[QStringLiteral("texts")][QStringLiteral("consent")].toString().isEmpty());
        QCOMPARE(open[QStringLiteral("theme")][QStringLiteral("accent")].toString(),
            QStringLiteral("#7a3b69"));
        QCOMPARE(open[QStringLiteral("questions")].toArray().size(), 1);
        QCOMPARE(open[QStringLiteral("open")].toBool(), true);
        QCOMPARE(open[QStringLiteral("available")].toBool(), false); // nobody on duty yet
        QVERIFY(!open.contains(QStringLiteral("allowedOrigins")));
        QVERIFY(!open.contains(QStringLiteral("publicKey")));

        QCOMPARE(TestClient::errorReason(page.call(QStringLiteral("anteroom.open"),
                     {{QStringLiteral("key"), QStringLiteral("ZZZZZZZZZZZZZZZZZZZZZZ")}})),
            QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorReason(page.call(QStringLiteral("anteroom.open"),
                     {{QStringLiteral("key"), QStringLiteral("../../etc")}})),
            QStringLiteral("invalid_params"));

        // Joining needs consent and the required answers.
        QCOMPARE(TestClient::errorReason(
                     join(page, QStringLiteral("Sam"), {{QStringLiteral("consent"), false}})),
            QStringLiteral("invalid_params"));
        QCOMPARE(TestClient::errorReason(join(
                     page, QStringLiteral("Sam"), {{QStringLiteral("answers"), QJsonObject {}}})),
            QStringLiteral("invalid_params"));
        QCOMPARE(TestClient::errorReason(join(page, QStringLiteral(" "))),
            QStringLiteral("invalid_params"));
        QCOMPARE(TestClient::errorReason(join(page, QStringLiteral("Sam"),
                     {{QStringLiteral("answers"), QJsonObject {{str("age"), 17}}}})),
            QStringLiteral("invalid_params"));
        QCOMPARE(queueOf(m_cora).size(), 0);
    }

    void theAnteroomPageIsFramedOnlyWhereAllowed()
    {
        const quint16 port = m_server->server().port();
        const auto get = [port](const QByteArray &path) {
            return exchange(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        };
        const QByteArray page = get("/anteroom/" + m_key.toLatin1());
        QCOMPARE(statusOf(page), QByteArray("HTTP/1.1 200 OK"));
        const QByteArray csp = headerOf(page, "Content-Security-Policy");
        QVERIFY2(
            csp.contains("frame-ancestors 'self' https://help.example.org http://localhost:8080"),
            csp.constData());
        QVERIFY(csp.contains("script-src 'self'") && csp.contains("default-src 'none'"));
        QCOMPARE(headerOf(page, "Referrer-Policy"), QByteArray("no-referrer"));
        QVERIFY(page.contains("<button type=\"submit\" id=\"start\">Start chat</button>"));

        const QByteArray sheet = get("/anteroom/" + m_key.toLatin1() + "/theme.css");
        QVERIFY(sheet.contains("--accent: #7a3b69;"));
        QVERIFY(sheet.contains("--background: #f7f5f0;")); // a default where none was set
        QCOMPARE(headerOf(get("/anteroom/assets/anteroom.js"), "Content-Type"),
            QByteArray("text/javascript; charset=utf-8"));
        for (const QByteArray &path : {QByteArray("/anteroom/ZZZZZZZZZZZZZZZZZZZZZZ"),
                 QByteArray("/anteroom/assets/../../etc/passwd"),
                 QByteArray("/anteroom/assets/x.js"),
                 QByteArray("/anteroom/" + m_key.toLatin1() + "/other.css"),
                 QByteArray("/anteroom/")}) {
            QCOMPARE(statusOf(get(path)), QByteArray("HTTP/1.1 404 Not Found"));
        }

        // The WebSocket: programs send no Origin; a browser page may connect from this server's
        // own origin, or to an anteroom from an origin its organisation allows.
        const QByteArray own = "http://127.0.0.1:" + QByteArray::number(port);
        const QByteArray anteroom = "/ws?key=" + m_key.toLatin1();
        const QList<std::tuple<QByteArray, QByteArray, bool>> cases {
            {"/ws", {}, true},
            {"/ws", own, true},
            {anteroom, own, true},
            {anteroom, "http://localhost:8080", true},
            {anteroom, "https://help.example.org", true},
            {"/ws", "http://localhost:8080", false},
            {anteroom, "https://evil.example", false},
            {"/ws?key=ZZZZZZZZZZZZZZZZZZZZZZ", "http://localhost:8080", false},
            {anteroom, "null", false},
        };
        for (const auto &[target, origin, allowed] : cases) {
            const QByteArray status = statusOf(exchange(port, upgradeHead(port, target, origin)));
            QVERIFY2(status.startsWith(allowed ? "HTTP/1.1 101" : "HTTP/1.1 403"),
                QByteArray(target + " from " + origin + ": " + status).constData());
        }
    }

    void theAnteroomShowsTheOrganisationsLogo()
    {
        const quint16 port = m_server->server().port();
        const auto get = [port](const QString &path) {
            return exchange(
                port, "GET " + path.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        };
        const QString logoPath = QStringLiteral("/anteroom/") + m_key + QStringLiteral("/logo");
        const auto setLogo = [](TestClient &who, const QJsonValue &image) {
            return who.call(QStringLiteral("chat.settings.setLogo"), {{str("image"), image}});
        };
        const auto logoOnPage = [this] {
            TestClient page;
            return page.open(m_server->wsUrl()) ? resultOf(
                       page.call(str("anteroom.open"),
                           {{str("key"), m_key}})).value(str("logo"))
                                                : QJsonValue(QJsonValue::Undefined);
        };
        // None yet: the page is told so, and the address has nothing behind it.
        QCOMPARE(logoOnPage(), QJsonValue(QJsonValue::Null));
        QCOMPARE(statusOf(get(logoPath)), QByteArray("HTTP/1.1 404 Not Found"));

        const QByteArray png = logoPng(QColor(0x7a, 0x3b, 0x69));
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex());
        const QJsonObject saved = resultOf(setLogo(m_manager, QString::fromLatin1(png.toBase64())))
                                      .value(str("settings"))
                                      .toObject();
        QCOMPARE(saved.value(str("logo")).toString(), sha);
        QCOMPARE(logoOnPage().toString(), sha);
        QCOMPARE(m_server->auditCount(QStringLiteral("chat.logo")), 1);
        // The other settings are untouched by it, and an update leaves the logo be.
        QCOMPARE(saved.value(str("maxChatsPerConsultant")).toInt(), 2);
        QCOMPARE(resultOf(m_manager.call(str("chat.settings.update"),
                              {{str("settings"), QJsonObject {{str("maxWaiting"), 50}}}}))
                     .value(str("settings"))[str("logo")]
                     .toString(),
            sha);

        // Served as what it is, to this server's own pages, and kept in no cache.
        const QByteArray served = get(logoPath + QStringLiteral("?v=") + sha.left(16));
        QCOMPARE(statusOf(served), QByteArray("HTTP/1.1 200 OK"));
        QCOMPARE(headerOf(served, "Content-Type"), QByteArray("image/png"));
        QCOMPARE(bodyOf(served), png);
        QCOMPARE(headerOf(served, "Cache-Control"), QByteArray("no-store"));
        QCOMPARE(headerOf(served, "X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(headerOf(served, "Cross-Origin-Resource-Policy"), QByteArray("same-origin"));
        QVERIFY(headerOf(served, "Content-Security-Policy").contains("sandbox"));

        // Anything but a checked PNG or JPEG is refused and changes nothing: a script dressed as
        // a picture, an SVG (which can carry one), a truncated file, a huge one, wrong types.
        const QString badImage = QStringLiteral("bad_image");
        const QString invalid = QStringLiteral("invalid_params");
        const QList<std::pair<QJsonValue, QString>> refused {
            {QString::fromLatin1(QByteArray("<script>alert(1)</script>").toBase64()), badImage},
            {QString::fromLatin1(
                 QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script>"
                            "</svg>")
                     .toBase64()),
                badImage},
            {QString::fromLatin1(png.left(png.size() / 2).toBase64()), badImage},
            {QString::fromLatin1(QByteArray(png + QByteArray(300 * 1024, 'x')).toBase64()),
                badImage},
            {str("not base64 at all!"), invalid},
            {42, invalid},
            {QJsonObject {}, invalid},
        };
        for (const auto &[bad, reason] : refused)
            QCOMPARE(TestClient::errorReason(setLogo(m_manager, bad)), reason);
        QCOMPARE(TestClient::errorReason(m_manager.call(str("chat.settings.update"),
                     {{str("settings"), QJsonObject {{str("logo"), QJsonValue::Null}}}})),
            QStringLiteral("invalid_params"));
        QCOMPARE(bodyOf(get(logoPath)), png);

        // Only a manager of the organisation; another organisation's manager sets their own.
        for (TestClient *below : {&m_cora, &m_volunteer}) {
            QCOMPARE(TestClient::errorReason(setLogo(*below, QJsonValue::Null)),
                QStringLiteral("forbidden"));
        }
        const QByteArray otherPng = logoPng(Qt::darkGreen);
        QVERIFY(
            !resultOf(setLogo(m_otherManager, QString::fromLatin1(otherPng.toBase64()))).isEmpty());
        QCOMPARE(bodyOf(get(logoPath)), png);

        // Taken away, it is gone from the page and the address.
        QCOMPARE(resultOf(setLogo(m_manager, QJsonValue::Null)).value(str("settings"))[str("logo")],
            QJsonValue(QJsonValue::Null));
        QCOMPARE(logoOnPage(), QJsonValue(QJsonValue::Null));
        QCOMPARE(statusOf(get(logoPath)), QByteArray("HTTP/1.1 404 Not Found"));
        QCOMPARE(m_server->sql()
                     .exec("SELECT count(*) FROM chat_logos l JOIN organisations o"
                           " ON o.id = l.organisation_id WHERE o.name = 'Helpline'")
                     .text(0, 0),
            QStringLiteral("0"));
    }

    void aClientIsTakenByOneConsultantAndHeard()
    {
        TestClient page;
        const QJsonObject joined = resultOf(join(page, QStringLiteral("Sam")));
        const QString token = joined.value(QStringLiteral("token")).toString();
        const QJsonObject chat = joined.value(QStringLiteral("chat")).toObject();
        const QString chatId = idOf(chat);
        QVERIFY(token.size() >= 32);
        QCOMPARE(chat.value(QStringLiteral("status")).toString(), QStringLiteral("waiting"));
        QCOMPARE(chat.value(QStringLiteral("position")).toInt(), 1);
        QVERIFY(!chat.contains(QStringLiteral("consultantId")));

        // Staff see the newcomer at once, with the intake; a volunteer does not.
        const QJsonObject pushed = m_cora.waitForPush(QStringLiteral("chat.queueChanged"))
                                       .value(QStringLiteral("chat"))
                                       .toObject();
        QCOMPARE(idOf(pushed), chatId);
        QCOMPARE(
            pushed[QStringLiteral("answers")].toArray().at(0)[QStringLiteral("answer")].toString(),
            QStringLiteral("17"));
        QVERIFY(m_volunteer.noPush(QStringLiteral("chat.queueChanged"), {}, 200));
        QCOMPARE(TestClient::errorReason(m_volunteer.call(QStringLiteral("chat.queue"))),
            QStringLiteral("forbidden"));
        QCOMPARE(queueOf(m_cora).size(), 1);
        QCOMPARE(queueOf(m_otherManager).size(), 0);

        // A client may write while waiting; consultants may read it before taking them.
        QVERIFY(resultOf(send(page, chatId, QStringLiteral("hello?"), QStringLiteral("c1")))
                    .contains(QStringLiteral("message")));
        QCOMPARE(historyOf(m_cora, chatId).size(), 1);

        // Off duty, nobody takes a client; on duty the first one does.
        QCOMPARE(TestClient::errorReason(m_cora.call(
                     QStringLiteral("chat.accept"), {{QStringLiteral("chatId"), chatId}})),
            QStringLiteral("not_on_duty"));
        QCOMPARE(resultOf(m_cora.call(QStringLiteral("chat.duty"),
                              {{QStringLiteral("on"), true},
                                  {QStringLiteral("chatName"), QStringLiteral("Cora")}}))
                     .value(QStringLiteral("on"))
                     .toBool(),
            true);
        page.clearPushes();
        QCOMPARE(accepted(m_cora, chatId), QStringLiteral("active"));
        const QJsonObject updated = page.waitForPush(
            QStringLiteral("chat.updated"), {{QStringLiteral("chat"), QJsonObject {}}});
        Q_UNUSED(updated);
        QTRY_VERIFY(
            std::any_of(page.pushes().cbegin(), page.pushes().cend(), [](const QJsonObject &p) {
                return p[QStringLiteral("method")] == QStringLiteral("chat.message")
                    && p[QStringLiteral("params")][QStringLiteral("message")]
                        [QStringLiteral("text")]
                            .toString()
                    == QStringLiteral("Cora has joined the chat.");
            }));
        QCOMPARE(queueOf(m_carl).size(), 0);

        // Sent once, heard once, in order; the same clientMsgId again is the same message.
        m_cora.clearPushes();
        const QJsonObject first
            = resultOf(send(page, chatId, QStringLiteral("I can't sleep"), QStringLiteral("c2")));
        QCOMPARE(first.value(QStringLiteral("duplicate")).toBool(), false);
        const QJsonObject heard = m_cora.waitForPush(QStringLiteral("chat.message"))
                                      .value(QStringLiteral("message"))
                                      .toObject();
        QCOMPARE(heard.value(QStringLiteral("text")).toString(), QStringLiteral("I can't sleep"));
        QCOMPARE(heard.value(QStringLiteral("senderName")).toString(), QStringLiteral("Sam"));
        const QJsonObject again
            = resultOf(send(page, chatId, QStringLiteral("I can't sleep"), QStringLiteral("c2")));
        QCOMPARE(again.value(QStringLiteral("duplicate")).toBool(), true);
        QCOMPARE(again[QStringLiteral("message")][QStringLiteral("seq")],
            first[QStringLiteral("message")][QStringLiteral("seq")]);
        QVERIFY(m_cora.noPush(QStringLiteral("chat.message"), {}, 200));

        const QJsonObject reply = resultOf(
            send(m_cora, chatId, QStringLiteral("I'm here. Tell me more."), QStringLiteral("k1")));
        QCOMPARE(reply[QStringLiteral("message")][QStringLiteral("senderName")].toString(),
            QStringLiteral("Cora"));
        // Carl is not Cora: he cannot write in her chat.
        QCOMPARE(TestClient::errorReason(
                     send(m_carl, chatId, QStringLiteral("hi"), QStringLiteral("x"))),
            QStringLiteral("not_found"));
        const QJsonArray history = historyOf(page, chatId);
        QStringList texts;
        qint64 lastSeq = 0;
        for (const QJsonValue &m : history) {
            QVERIFY(m[QStringLiteral("seq")].toInteger() > lastSeq);
            lastSeq = m[QStringLiteral("seq")].toInteger();
            texts.append(m[QStringLiteral("text")].toString());
        }
        QCOMPARE(texts,
            (QStringList {QStringLiteral("hello?"), QStringLiteral("Cora has joined the chat."),
                QStringLiteral("I can't sleep"), QStringLiteral("I'm here. Tell me more.")}));

        // Typing is told, never stored; read marks travel to the other side.
        page.clearPushes();
        QVERIFY(
            !resultOf(m_cora.call(QStringLiteral("chat.typing"),
                          {{QStringLiteral("chatId"), chatId}, {QStringLiteral("typing"), true}}))
                 .isEmpty());
        QCOMPARE(page.waitForPush(QStringLiteral("chat.typing"))[QStringLiteral("typing")].toBool(),
            true);
        QVERIFY(
            !resultOf(page.call(QStringLiteral("chat.read"),
                          {{QStringLiteral("chatId"), chatId}, {QStringLiteral("seq"), lastSeq}}))
                 .isEmpty());
        QCOMPARE(m_cora.waitForPush(QStringLiteral("chat.read"))[QStringLiteral("seq")].toInteger(),
            lastSeq);

        // Ended by the consultant: the client hears it, and nobody writes in it any more.
        page.clearPushes();
        QCOMPARE(
            chatOf(m_cora.call(QStringLiteral("chat.close"), {{QStringLiteral("chatId"), chatId}}))
                .value(QStringLiteral("status"))
                .toString(),
            QStringLiteral("closed"));
        QCOMPARE(page.waitForPush(QStringLiteral(
                     "chat.updated"))[QStringLiteral("chat")][QStringLiteral("status")]
                     .toString(),
            QStringLiteral("closed"));
        QCOMPARE(TestClient::errorReason(
                     send(page, chatId, QStringLiteral("wait"), QStringLiteral("c3"))),
            QStringLiteral("chat_closed"));
        // Both sides pressing "End chat" at once is no error, and writes no second line.
        QVERIFY(
            !chatOf(page.call(QStringLiteral("chat.close"), {{QStringLiteral("chatId"), chatId}}))
                 .isEmpty());
        QCOMPARE(historyOf(m_cora, chatId).size(), 5);
    }

    void theAnonymousCallerReachesOnlyItsOwnChat()
    {
        TestClient page, other;
        const QString mine = idOf(
            resultOf(join(page, QStringLiteral("Ana"))).value(QStringLiteral("chat")).toObject());
        const QString theirs = idOf(
            resultOf(join(other, QStringLiteral("Bo"))).value(QStringLiteral("chat")).toObject());
        QVERIFY(!mine.isEmpty() && !theirs.isEmpty());
        const auto &methods = m_server->server().dispatcher().methods();
        for (auto it = methods.cbegin(); it != methods.cend(); ++it) {
            const auto place = it->place;
            if (place == RpcDispatcher::Place::Anteroom
                || place == RpcDispatcher::Place::DeskOrAnteroom)
                continue;
            QCOMPARE(TestClient::errorReason(page.call(it.key(), {})), QStringLiteral("forbidden"));
        }
        for (const char *method :
            {"chat.send", "chat.typing", "chat.read", "chat.close", "chat.history"}) {
            QCOMPARE(
                TestClient::errorReason(page.call(str(method),
                    {{QStringLiteral("chatId"), theirs}, {QStringLiteral("text"), str("x")},
                        {QStringLiteral("clientMsgId"), str("z")}, {QStringLiteral("seq"), 1}})),
                QStringLiteral("not_found"));
        }
        // Joining twice on one page is refused; the other organisation sees nothing of either.
        QCOMPARE(TestClient::errorReason(join(page, QStringLiteral("Ana"))),
            QStringLiteral("already_in_chat"));
        for (const char *method : {"chat.accept", "chat.history", "chat.close"}) {
            QCOMPARE(TestClient::errorReason(
                         m_otherManager.call(str(method), {{QStringLiteral("chatId"), mine}})),
                QStringLiteral("not_found"));
        }
        // A signed-in person's connection does not become an anonymous one.
        QCOMPARE(TestClient::errorReason(m_cora.call(QStringLiteral("anteroom.join"),
                     {{QStringLiteral("key"), m_key}, {QStringLiteral("alias"), str("x")},
                         {QStringLiteral("consent"), true}})),
            QStringLiteral("forbidden"));
        for (TestClient *p : {&page, &other})
            p->call(QStringLiteral("chat.close"),
                {{QStringLiteral("chatId"), p == &page ? mine : theirs}});
    }

    void anAnonymousClientMayNotSendLargeFrames()
    {
        // A client's frames hold a chat message (≤ 4,000 characters), not a signed-in person's
        // 1 MiB: a larger one closes the connection (1009), and the chat carries on without it.
        TestClient page;
        const QString chatId = idOf(
            resultOf(join(page, QStringLiteral("Big"))).value(QStringLiteral("chat")).toObject());
        QVERIFY(!chatId.isEmpty());
        // The longest message there is (4,000 UTF-16 units: 2,000 emoji) goes through.
        QString longest;
        for (int i = 0; i < 2000; ++i)
            longest += QString::fromUtf8("\xF0\x9F\x92\x9B");
        QVERIFY(resultOf(send(page, chatId, longest, QStringLiteral("big1")))
                    .contains(QStringLiteral("message")));
        QSignalSpy closed(&page.socket(), &QWebSocket::disconnected);
        page.socket().sendTextMessage(QString(100 * 1024, u'x'));
        QVERIFY(closed.wait());
        QCOMPARE(page.socket().closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
        m_manager.call(QStringLiteral("chat.close"), {{QStringLiteral("chatId"), chatId}});
    }

    void twoConsultantsRacingForOneClientOneWins()
    {
        QVERIFY(!resultOf(m_carl.call(QStringLiteral("chat.duty"), {{QStringLiteral("on"), true}}))
                     .isEmpty());
        for (int round = 0; round < 10; ++round) {
            TestClient page;
            const QString chatId = idOf(resultOf(join(page, QStringLiteral("Race")))
                                            .value(QStringLiteral("chat"))
                                            .toObject());
            QVERIFY(!chatId.isEmpty());
            m_cora.post(QStringLiteral("chat.accept"), {{QStringLiteral("chatId"), chatId}});
            m_carl.post(QStringLiteral("chat.accept"), {{QStringLiteral("chatId"), chatId}});
            const QJsonObject a = m_cora.waitForReplies(1).value(0);
            const QJsonObject b = m_carl.waitForReplies(1).value(0);
            const bool coraWon = a.contains(QStringLiteral("result"));
            const bool carlWon = b.contains(QStringLiteral("result"));
            QVERIFY2(coraWon != carlWon, "exactly one consultant takes the client");
            QCOMPARE(TestClient::errorReason(coraWon ? b : a), QStringLiteral("taken"));
            (coraWon ? m_cora : m_carl)
                .call(QStringLiteral("chat.close"), {{QStringLiteral("chatId"), chatId}});
        }
    }

    void noConsultantTakesMoreThanTheOrganisationAllows()
    {
        // maxChatsPerConsultant is 2 (set above).
        QList<QString> chats;
        std::vector<std::unique_ptr<TestClient>> pages;
        for (int i = 0; i < 3; ++i) {
            pages.push_back(std::make_unique<TestClient>());
            chats.append(idOf(resultOf(join(*pages.back(), QStringLiteral("P%1").arg(i)))
                                  .value(QStringLiteral("chat"))
                                  .toObject()));
        }
        // Three at once: the duty row's lock counts them one after another.
        for (const QString &id : chats)
            m_cora.post(QStringLiteral("chat.accept"), {{QStringLiteral("chatId"), id}});
        const QList<QJsonObject> replies = m_cora.waitForReplies(3);
        QCOMPARE(std::count_if(replies.cbegin(), replies.cend(),
                     [](const QJsonObject &r) { return r.contains(QStringLiteral("result")); }),
            2);
        QCOMPARE(std::count_if(replies.cbegin(), replies.cend(),
                     [](const QJsonObject &r) {
                         return TestClient::errorReason(r) == QLatin1String("at_capacity");
                     }),
            1);
        QCOMPARE(resultOf(m_cora.call(QStringLiteral("chat.list")))
                     .value(QStringLiteral("chats"))
                     .toArray()
                     .size(),
            2);
        // A manager sees every live chat; a consultant may not ask for all.
        QVERIFY(
            resultOf(m_manager.call(QStringLiteral("chat.list"), {{QStringLiteral("all"), true}}))
                .value(QStringLiteral("chats"))
                .toArray()
                .size()
            >= 2);
        QCOMPARE(TestClient::errorReason(
                     m_cora.call(QStringLiteral("chat.list"), {{QStringLiteral("all"), true}})),
            QStringLiteral("forbidden"));
        for (const QString &id : chats)
            m_manager.call(QStringLiteral("chat.close"), {{QStringLiteral("chatId"), id}});
        QCOMPARE(resultOf(m_cora.call(QStringLiteral("chat.list")))
                     .value(QStringLiteral("chats"))
                     .toArray()
                     .size(),
            0);
    }

    void aReloadResumesTheChatWithItsHistory()
    {
        auto page = std::make_unique<TestClient>();
        const QJsonObject joined = resultOf(join(*page, QStringLiteral("Rae")));
        const QString token = joined.value(QStringLiteral("token")).toString();
        const QString chatId = idOf(joined.value(QStringLiteral("chat")).toObject());
        QCOMPARE(accepted(m_cora, chatId), QStringLiteral("active"));
        QVERIFY(!resultOf(
            send(*page, chatId, QStringLiteral("before the reload"), QStringLiteral("r1")))
                     .isEmpty());

        // The page goes (a reload): the consultant sees the client away, the chat stays.
        m_cora.clearPushes();
        page.reset();
        QTRY_VERIFY(std::any_of(
            m_cora.pushes().cbegin(), m_cora.pushes().cend(), [&](const QJsonObject &p) {
                const QJsonObject c
                    = p[QStringLiteral("params")][QStringLiteral("chat")].toObject();
                return idOf(c) == chatId && !c[QStringLiteral("clientOnline")].toBool();
            }));

        TestClient again;
        QVERIFY(again.open(m_server->wsUrl()));
        const QJsonObject resumed = resultOf(
            again.call(QStringLiteral("anteroom.resume"), {{QStringLiteral("token"), token}}));
        QCOMPARE(resumed[QStringLiteral("chat")][QStringLiteral("status")].toString(),
            QStringLiteral("active"));
        const QJsonArray messages = resumed.value(QStringLiteral("messages")).toArray();
        QVERIFY(std::any_of(messages.cbegin(), messages.cend(), [](const QJsonValue &m) {
            return m[QStringLiteral("text")].toString() == QLatin1String("before the reload");
        }));
        // And the conversation goes on where it was.
        QVERIFY(
            !resultOf(send(m_cora, chatId, QStringLiteral("welcome back"), QStringLiteral("k9")))
                 .isEmpty());
        QCOMPARE(again
                     .waitForPush(QStringLiteral(
                         "chat.message"))[QStringLiteral("message")][QStringLiteral("text")]
                     .toString(),
            QStringLiteral("welcome back"));
        // A made-up token resumes nothing.
        TestClient stranger;
        QVERIFY(stranger.open(m_server->wsUrl()));
        QCOMPARE(TestClient::errorReason(stranger.call(QStringLiteral("anteroom.resume"),
                     {{QStringLiteral("token"), QStringLiteral("not-a-token")}})),
            QStringLiteral("unauthenticated"));
        m_cora.call(QStringLiteral("chat.close"), {{QStringLiteral("chatId"), chatId}});
    }

    void aClientWhoLeavesBeforePickupLeavesTheQueue()
    {
        auto page = std::make_unique<TestClient>();
        const QString chatId = idOf(
            resultOf(join(*page, QStringLiteral("Lee"))).value(QStringLiteral("chat")).toObject());
        QCOMPARE(queueOf(m_cora).size(), 1);
        page.reset(); // the tab is closed
        QTRY_COMPARE(queueOf(m_cora).size(), 0);
        // Nobody can take a client who is not there.
        QCOMPARE(TestClient::errorReason(m_cora.call(
                     QStringLiteral("chat.accept"), {{QStringLiteral("chatId"), chatId}})),
            QStringLiteral("client_away"));
        QVERIFY(sweep());
        QCOMPARE(
            m_server->sql()
                .exec(
                    QStringLiteral("SELECT status FROM chats WHERE id = '%1'").arg(chatId).toUtf8())
                .text(0, 0),
            QStringLiteral("abandoned"));
    }

    void theNextInLineHearsTheirPlace()
    {
        TestClient first, second;
        const QString firstId = idOf(
            resultOf(join(first, QStringLiteral("One"))).value(QStringLiteral("chat")).toObject());
        const QJsonObject secondChat = resultOf(join(second, QStringLiteral("Two")))
                                           .value(QStringLiteral("chat"))
                                           .toObject();
        QCOMPARE(secondChat.value(QStringLiteral("position")).toInt(), 2);
        QCOMPARE(accepted(m_carl, firstId), QStringLiteral("active"));
        QTRY_VERIFY(
            std::any_of(second.pushes().cbegin(), second.pushes().cend(), [](const QJsonObject &p) {
                return p[QStringLiteral("method")] == QStringLiteral("chat.updated")
                    && p[QStringLiteral("params")][QStringLiteral("chat")]
                        [QStringLiteral("position")]
                            .toInt()
                    == 1;
            }));
        m_carl.call(QStringLiteral("chat.close"), {{QStringLiteral("chatId"), firstId}});
        second.call(QStringLiteral("chat.close"), {{QStringLiteral("chatId"), idOf(secondChat)}});
    }

    void aChatIsHandedOverWithANote()
    {
        TestClient page;
        const QString chatId = idOf(
            resultOf(join(page, QStringLiteral("Tam"))).value(QStringLiteral("chat")).toObject());
        QCOMPARE(accepted(m_cora, chatId), QStringLiteral("active"));
        const QString carl = m_carlId.toString(QUuid::WithoutBraces);
        QCOMPARE(TestClient::errorReason(m_carl.call(QStringLiteral("chat.transfer"),
                     {{QStringLiteral("chatId"), chatId}, {QStringLiteral("toUserId"), carl}})),
            QStringLiteral("not_found")); // not his chat to give
        page.clearPushes();
        const QJsonObject moved = chatOf(m_cora.call(QStringLiteral("chat.transfer"),
            {{QStringLiteral("chatId"), chatId}, {QStringLiteral("toUserId"), carl},
                {QStringLiteral("note"),
                    QStringLiteral("Exams next week; prefers short answers")}}));
        QCOMPARE(moved.value(QStringLiteral("consultantId")).toString(), carl);
        QCOMPARE(moved.value(QStringLiteral("transferNote")).toString(),
            QStringLiteral("Exams next week; prefers short answers"));
        QTRY_VERIFY(
            std::any_of(page.pushes().cbegin(), page.pushes().cend(), [](const QJsonObject &p) {
                return p[QStringLiteral("params")][QStringLiteral("message")]
                        [QStringLiteral("text")]
                            .toString()
                            .startsWith(QLatin1String("You are now talking to "));
            }));
        // Cora lets go of it; Carl writes in it.
        QCOMPARE(
            TestClient::errorReason(send(m_cora, chatId, QStringLiteral("x"), QStringLiteral("q"))),
            QStringLiteral("not_found"));
        QVERIFY(!resultOf(send(m_carl, chatId, QStringLiteral("Hi, I'm Carl"), QStringLiteral("q")))
                     .isEmpty());
        QCOMPARE(TestClient::errorReason(m_carl.call(QStringLiteral("chat.transfer"),
                     {{QStringLiteral("chatId"), chatId},
                         {QStringLiteral("toUserId"),
                             m_server->sql()
                                 .exec("SELECT id FROM users WHERE login = 'othermanager'")
                                 .text(0, 0)}})),
            QStringLiteral("not_on_duty"));
        m_carl.call(QStringLiteral("chat.close"), {{QStringLiteral("chatId"), chatId}});
    }

    void aBurstIsCommittedInOrderAndOnce()
    {
        // Many sends at once from both sides form batches (group commit): each side's messages
        // keep their order, every one is acknowledged with its own seq, none twice.
        TestClient page;
        const QString chatId = idOf(
            resultOf(join(page, QStringLiteral("Bea"))).value(QStringLiteral("chat")).toObject());
        QCOMPARE(accepted(m_carl, chatId), QStringLiteral("active"));
        // Below the 32 requests a connection may have in flight.
        constexpr int kEach = 25;
        int resent = 0;
        for (int i = 0; i < kEach; ++i) {
            const QJsonObject base {{QStringLiteral("chatId"), chatId}};
            QJsonObject fromClient = base, fromCarl = base;
            fromClient.insert(QStringLiteral("text"), QStringLiteral("client %1").arg(i));
            // Every tenth is sent twice, as after a lost connection.
            fromClient.insert(QStringLiteral("clientMsgId"), QStringLiteral("b%1").arg(i));
            fromCarl.insert(QStringLiteral("text"), QStringLiteral("carl %1").arg(i));
            fromCarl.insert(QStringLiteral("clientMsgId"), QStringLiteral("k%1").arg(i));
            page.post(QStringLiteral("chat.send"), fromClient);
            if (i % 10 == 0) {
                page.post(QStringLiteral("chat.send"), fromClient);
                ++resent;
            }
            m_carl.post(QStringLiteral("chat.send"), fromCarl);
        }
        const QList<QJsonObject> clientReplies = page.waitForReplies(kEach + resent);
        const QList<QJsonObject> carlReplies = m_carl.waitForReplies(kEach);
        int duplicates = 0;
        QSet<qint64> seqs;
        for (const QJsonObject &r : clientReplies + carlReplies) {
            QVERIFY2(r.contains(QStringLiteral("result")), QJsonDocument(r).toJson().constData());
            if (resultOf(r)[QStringLiteral("duplicate")].toBool())
                ++duplicates;
            else
                seqs.insert(
                    resultOf(r)[QStringLiteral("message")][QStringLiteral("seq")].toInteger());
        }
        QCOMPARE(duplicates, resent);
        QCOMPARE(seqs.size(), 2 * kEach); // distinct: no seq given twice
        // In the history each side's messages come in the order they were sent, with no gaps.
        const QJsonArray history = historyOf(m_carl, chatId);
        QStringList client, carl;
        qint64 previous = 0;
        for (const QJsonValue &m : history) {
            QCOMPARE(m[QStringLiteral("seq")].toInteger(), previous + 1);
            previous = m[QStringLiteral("seq")].toInteger();
            const QString text = m[QStringLiteral("text")].toString();
            if (m[QStringLiteral("sender")].toString() == QLatin1String("system"))
                continue;
            if (text.startsWith(QLatin1String("client ")))
                client.append(text);
            else if (text.startsWith(QLatin1String("carl ")))
                carl.append(text);
        }
        QCOMPARE(client.size(), kEach);
        QCOMPARE(carl.size(), kEach);
        for (int i = 0; i < kEach; ++i) {
            QCOMPARE(client.at(i), QStringLiteral("client %1").arg(i));
            QCOMPARE(carl.at(i), QStringLiteral("carl %1").arg(i));
        }
        m_carl.call(QStringLiteral("chat.close"), {{QStringLiteral("chatId"), chatId}});
    }

    void aServerKilledMidChatLosesNoAcknowledgedMessage()
    {
        const QString binary = qEnvironmentVariable("MUSTER_SERVER_BINARY");
        if (binary.isEmpty())
            QSKIP("MUSTER_SERVER_BINARY is not set (ctest sets it)");
        // A second server process on the same database; the client's page is on it.
        QProcess other;
        const quint16 port = startServerProcess(other, m_server->conninfo(),
            {QStringLiteral("--limit"), QStringLiteral("anteroom-joins-per-address=1000")});
        QVERIFY(port != 0);
        TestClient page;
        QVERIFY(page.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port))));
        const QJsonObject joined = resultOf(join(page, QStringLiteral("Kit")));
        const QString token = joined.value(QStringLiteral("token")).toString();
        const QString chatId = idOf(joined.value(QStringLiteral("chat")).toObject());
        QCOMPARE(accepted(m_cora, chatId), QStringLiteral("active"));

        // The client writes on and on, 30 messages in flight; the server is killed as the
        // acknowledgements come in, with messages still on their way.
        int sent = 0;
        const auto post = [&] {
            page.post(QStringLiteral("chat.send"),
                {{QStringLiteral("chatId"), chatId},
                    {QStringLiteral("text"), QStringLiteral("line %1").arg(sent)},
                    {QStringLiteral("clientMsgId"), QStringLiteral("k9-%1").arg(sent)}});
            ++sent;
        };
        for (int i = 0; i < 30; ++i)
            post();
        QList<QJsonObject> replies;
        while (replies.size() < 60) {
            const QList<QJsonObject> more = page.waitForReplies(1);
            QVERIFY(!more.isEmpty());
            replies += more;
            for (qsizetype i = 0; i < more.size(); ++i)
                post();
        }
        ::kill(pid_t(other.processId()), SIGKILL);
        QVERIFY(other.waitForFinished(10000));
        QVERIFY(page.waitForDisconnect());
        replies += page.waitForReplies(sent, 200); // whatever was already on its way
        QStringList acknowledged;
        for (const QJsonObject &r : replies) {
            if (r.contains(QStringLiteral("result")))
                acknowledged.append(
                    resultOf(r)[QStringLiteral("message")][QStringLiteral("clientMsgId")]
                        .toString());
        }
        QVERIFY(acknowledged.size() >= 60);
        qInfo() << acknowledged.size() << "of" << sent << "acknowledged before the kill";

        // The page comes back through the other server: every acknowledged message is there.
        TestClient again;
        QVERIFY(again.open(m_server->wsUrl()));
        const QJsonArray history = resultOf(again.call(QStringLiteral("anteroom.resume"),
            {{QStringLiteral("token"), token}}))[QStringLiteral("messages")]
                                       .toArray();
        QStringList stored;
        for (const QJsonValue &m : history)
            stored.append(m[QStringLiteral("clientMsgId")].toString());
        for (const QString &id : std::as_const(acknowledged))
            QVERIFY2(stored.contains(id), qPrintable(id));
        // And sending everything again (the page resends what it holds) makes no second copy.
        for (int i = 0; i < sent; ++i)
            QVERIFY(!resultOf(send(again, chatId, QStringLiteral("line %1").arg(i),
                                  QStringLiteral("k9-%1").arg(i)))
                         .isEmpty());
        QCOMPARE(m_server->sql()
                     .exec("SELECT count(*) FROM chat_messages WHERE client_msg_id LIKE 'k9-%'")
                     .text(0, 0)
                     .toInt(),
            sent);
        m_cora.call(QStringLiteral("chat.close"), {{QStringLiteral("chatId"), chatId}});
    }

    void endedChatsGoAfterTheRetentionAndOnRequest()
    {
        const QByteArray ended
            = "SELECT count(*) FROM chats WHERE status IN ('closed', 'abandoned')";
        QVERIFY(m_server->sql().exec(ended).text(0, 0).toInt() > 0);
        // A day short of the retention (30 days) they stay; past it they go, messages and all.
        m_server->sql().exec("UPDATE chats SET closed_at = now() - interval '29 days'"
                             " WHERE status IN ('closed', 'abandoned')");
        QVERIFY(sweep());
        const int kept = m_server->sql().exec(ended).text(0, 0).toInt();
        QVERIFY(kept > 0);
        m_server->sql().exec("UPDATE chats SET closed_at = now() - interval '31 days'"
                             " WHERE status IN ('closed', 'abandoned')");
        QVERIFY(sweep());
        QCOMPARE(m_server->sql().exec(ended).text(0, 0).toInt(), 0);
        QCOMPARE(m_server->sql().exec("SELECT count(*) FROM chat_messages").text(0, 0).toInt(), 0);
        QCOMPARE(m_server->sql().exec("SELECT count(*) FROM chats").text(0, 0).toInt(), 0);

        // "Forget me": the client's chat and every message of it are gone at once.
        TestClient page;
        const QString chatId = idOf(
            resultOf(join(page, QStringLiteral("Fay"))).value(QStringLiteral("chat")).toObject());
        QVERIFY(!resultOf(
            send(page, chatId, QStringLiteral("please forget this"), QStringLiteral("f1")))
                     .isEmpty());
        QCOMPARE(resultOf(page.call(QStringLiteral("anteroom.forget")))[QStringLiteral("forgotten")]
                     .toBool(),
            true);
        QCOMPARE(m_server->sql().exec("SELECT count(*) FROM chat_messages").text(0, 0).toInt(), 0);
        QCOMPARE(m_server->sql().exec("SELECT count(*) FROM chats").text(0, 0).toInt(), 0);
        QCOMPARE(TestClient::errorReason(page.call(
                     QStringLiteral("chat.history"), {{QStringLiteral("chatId"), chatId}})),
            QStringLiteral("unauthenticated"));
    }

    void aFloodOfClientsFillsNoMoreThanTheQueueHolds()
    {
        QVERIFY(!resultOf(
            m_manager.call(QStringLiteral("chat.settings.update"),
                {{QStringLiteral("settings"), QJsonObject {{QStringLiteral("maxWaiting"), 3}}}}))
                     .isEmpty());
        std::vector<std::unique_ptr<TestClient>> pages;
        for (int i = 0; i < 20; ++i) {
            pages.push_back(std::make_unique<TestClient>());
            QVERIFY(pages.back()->open(m_server->wsUrl()));
        }
        for (const auto &page : pages) {
            page->post(QStringLiteral("anteroom.join"),
                {{QStringLiteral("key"), m_key}, {QStringLiteral("alias"), QStringLiteral("Flood")},
                    {QStringLiteral("consent"), true},
                    {QStringLiteral("answers"),
                        QJsonObject {{QStringLiteral("age"), QStringLiteral("1")}}}});
        }
        int joined = 0, full = 0;
        for (const auto &page : pages) {
            const QJsonObject reply = page->waitForReplies(1).value(0);
            joined += reply.contains(QStringLiteral("result"));
            full += TestClient::errorReason(reply) == QLatin1String("queue_full");
        }
        QCOMPARE(joined, 3);
        QCOMPARE(full, 17);
        QCOMPARE(m_server->sql()
                     .exec("SELECT count(*) FROM chats WHERE status = 'waiting'")
                     .text(0, 0)
                     .toInt(),
            3);
        pages.clear();
        QTRY_COMPARE(queueOf(m_cora).size(), 0);
        QVERIFY(sweep());
    }

    void oneAddressCannotFloodTheQueue()
    {
        ThrottleLimits limits = m_server->config().throttles;
        limits.anteroomJoinsPerAddress = 2;
        m_server->server().setThrottleLimits(limits);
        m_server->sql().exec("DELETE FROM auth_attempts");
        QVERIFY(!resultOf(
            m_manager.call(QStringLiteral("chat.settings.update"),
                {{QStringLiteral("settings"), QJsonObject {{QStringLiteral("maxWaiting"), 50}}}}))
                     .isEmpty());
        QStringList reasons;
        for (int i = 0; i < 3; ++i) {
            TestClient page;
            const QJsonObject reply = join(page, QStringLiteral("Again"));
            reasons.append(reply.contains(QStringLiteral("result"))
                    ? QStringLiteral("ok")
                    : TestClient::errorReason(reply));
        }
        QCOMPARE(reasons,
            (QStringList {
                QStringLiteral("ok"), QStringLiteral("ok"), QStringLiteral("rate_limited")}));
        // No address of a client is kept in a readable form.
        QCOMPARE(m_server->sql()
                     .exec("SELECT count(*) FROM auth_attempts WHERE key LIKE '%127.0.0.1%'")
                     .text(0, 0)
                     .toInt(),
            0);
    }
};

QTEST_GUILESS_MAIN(TestChat)
#include "tst_chat.moc"
