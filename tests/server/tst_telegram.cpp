// The chat bot against a local stand-in of Telegram's Bot API (tests/support/botapistandin)
// started here, and a real server and database: a person links their chat with the one-time
// setup link from My time (a second use is refused), the bot answers /hours, /code (refused for
// leads, and the code really signs in at a kiosk), /rewards and /unlink, and sends the notices
// (reward available, handed over, shift stopped). With two servers only one polls; a token the
// Bot API refuses, or none, is said in the log and nothing else breaks.
#include "botapistandin.h"
#include "telegram/telegrambot.h"
#include "timeclock/dayboundaryservice.h"
#include "timeclockhelpers.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

namespace {

const QString kToken = QStringLiteral("4242:good-token");
constexpr qint64 kVicChat = 1001;
constexpr qint64 kLouChat = 1003;
constexpr qint64 kStrangerChat = 1099;

} // namespace

class TestTelegram : public QObject
{
    Q_OBJECT
private:
    BotApiStandIn m_api {kToken};
    std::unique_ptr<TestServer> m_server;
    TestClient m_admin, m_vic, m_lou;
    QUuid m_org;
    QString m_team;
    QHash<QString, QUuid> m_people;

    TelegramBot &bot() { return m_server->server().timeclock().telegram; }
    // Says `text` in the chat and waits for the bot's answer to it.
    QString ask(qint64 chatId, const QString &text)
    {
        const int before = m_api.countTo(chatId);
        m_api.say(chatId, text);
        if (!QTest::qWaitFor([&] { return m_api.countTo(chatId) > before; }, 10000))
            return QStringLiteral("(no answer)");
        return m_api.messageTo(chatId, before);
    }
    // A setup link for the client's person: the key, or "".
    static QString setupKey(TestClient &client)
    {
        const QString url = resultOf(client.call(QStringLiteral("telegram.setupLink")))
                                .value(QStringLiteral("url"))
                                .toString();
        return url.section(QStringLiteral("?start="), 1);
    }
    // Waits for a message to the chat containing `part`.
    bool sentTo(qint64 chatId, const QString &part)
    {
        return QTest::qWaitFor(
            [&] {
                for (const BotApiStandIn::Sent &s : m_api.sent()) {
                    if (s.chatId == chatId && s.text.contains(part))
                        return true;
                }
                return false;
            },
            10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_api.listen());
        m_server = std::make_unique<TestServer>();
        m_server->config().telegram.token = kToken;
        m_server->config().telegram.api = m_api.url();
        m_server->config().telegram.pollSeconds = 1;
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        m_org = m_server->createOrganisation(QStringLiteral("Con"));
        for (const auto &[login, role, badge] :
            {std::tuple {QStringLiteral("ada"), Role::Admin, QString()},
                std::tuple {QStringLiteral("vic"), Role::Volunteer, QStringLiteral("200")},
                std::tuple {QStringLiteral("lou"), Role::Lead, QStringLiteral("300")}})
            m_people.insert(
                login, createBadgeHolder(*m_server, login, QStringLiteral("Con"), role, badge));
        QVERIFY(m_admin.signIn(m_server->wsUrl(), QStringLiteral("ada")));
        QVERIFY(m_vic.signIn(m_server->wsUrl(), QStringLiteral("vic")));
        QVERIFY(m_lou.signIn(m_server->wsUrl(), QStringLiteral("lou")));
        QVERIFY(!createActiveEvent(m_admin, QStringLiteral("Con 2026"), QStringLiteral("UTC"))
                     .isEmpty());
        m_team = resultOf(m_admin.call(QStringLiteral("teams.create"),
                              {{QStringLiteral("name"), QStringLiteral("Bar")}}))
                     .value(QStringLiteral("team"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString();
        for (const auto &[name, hours] : {std::pair {QStringLiteral("T-shirt"), 1.0},
                 std::pair {QStringLiteral("Hoodie"), 10.0}})
            QVERIFY(resultOf(
                m_admin.call(QStringLiteral("rewards.create"),
                    {{QStringLiteral("name"), name}, {QStringLiteral("thresholdHours"), hours}}))
                        .contains(QStringLiteral("reward")));
        QTRY_VERIFY_WITH_TIMEOUT(bot().isReady(), 10000);
        QCOMPARE(bot().username(), QStringLiteral("MusterTestBot"));
    }
    void cleanupTestCase() { m_server.reset(); }

    void aChatIsLinkedWithASetupLinkUsedOnce()
    {
        QJsonObject status = resultOf(m_vic.call(QStringLiteral("telegram.status")));
        QVERIFY(status.value(QStringLiteral("configured")).toBool());
        QVERIFY(!status.value(QStringLiteral("linked")).toBool());
        const QJsonObject link = resultOf(m_vic.call(QStringLiteral("telegram.setupLink")));
        QVERIFY(link.value(QStringLiteral("url"))
                    .toString()
                    .startsWith(u"https://t.me/MusterTestBot?start="));
        const QString key = link.value(QStringLiteral("key")).toString();
        QVERIFY(key.size() >= 32);
        // Only its hash is kept.
        QCOMPARE(m_server->sql()
                     .exec("SELECT count(*) FROM telegram_setup_keys WHERE key_hash = $1",
                         PgParams().addBytes(TelegramBot::keyHash(key)))
                     .toInt(0, 0),
            1);

        m_vic.clearPushes();
        QVERIFY(ask(kVicChat, QStringLiteral("/start ") + key).startsWith(u"Hello vic"));
        QCOMPARE(m_vic.waitForPush(QStringLiteral("telegram.changed"), {})
                     .value(QStringLiteral("linked")),
            QJsonValue(true));
        status = resultOf(m_vic.call(QStringLiteral("telegram.status")));
        QVERIFY(status.value(QStringLiteral("linked")).toBool());
        QCOMPARE(m_server->auditCount(QStringLiteral("telegram.link")), 1);
        // The same link again, from another chat: refused, and it speaks for nobody.
        QVERIFY(ask(kStrangerChat, QStringLiteral("/start ") + key).contains(u"used already"));
        QVERIFY(ask(kStrangerChat, QStringLiteral("/hours")).contains(u"not linked"));
        QVERIFY(ask(kStrangerChat, QStringLiteral("/start nonsense"))
                    .contains(u"unknown or has expired"));
        QCOMPARE(m_server->auditCount(QStringLiteral("telegram.link")), 1);
    }

    void theBotAnswersEachCommand()
    {
        // Two hours of work: the T-shirt is Vic's, and the notice reaches the chat.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(
            resultOf(m_admin.call(QStringLiteral("timeclock.addEntry"),
                         {{QStringLiteral("userId"),
                              m_people.value(QStringLiteral("vic")).toString(QUuid::WithoutBraces)},
                             {QStringLiteral("teamId"), m_team},
                             {QStringLiteral("start"), wireTime(now.addSecs(-3 * 3600))},
                             {QStringLiteral("stop"), wireTime(now.addSecs(-3600))}}))
                .contains(QStringLiteral("entry")));
        QVERIFY(sentTo(kVicChat, QStringLiteral("Reward available: T-shirt")));

        QVERIFY(ask(kVicChat, QStringLiteral("/hours"))
                    .startsWith(u"This event: 2 h 00 min worked, 2 h 00 min earned"));
        QVERIFY(ask(kVicChat, QStringLiteral("/hours@MusterTestBot")).contains(u"2 h 00 min"));
        const QString rewards = ask(kVicChat, QStringLiteral("/rewards"));
        QVERIFY2(rewards.contains(u"T-shirt (1 h): yours: collect it"), qPrintable(rewards));
        QVERIFY2(rewards.contains(u"Hoodie (10 h): 8.0 h to go"), qPrintable(rewards));
        QVERIFY(ask(kVicChat, QStringLiteral("what?")).contains(u"/hours"));

        // A quick code that really signs Vic in at a kiosk.
        const QString answer = ask(kVicChat, QStringLiteral("/code"));
        static const QRegularExpression codeIn(QStringLiteral("quick code: ([0-9A-Z]{4})"));
        const QString code = codeIn.match(answer).captured(1);
        QVERIFY2(!code.isEmpty(), qPrintable(answer));
        TestClient kiosk;
        QVERIFY(kiosk.open(m_server->wsUrl()));
        QVERIFY(!pairKiosk(kiosk, m_lou, QStringLiteral("Door")).deviceToken.isEmpty());
        QVERIFY(kiosk
                    .call(QStringLiteral("kiosk.signIn"),
                        {{QStringLiteral("badge"), QStringLiteral("200")},
                            {QStringLiteral("code"), code}})
                    .contains(QStringLiteral("result")));

        // Leads sign in with their PIN: no code for them, as at the kiosk.
        QVERIFY(ask(kLouChat, QStringLiteral("/start ") + setupKey(m_lou)).startsWith(u"Hello"));
        QVERIFY(ask(kLouChat, QStringLiteral("/code")).contains(u"Leads and above"));
    }

    void noticesReachTheChat()
    {
        // Handed over.
        const QJsonArray rewards = resultOf(
            m_admin.call(QStringLiteral("rewards.list"),
                {{QStringLiteral("userId"),
                    m_people.value(QStringLiteral("vic")).toString(QUuid::WithoutBraces)}}))
                                       .value(QStringLiteral("rewards"))
                                       .toArray();
        QString shirt;
        for (const QJsonValue &r : rewards) {
            if (r[QStringLiteral("name")].toString() == QLatin1String("T-shirt"))
                shirt = r[QStringLiteral("id")].toString();
        }
        QVERIFY(resultOf(
            m_admin.call(QStringLiteral("rewards.claim"),
                {{QStringLiteral("rewardId"), shirt},
                    {QStringLiteral("userId"),
                        m_people.value(QStringLiteral("vic")).toString(QUuid::WithoutBraces)}}))
                    .contains(QStringLiteral("reward")));
        QVERIFY(sentTo(kVicChat, QStringLiteral("Reward handed over: T-shirt")));

        // A forgotten clock-out, stopped by the day boundary.
        QVERIFY(
            resultOf(m_admin.call(QStringLiteral("timeclock.addEntry"),
                         {{QStringLiteral("userId"),
                              m_people.value(QStringLiteral("vic")).toString(QUuid::WithoutBraces)},
                             {QStringLiteral("teamId"), m_team},
                             {QStringLiteral("start"),
                                 wireTime(QDateTime::currentDateTimeUtc().addSecs(-1800))}}))
                .contains(QStringLiteral("entry")));
        DayBoundaryService &boundary = m_server->server().timeclock().dayBoundary;
        QSignalSpy stopped(&boundary, &DayBoundaryService::stopped);
        boundary.run(m_org, true);
        QVERIFY(stopped.wait(5000));
        QVERIFY(sentTo(kVicChat, QStringLiteral("Your shift was stopped")));
        QVERIFY(sentTo(kVicChat, QStringLiteral("Say when you really stopped")));
    }

    void twoServersPollOneAtATime()
    {
        TestServer second;
        second.config().telegram.token = kToken;
        second.config().telegram.api = m_api.url();
        second.config().telegram.pollSeconds = 1;
        QVERIFY2(second.startSharing(*m_server), qPrintable(second.errorMessage()));
        TelegramBot &other = second.server().timeclock().telegram;
        QTRY_VERIFY_WITH_TIMEOUT(other.isReady(), 10000);
        // Several polls' worth of time with both up: never two long polls at once.
        const int calls = m_api.getUpdatesCalls();
        QTRY_VERIFY_WITH_TIMEOUT(m_api.getUpdatesCalls() >= calls + 3, 10000);
        QVERIFY(ask(kVicChat, QStringLiteral("/hours")).contains(u"worked"));
        QCOMPARE(m_api.conflicts(), 0);
        QVERIFY(!other.isPolling() || !bot().isPolling());
    }

    void unlinkingStopsTheChatSpeaking()
    {
        m_vic.clearPushes();
        QVERIFY(ask(kVicChat, QStringLiteral("/unlink")).startsWith(u"Unlinked"));
        QCOMPARE(m_vic.waitForPush(QStringLiteral("telegram.changed"), {})
                     .value(QStringLiteral("linked")),
            QJsonValue(false));
        QVERIFY(!resultOf(m_vic.call(QStringLiteral("telegram.status")))
                     .value(QStringLiteral("linked"))
                     .toBool());
        QVERIFY(ask(kVicChat, QStringLiteral("/hours")).contains(u"not linked"));
        // And from My time: link, then unlink there.
        QVERIFY(ask(kVicChat, QStringLiteral("/start ") + setupKey(m_vic)).startsWith(u"Hello"));
        QVERIFY(resultOf(m_vic.call(QStringLiteral("telegram.unlink"))).contains(u"linked"));
        QVERIFY(ask(kVicChat, QStringLiteral("/rewards")).contains(u"not linked"));
        QCOMPARE(m_server->auditCount(QStringLiteral("telegram.unlink")), 2);
    }

    void aRefusedOrMissingTokenIsSaidAndNothingBreaks()
    {
        QTest::ignoreMessage(QtWarningMsg,
            QRegularExpression(QStringLiteral("refused the bot token \\(HTTP 401 - Unauthorized")));
        TestServer wrong;
        wrong.config().telegram.token = QStringLiteral("4242:wrong");
        wrong.config().telegram.api = m_api.url();
        QVERIFY2(wrong.startSharing(*m_server), qPrintable(wrong.errorMessage()));
        TelegramBot &refused = wrong.server().timeclock().telegram;
        QTRY_VERIFY_WITH_TIMEOUT(!refused.problem().isEmpty(), 10000);
        QVERIFY(!refused.isReady());
        // The server serves; My time says the bot is not there.
        TestClient vic;
        QVERIFY(vic.signIn(wrong.wsUrl(), QStringLiteral("vic")));
        QCOMPARE(TestClient::errorReason(vic.call(QStringLiteral("telegram.setupLink"))),
            QStringLiteral("not_configured"));
        QVERIFY(!resultOf(vic.call(QStringLiteral("telegram.status")))
                     .value(QStringLiteral("configured"))
                     .toBool());

        QTest::ignoreMessage(
            QtInfoMsg, QRegularExpression(QStringLiteral("the Telegram bot is off")));
        TestServer none;
        QVERIFY2(none.startSharing(*m_server), qPrintable(none.errorMessage()));
        QVERIFY(!none.server().timeclock().telegram.isReady());
    }
};

QTEST_GUILESS_MAIN(TestTelegram)
#include "tst_telegram.moc"
