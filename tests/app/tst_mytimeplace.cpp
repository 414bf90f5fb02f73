// My time driven offscreen against a real server: the figures a person relies on (worked, earned
// with a bonus window, shifts, today), rewards with how far the next one is, clocking in and out
// from the desk for staff (and not for volunteers), a kiosk PIN and a quick code that then really
// sign the person in at a kiosk, and a notice that waits for confirmation coming first, announced
// from the tray.
#include "board/statustray.h"
#include "botapistandin.h"
#include "client/connection.h"
#include "client/serverurl.h"
#include "desktophelpers.h"
#include "mytime/mytimepage.h"
#include "mytime/telegrambox.h"
#include "screenshots.h"
#include "shell/mainwindow.h"
#include "testclient.h"
#include "testserver.h"
#include "timeclockhelpers.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFrame>
#include <QJsonArray>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

class TestMyTimePlace : public QObject
{
    Q_OBJECT
private:
    BotApiStandIn m_botApi {QStringLiteral("7:token")};
    std::unique_ptr<TestServer> m_server;
    TestClient m_admin;
    QString m_registration;
    QHash<QString, QUuid> m_people;

    QJsonObject addEntry(const QString &login, const QDateTime &start, const QDateTime &stop)
    {
        QJsonObject params {
            {QStringLiteral("userId"), m_people.value(login).toString(QUuid::WithoutBraces)},
            {QStringLiteral("teamId"), m_registration}, {QStringLiteral("start"), wireTime(start)},
            {QStringLiteral("actionId"), newActionId()}};
        if (stop.isValid())
            params.insert(QStringLiteral("stop"), wireTime(stop));
        return resultOf(m_admin.call(QStringLiteral("timeclock.addEntry"), params));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_botApi.listen());
        m_server = std::make_unique<TestServer>();
        m_server->config().telegram = {m_botApi.token(), m_botApi.url(), 1, {}};
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Con")).isNull());
        m_people.insert(QStringLiteral("ada"),
            createBadgeHolder(
                *m_server, QStringLiteral("ada"), QStringLiteral("Con"), Role::Admin, QString()));
        m_people.insert(QStringLiteral("sid"),
            createBadgeHolder(*m_server, QStringLiteral("sid"), QStringLiteral("Con"), Role::Staff,
                QStringLiteral("100")));
        m_people.insert(QStringLiteral("vic"),
            createBadgeHolder(*m_server, QStringLiteral("vic"), QStringLiteral("Con"),
                Role::Volunteer, QStringLiteral("200")));
        m_people.insert(QStringLiteral("lou"),
            createBadgeHolder(*m_server, QStringLiteral("lou"), QStringLiteral("Con"), Role::Lead,
                QStringLiteral("300")));
        QVERIFY(m_admin.signIn(m_server->wsUrl(), QStringLiteral("ada")));

