// The anteroom in real headless Chromium: tests/browser/anteroom.mjs plays the client in the
// browser (framed by an allowed site and by a forbidden one, the organisation's title, colours
// and logo, intake, waiting, chatting, a
// reload, ending, leaving before pickup, quick exit) while this test owns the server and plays
// the consultant through the protocol. The script prints "@<step>"; this test answers "go
// <step>" once the consultant has done their part.
#include "testclient.h"
#include "testserver.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

class TestAnteroom : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    TestClient m_manager, m_cora;
    QProcess m_browser;
    QStringList m_steps; // "@…" lines not taken yet
    QByteArray m_pending;

    // Waits for the script's next "@name …" line and returns its words after the name.
    QStringList waitForStep(const QString &name, int timeoutMs = 60000)
    {
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < timeoutMs) {
            for (qsizetype i = 0; i < m_steps.size(); ++i) {
                QStringList words = m_steps.at(i).mid(1).split(u' ');
                if (words.first() == name) {
                    m_steps.removeAt(i);
                    words.removeFirst();
                    return words;
                }
            }
            if (m_browser.state() == QProcess::NotRunning)
                break;
            QTest::qWait(20);
        }
        qWarning().noquote() << "browser said:" << m_browser.readAllStandardError();
        return {QStringLiteral("<missing>")};
    }
    void say(const QString &line) { m_browser.write(line.toUtf8() + '\n'); }
    QJsonArray queue()
    {
        return resultOf(m_cora.call(QStringLiteral("chat.queue")))
            .value(QStringLiteral("chats"))
            .toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Helpline")).isNull());
        QVERIFY(
            !m_server
                 ->createUser(QStringLiteral("manager"), QStringLiteral("Helpline"), Role::Manager)
                 .isNull());
        QVERIFY(
            !m_server->createUser(QStringLiteral("cora"), QStringLiteral("Helpline"), Role::Staff)
                 .isNull());
        QVERIFY(m_manager.signIn(m_server->wsUrl(), QStringLiteral("manager")));
        QVERIFY(m_cora.signIn(m_server->wsUrl(), QStringLiteral("cora")));
        QVERIFY(!resultOf(m_cora.call(QStringLiteral("chat.duty"),
                              {{QStringLiteral("on"), true},
                                  {QStringLiteral("chatName"), QStringLiteral("Cora")}}))
                     .isEmpty());
    }
    void cleanupTestCase()
    {
        if (m_browser.state() != QProcess::NotRunning) {
            m_browser.kill();
            m_browser.waitForFinished();
        }
        m_server.reset();
    }

    void aClientChatsInTheAnteroom()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!node.isEmpty(), "node is missing: scripts/install-deps.sh installs it");
        const QString dir = QStringLiteral(MUSTER_BROWSER_TESTS_DIR);
        QVERIFY2(QFile::exists(dir + QStringLiteral("/node_modules/playwright-core")),
            "playwright-core is missing: scripts/install-deps.sh installs it (npm ci)");

        const QJsonObject settings = resultOf(
            m_manager.call(QStringLiteral("chat.settings.get")))[QStringLiteral("settings")]
                                         .toObject();
        const QString key = settings.value(QStringLiteral("publicKey")).toString();
        const QString anteroom = m_server->httpUrl(QStringLiteral("/anteroom/") + key).toString();

        connect(&m_browser, &QProcess::readyReadStandardOutput, this, [this] {
            m_pending += m_browser.readAllStandardOutput();
            qsizetype end;
            while ((end = m_pending.indexOf('\n')) >= 0) {
                const QString line = QString::fromUtf8(m_pending.left(end)).trimmed();
                m_pending.remove(0, end + 1);
                if (line.startsWith(u'@'))
                    m_steps.append(line);
                else if (!line.isEmpty())
                    qInfo().noquote() << "browser:" << line;
            }
        });
        m_browser.setWorkingDirectory(dir);
        QStringList arguments {dir + QStringLiteral("/anteroom.mjs"), anteroom};
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty())
            arguments.append(shots);
        m_browser.start(node, arguments);
        QVERIFY(m_browser.waitForStarted());

        // The sites the page is framed by: one allowed, one not; the quick exit goes to the
        // allowed one's neutral page (nothing outside is reachable here).
        const QStringList origins = waitForStep(QStringLiteral("origins"));
        QCOMPARE(origins.size(), 2);
        const QJsonObject age {{QStringLiteral("id"), QStringLiteral("age")},
            {QStringLiteral("label"), QStringLiteral("How old are you?")},
            {QStringLiteral("required"), true}};
        const QJsonObject changes {
            {QStringLiteral("allowedOrigins"), QJsonArray {origins.at(0)}},
            {QStringLiteral("quickExitUrl"), QString(origins.at(0) + QStringLiteral("/neutral"))},
            {QStringLiteral("texts"),
                QJsonObject {{QStringLiteral("title"), QStringLiteral("Talk to us")}}},
            {QStringLiteral("theme"),
                QJsonObject {{QStringLiteral("accent"), QStringLiteral("#5b4a8b")},
                    {QStringLiteral("bubble"), QStringLiteral("#ebe6f5")}}},
            {QStringLiteral("questions"), QJsonArray {age}},
        };
        QVERIFY(!resultOf(m_manager.call(QStringLiteral("chat.settings.update"),
                              {{QStringLiteral("settings"), changes}}))
                     .isEmpty());
        // The organisation's logo: a speech bubble in its colour, on transparency.
        QImage logo(240, 80, QImage::Format_ARGB32);
        logo.fill(Qt::transparent);
        {
            QPainter painter(&logo);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(0x5b, 0x4a, 0x8b));
            painter.drawRoundedRect(QRectF(4, 4, 72, 56), 14, 14);
            painter.drawPolygon(QPolygonF({QPointF(20, 58), QPointF(40, 58), QPointF(16, 76)}));
            painter.setBrush(Qt::white);
            for (int dot = 0; dot < 3; ++dot)
                painter.drawEllipse(QPointF(22 + dot * 18, 32), 6, 6);
            painter.setBrush(QColor(0x5b, 0x4a, 0x8b));
            painter.drawRoundedRect(QRectF(92, 18, 140, 14), 7, 7);
            painter.drawRoundedRect(QRectF(92, 40, 96, 10), 5, 5);
        }
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(logo.save(&buffer, "PNG"));
        QVERIFY(!resultOf(m_manager.call(QStringLiteral("chat.settings.setLogo"),
                              {{QStringLiteral("image"), QString::fromLatin1(png.toBase64())}}))
                     .isEmpty());
        say(QStringLiteral("go settings"));
        QVERIFY(!waitForStep(QStringLiteral("forbidden-refused"))
                     .contains(QStringLiteral("<missing>")));

        // A client waits; the consultant takes them and greets them.
        QVERIFY(!waitForStep(QStringLiteral("queued")).contains(QStringLiteral("<missing>")));
        const QJsonArray waiting = queue();
        QCOMPARE(waiting.size(), 1);
        const QJsonObject client = waiting.at(0).toObject();
        QCOMPARE(client.value(QStringLiteral("alias")).toString(), QStringLiteral("Sam"));
        QCOMPARE(
            client.value(QStringLiteral("topic")).toString(), QStringLiteral("Exams and sleep"));
        const QString chatId = client.value(QStringLiteral("id")).toString();
        QVERIFY(!resultOf(
            m_cora.call(QStringLiteral("chat.accept"), {{QStringLiteral("chatId"), chatId}}))
                     .isEmpty());
        QVERIFY(!resultOf(m_cora.call(QStringLiteral("chat.send"),
                              {{QStringLiteral("chatId"), chatId},
                                  {QStringLiteral("text"),
                                      QStringLiteral("Hello, I'm Cora. What is on your mind?")},
                                  {QStringLiteral("clientMsgId"), QStringLiteral("k1")}}))
                     .isEmpty());
        m_cora.clearPushes();
        say(QStringLiteral("go accepted"));

        QVERIFY(!waitForStep(QStringLiteral("sent")).contains(QStringLiteral("<missing>")));
        const QJsonArray history = resultOf(
            m_cora.call(QStringLiteral("chat.history"), {{QStringLiteral("chatId"), chatId}}))
                                       .value(QStringLiteral("messages"))
                                       .toArray();
        QCOMPARE(history.last()[QStringLiteral("text")].toString(),
            QStringLiteral("I feel alone tonight"));
        QCOMPARE(history.last()[QStringLiteral("sender")].toString(), QStringLiteral("client"));
        QVERIFY(!resultOf(
            m_cora.call(QStringLiteral("chat.send"),
                {{QStringLiteral("chatId"), chatId},
                    {QStringLiteral("text"), QStringLiteral("I'm listening. Take your time.")},
                    {QStringLiteral("clientMsgId"), QStringLiteral("k2")}}))
                     .isEmpty());
        say(QStringLiteral("go replied"));

        // After the reload the client writes on, in the same chat.
        QVERIFY(!waitForStep(QStringLiteral("resumed")).contains(QStringLiteral("<missing>")));
        const QJsonArray after = resultOf(
            m_cora.call(QStringLiteral("chat.history"), {{QStringLiteral("chatId"), chatId}}))
                                     .value(QStringLiteral("messages"))
                                     .toArray();
        QCOMPARE(after.last()[QStringLiteral("text")].toString(),
            QStringLiteral("still here after the reload"));
        say(QStringLiteral("go heard"));

        QVERIFY(!waitForStep(QStringLiteral("ended")).contains(QStringLiteral("<missing>")));
        QCOMPARE(resultOf(m_cora.call(QStringLiteral("chat.list")))
                     .value(QStringLiteral("chats"))
                     .toArray()
                     .size(),
            0);
        QCOMPARE(
            m_server->sql()
                .exec(QStringLiteral("SELECT status || '/' || closed_by FROM chats WHERE id = '%1'")
                          .arg(chatId)
                          .toUtf8())
                .text(0, 0),
            QStringLiteral("closed/client"));
        say(QStringLiteral("go ended"));

        // Closing the tab before pickup empties the queue at once.
        QVERIFY(!waitForStep(QStringLiteral("waiting")).contains(QStringLiteral("<missing>")));
        QCOMPARE(queue().size(), 1);
        say(QStringLiteral("go close"));
        QVERIFY(!waitForStep(QStringLiteral("closed")).contains(QStringLiteral("<missing>")));
        QTRY_COMPARE_WITH_TIMEOUT(queue().size(), 0, 10000);
        say(QStringLiteral("go quick-exit"));

        QVERIFY(!waitForStep(QStringLiteral("done")).contains(QStringLiteral("<missing>")));
        QVERIFY(m_browser.waitForFinished(30000));
        QCOMPARE(m_browser.exitCode(), 0);
        // The quick exit's chat left the queue with its page.
        QTRY_COMPARE_WITH_TIMEOUT(queue().size(), 0, 10000);
    }
};

QTEST_GUILESS_MAIN(TestAnteroom)
#include "tst_anteroom.moc"
