// A forgotten clock-out put right, as the people involved do it, offscreen against a real server:
// the end of the day stops a volunteer's shift; in My time its notice asks when they really
// stopped and they answer; in Shifts a manager sees it waiting, approves, and the volunteer's
// page says so with the hours that follow. A refusal needs a reason, which the volunteer reads.
#include "client/connection.h"
#include "common/zonedtime.h"
#include "desktophelpers.h"
#include "mytime/mytimepage.h"
#include "shifts/correctionspanel.h"
#include "shifts/shiftspage.h"
#include "timeclock/dayboundaryservice.h"
#include "timeclockhelpers.h"
#include "util/clocktext.h"

#include <QApplication>
#include <QDateTimeEdit>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

class TestForgottenClockOuts : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    TestClient m_admin;
    QUuid m_org;
    QString m_team;
    QString m_event;
    QHash<QString, QUuid> m_people;

    // `login` clocked in `hoursAgo` and never out; the end of the day then stops the shift.
    QDateTime forgetToClockOut(const QString &login, int hoursAgo)
    {
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-hoursAgo * 3600);
        const QJsonObject added = resultOf(m_admin.call(QStringLiteral("timeclock.addEntry"),
            {{QStringLiteral("userId"), m_people.value(login).toString(QUuid::WithoutBraces)},
                {QStringLiteral("teamId"), m_team}, {QStringLiteral("start"), wireTime(start)}}));
        if (added.isEmpty())
            return {};
        DayBoundaryService &boundary = m_server->server().timeclock().dayBoundary;
        QSignalSpy stopped(&boundary, &DayBoundaryService::stopped);
        boundary.run(m_org, true);
        return stopped.wait(5000) ? start : QDateTime();
    }
    static QString statusLine(const MyTimePage &page)
    {
        const auto *label = page.findChild<QLabel *>(QStringLiteral("correctionStatus"));
        return label ? label->text() : QString();
    }
    // What the page said went wrong with a request, for a failure's message.
    static QString problemLine(const MyTimePage &page)
    {
        const auto *label = page.findChild<QLabel *>(QStringLiteral("correctionProblem"));
        return label ? label->text() : QStringLiteral("(no problem shown)");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        m_org = m_server->createOrganisation(QStringLiteral("Con"));
        QVERIFY(!m_org.isNull());
        for (const auto &[login, role, badge] :
            {std::tuple {QStringLiteral("ada"), Role::Admin, QString()},
                std::tuple {QStringLiteral("mo"), Role::Manager, QStringLiteral("100")},
                std::tuple {QStringLiteral("vic"), Role::Volunteer, QStringLiteral("200")},
                std::tuple {QStringLiteral("wes"), Role::Volunteer, QStringLiteral("201")},
                std::tuple {QStringLiteral("xan"), Role::Volunteer, QStringLiteral("202")},
                std::tuple {QStringLiteral("yul"), Role::Volunteer, QStringLiteral("203")}})
            m_people.insert(
                login, createBadgeHolder(*m_server, login, QStringLiteral("Con"), role, badge));
        QVERIFY(m_admin.signIn(m_server->wsUrl(), QStringLiteral("ada")));
        m_team = createTeam(m_admin, QStringLiteral("Bar"));
        QVERIFY(!m_team.isEmpty());
        m_event = createActiveEvent(m_admin, QStringLiteral("Con 2026"), QStringLiteral("UTC"));
        QVERIFY(!m_event.isEmpty());
    }
    void cleanupTestCase() { m_server.reset(); }

    void theVolunteerAnswersAndAManagerApproves()
    {
        const QDateTime start = forgetToClockOut(QStringLiteral("vic"), 5);
        QVERIFY(start.isValid());

        Connection vic;
        QVERIFY(signIn(vic, *m_server, QStringLiteral("vic")));
        NotificationListModel notices;
        notices.setConnection(&vic);
        MyTimePage mine(vic, notices);
        mine.resize(900, 900);
        mine.show();
        QVERIFY(QTest::qWaitForWindowExposed(&mine));
        QTRY_COMPARE(notices.waitingCount(), 1);
        QTRY_COMPARE(mine.figure(QStringLiteral("worked")), QStringLiteral("1 h 00 min"));
        // The form is built anew as the page's lists arrive: hold none of it across a wait.
        QTRY_VERIFY(mine.findChild<QDateTimeEdit *>(QStringLiteral("reallyStopped"))
            && mine.findChild<QDateTimeEdit *>(QStringLiteral("reallyStopped"))->isVisible());
        auto *stop = mine.findChild<QDateTimeEdit *>(QStringLiteral("reallyStopped"));
        // It offers the automatic stop to start from, and nothing later than now.
        const QTimeZone utc = zoneOf(QStringLiteral("UTC"));
        QCOMPARE(fromWallClock(stop->dateTime(), utc), start.addSecs(3600));
        QVERIFY(fromWallClock(stop->maximumDateTime(), utc) <= QDateTime::currentDateTimeUtc());
        // Vic worked four hours, as a person would type it, to the minute.
        const QDateTime really = start.addSecs(4 * 3600);
        stop->setDateTime(wallClock(really, utc));
        mine.findChild<QLineEdit *>(QStringLiteral("correctionNote"))
            ->setText(QStringLiteral("Closing the bar"));
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(mine.grab().save(QDir(shots).filePath(QStringLiteral("mytime-question.png"))));
        QTest::mouseClick(
            mine.findChild<QPushButton *>(QStringLiteral("sendCorrection")), Qt::LeftButton);
        QTRY_VERIFY(statusLine(mine).contains(u"Waiting for a manager"));
        QVERIFY(statusLine(mine).contains(clockText(really.toLocalTime())));
        QCOMPARE(notices.waitingCount(), 0);
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(mine.grab().save(QDir(shots).filePath(QStringLiteral("mytime-corrected.png"))));

        // The manager's Shifts place shows it waiting.
        Connection mo;
        QVERIFY(signIn(mo, *m_server, QStringLiteral("mo")));
        ShiftsPage shifts(mo);
        shifts.resize(1200, 800);
        shifts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&shifts));
        CorrectionsPanel &panel = shifts.corrections();
        QTRY_VERIFY(panel.isVisible());
        QCOMPARE(panel.title(), QStringLiteral("Forgotten clock-outs — 1 to decide"));
        CorrectionListModel &model = panel.corrections();
        QCOMPARE(model.index(0, CorrectionListModel::PersonColumn).data().toString(),
            QStringLiteral("vic (#200)"));
        QCOMPARE(model.index(0, CorrectionListModel::ChangeColumn).data().toString(),
            QStringLiteral("+3 h 00 min"));
        QCOMPARE(model.index(0, CorrectionListModel::NoteColumn).data().toString(),
            QStringLiteral("Closing the bar"));
        auto *approve = panel.findChild<QPushButton *>(QStringLiteral("approve"));
        QVERIFY(!approve->isEnabled()); // nothing chosen yet
        auto *table = panel.findChild<QTableView *>(QStringLiteral("correctionsTable"));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
            table->visualRect(model.index(0, CorrectionListModel::PersonColumn)).center());
        QVERIFY(approve->isEnabled());
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(shifts.grab().save(QDir(shots).filePath(QStringLiteral("corrections.png"))));
        QTest::mouseClick(approve, Qt::LeftButton);
        QTRY_VERIFY(panel.message().startsWith(u"Approved: vic's shift now ends at"));
        QCOMPARE(panel.title(), QStringLiteral("Forgotten clock-outs"));
        QVERIFY(!approve->isEnabled());

        // Vic sees it approved, and the hours that follow.
        QTRY_VERIFY(statusLine(mine).contains(u"Approved by mo"));
        QTRY_COMPARE(mine.figure(QStringLiteral("worked")), QStringLiteral("4 h 00 min"));
        QTRY_COMPARE(notices.rowCount(), 2); // the stop, and the decision
    }

    void aRefusalNeedsAReasonTheVolunteerReads()
    {
        const QDateTime start = forgetToClockOut(QStringLiteral("wes"), 3);
        QVERIFY(start.isValid());
        Connection wes;
        QVERIFY(signIn(wes, *m_server, QStringLiteral("wes")));
        NotificationListModel notices;
        notices.setConnection(&wes);
        MyTimePage mine(wes, notices);
        mine.resize(900, 900);
        mine.show();
        QVERIFY(QTest::qWaitForWindowExposed(&mine));
        QTRY_COMPARE(mine.figure(QStringLiteral("worked")), QStringLiteral("1 h 00 min"));
        QTRY_VERIFY(mine.findChild<QPushButton *>(QStringLiteral("sendCorrection"))
            && mine.findChild<QPushButton *>(QStringLiteral("sendCorrection"))->isVisible());
        mine.findChild<QDateTimeEdit *>(QStringLiteral("reallyStopped"))
            ->setDateTime(wallClock(start.addSecs(2 * 3600), zoneOf(QStringLiteral("UTC"))));
        QTest::mouseClick(
            mine.findChild<QPushButton *>(QStringLiteral("sendCorrection")), Qt::LeftButton);
        QTRY_VERIFY2(statusLine(mine).contains(u"Waiting for a manager"),
            qPrintable(statusLine(mine) + u" / " + problemLine(mine)));

        Connection mo;
        QVERIFY(signIn(mo, *m_server, QStringLiteral("mo")));
        ShiftsPage shifts(mo);
        shifts.show();
        CorrectionsPanel &panel = shifts.corrections();
        QTRY_COMPARE(panel.corrections().pendingCount(), 1);
        panel.select(0); // the waiting one comes first
        panel.refuseSelected(QStringLiteral("   "));
        QVERIFY(panel.message().contains(u"Say why"));
        panel.refuseSelected(QStringLiteral("The bar closed at ten."));
        QTRY_VERIFY(panel.message().startsWith(u"Refused: wes's shift still ends at"));
        QTRY_VERIFY(statusLine(mine).contains(u"Refused by mo: The bar closed at ten."));
        QCOMPARE(mine.figure(QStringLiteral("worked")), QStringLiteral("1 h 00 min"));
    }

    // The question is asked in the event's time zone, and follows it when a manager sets it.
    void theQuestionFollowsTheEventsTimeZone()
    {
        const QDateTime start = forgetToClockOut(QStringLiteral("xan"), 2);
        QVERIFY(start.isValid());
        Connection xan;
        QVERIFY(signIn(xan, *m_server, QStringLiteral("xan")));
        NotificationListModel notices;
        notices.setConnection(&xan);
        MyTimePage mine(xan, notices);
        mine.show();
        const auto shownStop = [&mine](const QTimeZone &zone) {
            const auto *edit = mine.findChild<QDateTimeEdit *>(QStringLiteral("reallyStopped"));
            return edit ? fromWallClock(edit->dateTime(), zone) : QDateTime();
        };
        QTRY_COMPARE(shownStop(zoneOf(QStringLiteral("UTC"))), start.addSecs(3600));

        QVERIFY(resultOf(m_admin.call(QStringLiteral("events.update"),
                             {{QStringLiteral("eventId"), m_event},
                                 {QStringLiteral("timeZone"), QStringLiteral("Pacific/Auckland")}}))
                    .contains(QStringLiteral("event")));
        QTRY_COMPARE(shownStop(zoneOf(QStringLiteral("Pacific/Auckland"))), start.addSecs(3600));
    }

    void typingKeepsTheKeyboardWhenANoticeArrives()
    {
        QVERIFY(forgetToClockOut(QStringLiteral("yul"), 3).isValid());
        Connection yul;
        QVERIFY(signIn(yul, *m_server, QStringLiteral("yul")));
        NotificationListModel notices;
        notices.setConnection(&yul);
        MyTimePage mine(yul, notices);
        mine.show();
        mine.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&mine));
        QTRY_VERIFY(mine.findChild<QLineEdit *>(QStringLiteral("correctionNote")));
        auto *note = mine.findChild<QLineEdit *>(QStringLiteral("correctionNote"));
        note->setFocus();
        QTRY_VERIFY(note->hasFocus());
        QTest::keyClicks(note, QStringLiteral("Left at ten"));
        const int before = notices.rowCount();

        // Meanwhile a reward made below what Yul has worked announces itself: the notices are
        // drawn anew, and the keyboard stays in the note, with what was typed.
        QVERIFY(resultOf(m_admin.call(QStringLiteral("rewards.create"),
                             {{QStringLiteral("name"), QStringLiteral("Ribbon")},
                                 {QStringLiteral("thresholdHours"), 0.5}}))
                    .contains(QStringLiteral("reward")));
        QTRY_COMPARE(notices.rowCount(), before + 1);
        QTRY_VERIFY(QApplication::focusWidget()
            && QApplication::focusWidget()->objectName() == QLatin1String("correctionNote"));
        QCOMPARE(qobject_cast<QLineEdit *>(QApplication::focusWidget())->text(),
            QStringLiteral("Left at ten"));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral(" pm"));
        QCOMPARE(mine.findChild<QLineEdit *>(QStringLiteral("correctionNote"))->text(),
            QStringLiteral("Left at ten pm"));
    }
};

QTEST_MAIN(TestForgottenClockOuts)
#include "tst_forgottenclockouts.moc"