        // An event whose day began nearly a day ago, so "today" holds every shift below.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(!resultOf(m_admin.call(QStringLiteral("events.create"),
                              {{QStringLiteral("name"), QStringLiteral("Con 2026")},
                                  {QStringLiteral("timeZone"), QStringLiteral("UTC")},
                                  {QStringLiteral("start"), wireTime(now.addDays(-1))},
                                  {QStringLiteral("end"), wireTime(now.addDays(3))},
                                  {QStringLiteral("dayBoundaryHour"), (now.time().hour() + 1) % 24},
                                  {QStringLiteral("activate"), true}}))
                     .isEmpty());
        m_registration = resultOf(m_admin.call(QStringLiteral("teams.create"),
                                      {{QStringLiteral("name"), QStringLiteral("Registration")}}))
                             .value(QStringLiteral("team"))
                             .toObject()
                             .value(QStringLiteral("id"))
                             .toString();
        QVERIFY(!m_registration.isEmpty());
        // Time counts double at Registration from a few minutes ago for two hours.
        QVERIFY(!resultOf(m_admin.call(QStringLiteral("bonuses.create"),
                              {{QStringLiteral("start"), wireTime(now.addSecs(-300))},
                                  {QStringLiteral("end"), wireTime(now.addSecs(7200))},
                                  {QStringLiteral("multiplier"), 2},
                                  {QStringLiteral("teamIds"), QJsonArray {m_registration}}}))
                     .isEmpty());
        for (const auto &[name, hours] : {std::pair {QStringLiteral("T-shirt"), 1.0},
                 std::pair {QStringLiteral("Hoodie"), 10.0}}) {
            QVERIFY(!resultOf(
                m_admin.call(QStringLiteral("rewards.create"),
                    {{QStringLiteral("name"), name}, {QStringLiteral("thresholdHours"), hours}}))
                         .isEmpty());
        }
        // Sid worked two hours earlier on, outside the bonus window.
        QVERIFY(!addEntry(QStringLiteral("sid"), now.addSecs(-4 * 3600), now.addSecs(-2 * 3600))
                     .isEmpty());
    }
    void cleanupTestCase() { m_server.reset(); }

    void staffSeeTheirTimeAndClockAtTheDesk()
    {
        Connection sid;
        QVERIFY(signIn(sid, *m_server, QStringLiteral("sid")));
        NotificationListModel notices;
        notices.setConnection(&sid);
        MyTimePage page(sid, notices);
        page.resize(900, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));

        QTRY_COMPARE(page.figure(QStringLiteral("worked")), QStringLiteral("2 h 00 min"));
        QCOMPARE(page.figure(QStringLiteral("earned")), QStringLiteral("2 h 00 min"));
        QCOMPARE(page.figure(QStringLiteral("shifts")), QStringLiteral("1"));
        QTRY_COMPARE(page.figure(QStringLiteral("today")), QStringLiteral("2 h 00 min"));
        QCOMPARE(page.figure(QStringLiteral("this shift")), QStringLiteral("Not on shift."));
        QTRY_COMPARE(page.rewardLines(),
            QStringList({QStringLiteral("T-shirt: Ready to collect: ask at the desk"),
                QStringLiteral("Hoodie: 8.0 h to go")}));

        // Clock in for Registration from the desk: the shift shows, and the bonus window tells
        // how much real work the next reward now takes.
        auto *team = page.findChild<QComboBox *>(QStringLiteral("team"));
        auto *clockIn = page.findChild<QPushButton *>(QStringLiteral("clockIn"));
        auto *clockOut = page.findChild<QPushButton *>(QStringLiteral("clockOut"));
        QTRY_VERIFY(team->findText(QStringLiteral("Registration")) >= 0);
        QVERIFY(clockIn->isVisible());
        QVERIFY(!clockOut->isVisible());
        team->setCurrentIndex(team->findText(QStringLiteral("Registration")));
        QTest::mouseClick(clockIn, Qt::LeftButton);
        QTRY_VERIFY(page.figure(QStringLiteral("this shift"))
                        .startsWith(QStringLiteral("On shift for Registration since")));
        QTRY_VERIFY(clockOut->isVisible());
        QVERIFY(!clockIn->isVisible());
        QCOMPARE(
            m_server->sql()
                .exec("SELECT count(*) FROM time_entries WHERE user_id = $1 AND stop_at IS NULL",
                    PgParams() << m_people.value(QStringLiteral("sid")))
                .toInt(0, 0),
            1);
        QTRY_COMPARE(page.rewardLines().value(1),
            QStringLiteral("Hoodie: 8.0 h to go (4.0 h of work at the current 2× bonus)"));
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(saveScreenshots(page, QStringLiteral("mytime")));

        QTest::mouseClick(clockOut, Qt::LeftButton);
        auto *message = page.findChild<QLabel *>(QStringLiteral("shiftMessage"));
        QTRY_VERIFY(message->text().startsWith(QStringLiteral("Clocked out:")));
        QTRY_COMPARE(page.figure(QStringLiteral("shifts")), QStringLiteral("2"));
        QCOMPARE(page.figure(QStringLiteral("this shift")), QStringLiteral("Not on shift."));
    }

    void aVolunteerClocksAtAKiosk()
    {
        Connection vic;
        QVERIFY(signIn(vic, *m_server, QStringLiteral("vic")));
        NotificationListModel notices;
        notices.setConnection(&vic);
        MyTimePage page(vic, notices);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(page.figure(QStringLiteral("shifts")), QStringLiteral("0"));
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("clockIn"))->isVisible());
        // Said once the event is known (its own load, which may come after the totals').
        QTRY_COMPARE(page.findChild<QLabel *>(QStringLiteral("shiftMessage"))->text(),
            QStringLiteral("Clock in at a kiosk with your badge."));
    }

    // The PIN and the quick code set here are what a kiosk then accepts.
    void pinAndQuickCodeSignInAtAKiosk()
    {
        Connection sid;
        QVERIFY(signIn(sid, *m_server, QStringLiteral("sid")));
        NotificationListModel notices;
        MyTimePage page(sid, notices);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));

        page.setPin(QStringLiteral("12"), QStringLiteral("12"));
        QCOMPARE(page.kioskMessage(), QStringLiteral("⚠ A PIN has 4 to 8 digits."));
        page.setPin(QStringLiteral("4321"), QStringLiteral("4312"));
        QVERIFY(page.kioskMessage().contains(QStringLiteral("differ")));
        page.setPin(QStringLiteral("4321"), QStringLiteral("4321"));
        QTRY_VERIFY(page.kioskMessage().startsWith(QStringLiteral("Your kiosk PIN is set")));

        TestClient lead;
        QVERIFY(lead.signIn(m_server->wsUrl(), QStringLiteral("lou")));
        TestClient kiosk;
        QVERIFY(kiosk.open(m_server->wsUrl()));
        QVERIFY(!pairKiosk(kiosk, lead, QStringLiteral("Front desk")).id.isEmpty());
        QVERIFY(resultOf(kiosk.call(QStringLiteral("kiosk.signIn"),
                             {{QStringLiteral("badge"), QStringLiteral("100")},
                                 {QStringLiteral("pin"), QStringLiteral("4321")}}))
                    .contains(QStringLiteral("user")));
        QVERIFY(resultOf(kiosk.call(QStringLiteral("kiosk.signOut"))).isEmpty());

        // A quick code, large, counting down from 30 s; it signs sid in once.
        page.showQuickCode();
        QTRY_COMPARE(page.quickCode().size(), 4);
        QVERIFY(page.quickCodeSecondsLeft() > 25 && page.quickCodeSecondsLeft() <= 30);
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("quickCode"))->isVisible());
        QVERIFY(resultOf(kiosk.call(QStringLiteral("kiosk.signIn"),
                             {{QStringLiteral("badge"), QStringLiteral("100")},
                                 {QStringLiteral("code"), page.quickCode()}}))
                    .contains(QStringLiteral("user")));
        QVERIFY(resultOf(kiosk.call(QStringLiteral("kiosk.signOut"))).isEmpty());

        // Removing the PIN: the kiosk no longer takes it.
        page.removePin();
        QTRY_VERIFY(page.kioskMessage().startsWith(QStringLiteral("Your kiosk PIN is removed")));
        QCOMPARE(TestClient::errorReason(kiosk.call(QStringLiteral("kiosk.signIn"),
                     {{QStringLiteral("badge"), QStringLiteral("100")},
                         {QStringLiteral("pin"), QStringLiteral("4321")}})),
            QStringLiteral("invalid_credentials"));

        // Leads sign in with their PIN: no quick code is offered them.
        Connection lou;
        QVERIFY(signIn(lou, *m_server, QStringLiteral("lou")));
        MyTimePage leadPage(lou, notices);
        QVERIFY(!leadPage.findChild<QPushButton *>(QStringLiteral("showQuickCode"))->isEnabled());
    }

    // The day boundary stops a forgotten shift: the notice is announced from the tray, and My
    // time opens on it before anything else until it is confirmed.
    void telegramIsLinkedFromMyTime()
    {
        Connection vic;
        QVERIFY(signIn(vic, *m_server, QStringLiteral("vic")));
        NotificationListModel notices;
        notices.setConnection(&vic);
        MyTimePage page(vic, notices);
        page.resize(900, 1000);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *box = page.findChild<TelegramBox *>(QStringLiteral("telegram"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible()); // the server has a bot
        QVERIFY(!box->isLinked());
        QVERIFY(box->statusText().contains(u"@MusterTestBot"));
        QTest::mouseClick(
            box->findChild<QPushButton *>(QStringLiteral("linkTelegram")), Qt::LeftButton);
        QTRY_VERIFY(box->setupUrl().startsWith(u"https://t.me/MusterTestBot?start="));
        auto *link = box->findChild<QLabel *>(QStringLiteral("telegramLink"));
        QTRY_VERIFY(link->isVisible());
        QVERIFY(link->text().contains(box->setupUrl()));
        // The QR code beside it is the same link, as a phone's camera reads it (zbarimg decodes
        // the image the box shows).
        QTemporaryDir scans;
        const QString scan = scans.filePath(QStringLiteral("code.png"));
        QVERIFY(box->setupCode().save(scan));
        QProcess zbar;
        zbar.start(
            QStringLiteral("zbarimg"), {QStringLiteral("--raw"), QStringLiteral("-q"), scan});
        QVERIFY2(zbar.waitForFinished(10000), "zbarimg (zbar-tools) did not run");
        QCOMPARE(QString::fromUtf8(zbar.readAllStandardOutput()).trimmed(), box->setupUrl());
        // Shown whole, not squeezed into the box's height before the link came.
        QTRY_VERIFY(box->findChild<QLabel *>(QStringLiteral("telegramCode"))->height()
            >= box->setupCode().height());
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(box->grab().save(QDir(shots).filePath(QStringLiteral("mytime-telegram.png"))));

        // On the phone: the link opens the bot, Start sends the key. My time follows at once.
        m_botApi.say(77, QStringLiteral("/start ") + box->setupUrl().section(u'=', 1));
        QTRY_VERIFY(box->isLinked());
        QVERIFY(box->statusText().startsWith(u"Linked since"));
        QVERIFY(!link->isVisible());
        QVERIFY(box->setupCode().isNull()); // a used key's code is gone too
        QTest::mouseClick(
            box->findChild<QPushButton *>(QStringLiteral("unlinkTelegram")), Qt::LeftButton);
        QTRY_VERIFY(!box->isLinked());
    }

    void aWaitingNoticeComesFirst()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(!addEntry(QStringLiteral("vic"), now.addSecs(-3 * 3600), QDateTime()).isEmpty());
        Connection vic;
        QVERIFY(signIn(vic, *m_server, QStringLiteral("vic")));
        MainWindow window(vic);
        QSignalSpy noticesLoaded(&window.notices(), &QAbstractItemModel::modelReset);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Wherever the last run left the window, vic is on the board when the notice comes.
        QVERIFY(window.showPlace(QStringLiteral("board")));
        QVERIFY(noticesLoaded.count() > 0 || noticesLoaded.wait());

        m_server->sql().exec(
            "UPDATE events SET last_boundary_at = last_boundary_at - interval '1 day'");
        DayBoundaryService &boundary = m_server->server().timeclock().dayBoundary;
        QSignalSpy stopped(&boundary, &DayBoundaryService::stopped);
        boundary.run();
        QVERIFY(stopped.wait(5000));
        QCOMPARE(stopped.takeFirst().at(0).toInt(), 1);

        QTRY_COMPARE(window.notices().waitingCount(), 1);
        QTRY_COMPARE(window.currentPlace(), QStringLiteral("mytime"));
        QVERIFY(!window.tray()->lastNotification().isEmpty());
        auto *page = qobject_cast<MyTimePage *>(window.placePage(QStringLiteral("mytime")));
        QVERIFY(page);
        QTRY_VERIFY(page->findChild<QFrame *>(QStringLiteral("waitingNotice")));
        QTest::mouseClick(page->findChild<QFrame *>(QStringLiteral("waitingNotice"))
                              ->findChild<QPushButton *>(QStringLiteral("acknowledge")),
            Qt::LeftButton);
        QTRY_COMPARE(window.notices().waitingCount(), 0);
        QTRY_VERIFY(!page->findChild<QFrame *>(QStringLiteral("waitingNotice")));
        QCOMPARE(m_server->sql()
                     .exec("SELECT count(*) FROM notifications WHERE user_id = $1"
                           " AND requires_ack AND acknowledged_at IS NULL",
                         PgParams() << m_people.value(QStringLiteral("vic")))
                     .toInt(0, 0),
            0);
    }
};

QTEST_MAIN(TestMyTimePlace)
#include "tst_mytimeplace.moc"
