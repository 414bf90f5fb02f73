// The Events place driven offscreen against a real server: an administrator makes an event in
// its own time zone (the times typed are that zone's wall clock), is told plainly what is wrong
// with a form, changes and archives events and switches the active one, while a second
// administrator's list follows live; a past event is read-only; a manager looks but does not
// change.
#include "client/connection.h"
#include "client/serverurl.h"
#include "desktophelpers.h"
#include "events/bonuseditor.h"
#include "events/bonustimeline.h"
#include "events/eventeditor.h"
#include "events/eventsetup.h"
#include "events/eventspage.h"
#include "events/rewardeditor.h"
#include "screenshots.h"
#include "testclient.h"
#include "testserver.h"
#include "timeclockhelpers.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Muster;
using namespace Muster::Test;

class TestEventsPlace : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;

    static void fill(EventEditor *editor, const QString &name, const QString &zone,
        const QDateTime &startWallClock, const QDateTime &endWallClock)
    {
        editor->findChild<QLineEdit *>(QStringLiteral("name"))->setText(name);
        editor->findChild<QComboBox *>(QStringLiteral("timeZone"))->setCurrentText(zone);
        editor->findChild<QDateTimeEdit *>(QStringLiteral("start"))->setDateTime(startWallClock);
        editor->findChild<QDateTimeEdit *>(QStringLiteral("end"))->setDateTime(endWallClock);
    }

    static void save(QDialog *editor)
    {
        editor->findChild<QDialogButtonBox *>(QStringLiteral("buttons"))
            ->button(QDialogButtonBox::Save)
            ->click();
    }

    QString status(EventsPage &page, const QString &name)
    {
        for (int row = 0; row < page.events().rowCount(); ++row) {
            if (page.events().index(row, EventListModel::NameColumn).data().toString() == name)
                return page.events().index(row, EventListModel::StatusColumn).data().toString();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Con")).isNull());
        for (const auto &[login, role] : {std::pair {QStringLiteral("ada"), Role::Admin},
                 std::pair {QStringLiteral("alf"), Role::Admin},
                 std::pair {QStringLiteral("meg"), Role::Manager}})
            QVERIFY(!m_server->createUser(login, QStringLiteral("Con"), role).isNull());
    }
    void cleanupTestCase() { m_server.reset(); }

    void administratorsRunEvents()
    {
        Connection ada;
        QVERIFY(signIn(ada, *m_server, QStringLiteral("ada")));
        Connection alf;
        QVERIFY(signIn(alf, *m_server, QStringLiteral("alf")));
        EventsPage page(ada);
        page.resize(1000, 500);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        EventsPage other(alf);
        QTRY_COMPARE(page.events().rowCount(), 0);

        // The form says what is wrong before anything is sent.
        EventEditor *editor = page.newEvent();
        QVERIFY(editor);
        const QDate day = QDate::currentDate().addDays(10);
        fill(editor, QStringLiteral("Spring Con"), QStringLiteral("Europe/Berlin"),
            QDateTime(day, QTime(18, 0), Qt::UTC), QDateTime(day, QTime(9, 0), Qt::UTC));
        save(editor);
        QCOMPARE(editor->problem(), QStringLiteral("⚠ The event must end after it starts."));
        fill(editor, QStringLiteral("Spring Con"), QStringLiteral("Mars/Olympus"),
            QDateTime(day, QTime(9, 0), Qt::UTC), QDateTime(day.addDays(3), QTime(18, 0), Qt::UTC));
        save(editor);
        QVERIFY(editor->problem().contains(QStringLiteral("is not a time zone")));

        // 09:00 in Berlin, as its volunteers read their watches; made active.
        fill(editor, QStringLiteral("Spring Con"), QStringLiteral("Europe/Berlin"),
            QDateTime(day, QTime(9, 0), Qt::UTC), QDateTime(day.addDays(3), QTime(18, 0), Qt::UTC));
        editor->findChild<QSpinBox *>(QStringLiteral("dayBoundaryHour"))->setValue(5);
        editor->findChild<QCheckBox *>(QStringLiteral("activate"))->setChecked(true);
        save(editor);
        QTRY_COMPARE(page.events().rowCount(), 1);
        QTRY_VERIFY(!page.findChild<EventEditor *>());
        QCOMPARE(status(page, QStringLiteral("Spring Con")), QStringLiteral("Active"));
        QTRY_COMPARE(status(other, QStringLiteral("Spring Con")), QStringLiteral("Active"));
        const PgResult row = m_server->sql().exec("SELECT time_zone, day_boundary_hour, starts_at "
                                                  "= $1 FROM events WHERE name = 'Spring Con'",
            PgParams() << QDateTime(day, QTime(9, 0), QTimeZone("Europe/Berlin")).toUTC());
        QCOMPARE(row.text(0, 0), QStringLiteral("Europe/Berlin"));
        QCOMPARE(row.toInt(0, 1), 5);
        QCOMPARE(row.text(0, 2), QStringLiteral("t"));
        QCOMPARE(page.events().index(0, EventListModel::DayStartColumn).data().toString(),
            QStringLiteral("05:00"));
        const QString spring = page.selectedEvent();
        QVERIFY(!spring.isEmpty());

        // A second one with the same name is refused in words; another name goes through.
        editor = page.newEvent();
        fill(editor, QStringLiteral("spring con"), QStringLiteral("UTC"),
            QDateTime(day.addDays(60), QTime(9, 0), Qt::UTC),
            QDateTime(day.addDays(62), QTime(18, 0), Qt::UTC));
        save(editor);
        QTRY_VERIFY(editor->problem().contains(QStringLiteral("already called")));
        editor->findChild<QLineEdit *>(QStringLiteral("name"))
            ->setText(QStringLiteral("Summer Con"));
        save(editor);
        QTRY_COMPARE(page.events().rowCount(), 2);
        QTRY_COMPARE(other.events().rowCount(), 2);
        QCOMPARE(status(page, QStringLiteral("Summer Con")), QStringLiteral("Upcoming"));
        // Change only the day boundary: the only change sent, audited old → new.
        page.selectEvent(spring);
        editor = page.editSelected();
        QVERIFY(editor);
        editor->findChild<QSpinBox *>(QStringLiteral("dayBoundaryHour"))->setValue(6);
        QCOMPARE(editor->changes().keys(), QStringList({QStringLiteral("dayBoundaryHour")}));
        save(editor);
        QTRY_COMPARE(page.events()
                         .index(page.events().rowOf(spring), EventListModel::DayStartColumn)
                         .data()
                         .toString(),
            QStringLiteral("06:00"));
        QCOMPARE(page.selectedEvent(), spring); // the list came anew; the selection stayed

        // Switch the active event, after a question.
        const QString summer = other.events()
                                   .eventAt(other.events().rowOf(spring) == 0 ? 1 : 0)
                                   ->id.toString(QUuid::WithoutBraces);
        page.selectEvent(summer);
        page.activateSelected();
        auto *confirm = page.findChild<QMessageBox *>(QStringLiteral("confirmActivate"));
        QVERIFY(confirm);
        confirm->findChild<QPushButton *>(QStringLiteral("confirm"))->click();
        QTRY_COMPARE(status(page, QStringLiteral("Summer Con")), QStringLiteral("Active"));
        QTRY_COMPARE(status(other, QStringLiteral("Spring Con")), QStringLiteral("Upcoming"));

        // Archive Spring Con: read-only, cannot be made active, and can come back.
        page.selectEvent(spring);
        page.archiveSelected();
        QTRY_COMPARE(status(page, QStringLiteral("Spring Con")), QStringLiteral("Archived"));
        QTRY_VERIFY(!page.findChild<QPushButton *>(QStringLiteral("activate"))->isEnabled());
        editor = page.editSelected();
        QVERIFY(editor->findChild<QLabel *>(QStringLiteral("readOnlyNote")));
        QVERIFY(!editor->findChild<QLineEdit *>(QStringLiteral("name"))->isEnabled());
        editor->reject();
        page.archiveSelected();
        QTRY_COMPARE(status(page, QStringLiteral("Spring Con")), QStringLiteral("Upcoming"));
    }

    // An event's bonus windows and rewards, set up from the desktop; a second administrator's
    // screen follows, a manager's shows them without offering changes.
    void settingUpAnEvent()
    {
        Connection ada;
        QVERIFY(signIn(ada, *m_server, QStringLiteral("ada")));
        Connection alf;
        QVERIFY(signIn(alf, *m_server, QStringLiteral("alf")));
        EventsPage page(ada);
        page.resize(1000, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        EventsPage other(alf);
        QTRY_COMPARE(page.events().rowCount(), 2);
        QTRY_COMPARE(other.events().rowCount(), 2);
        const QString summer = page.events()
                                   .eventAt(page.events().rowOf(page.events().activeEventId()))
                                   ->id.toString(QUuid::WithoutBraces);
        page.selectEvent(summer);
        other.selectEvent(summer);
        EventSetup *setup = page.setup();
        QTRY_COMPARE(setup->bonusLines().size(), 0);

        // A window without teams is refused before it is sent; with one it is saved.
        BonusEditor *bonus = setup->addBonus();
        QVERIFY(bonus);
        save(bonus);
        QVERIFY(bonus->problem().contains(QStringLiteral("Tick the teams")));
        bonus->setTeamChecked(QStringLiteral("General"), true);
        bonus->findChild<QDoubleSpinBox *>(QStringLiteral("multiplier"))->setValue(2);
        save(bonus);
        QTRY_COMPARE(setup->bonusLines().size(), 1);
        QVERIFY2(setup->bonusLines().first().endsWith(QStringLiteral(" · 2× · General")),
            qPrintable(setup->bonusLines().first()));
        QTRY_COMPARE(other.setup()->bonusLines().size(), 1);
        QCOMPARE(m_server->sql().exec("SELECT multiplier::text FROM time_bonuses").text(0, 0),
            QStringLiteral("2.00"));

        // Rewards: a second of the same name is refused in words; a threshold changes.
        RewardEditor *reward = setup->addReward();
        reward->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("T-shirt"));
        reward->findChild<QDoubleSpinBox *>(QStringLiteral("threshold"))->setValue(4);
        save(reward);
        QTRY_COMPARE(setup->rewardLines(), QStringList({QStringLiteral("T-shirt — over 4.0 h")}));
        QTRY_COMPARE(other.setup()->rewardLines().size(), 1);
        reward = setup->addReward();
        reward->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("t-shirt"));
        save(reward);
        QTRY_VERIFY(reward->problem().contains(QStringLiteral("already has a reward")));
        reward->reject();
        reward = setup->editReward(0);
        reward->findChild<QDoubleSpinBox *>(QStringLiteral("threshold"))->setValue(6);
        save(reward);
        QTRY_COMPARE(setup->rewardLines(), QStringList({QStringLiteral("T-shirt — over 6.0 h")}));

        // A manager sees what the event offers, and is offered nothing to change.
        Connection meg;
        QVERIFY(signIn(meg, *m_server, QStringLiteral("meg")));
        EventsPage managers(meg);
        managers.show();
        QTRY_COMPARE(managers.events().rowCount(), 2);
        managers.selectEvent(summer);
        QTRY_COMPARE(managers.setup()->rewardLines().size(), 1);
        QTRY_COMPARE(managers.setup()->bonusLines().size(), 1);
        QVERIFY(
            !managers.setup()->findChild<QPushButton *>(QStringLiteral("addBonus"))->isVisible());
        QVERIFY(!managers.setup()->findChild<QPushButton *>(QStringLiteral("edit")));

        // Next year's event starts set up like this one: its window and its reward.
        QPointer<EventEditor> next = page.newEvent(); // it closes itself when saved
        QVERIFY(next);
        next->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("Winter"));
        auto *copyFrom = next->findChild<QComboBox *>(QStringLiteral("copySetupFrom"));
        QVERIFY(copyFrom->isVisible());
        QCOMPARE(copyFrom->currentData().toString(), QString()); // nothing, unless chosen
        copyFrom->setCurrentIndex(copyFrom->findData(summer));
        QVERIFY(copyFrom->currentIndex() > 0);
        save(next);
        QTRY_VERIFY(!next || !next->problem().isEmpty());
        QVERIFY2(!next, next ? qPrintable(next->problem()) : "");
        QTRY_COMPARE(page.events().rowCount(), 3);
        const int winterRow = [&] {
            for (int row = 0; row < page.events().rowCount(); ++row) {
                if (page.events().eventAt(row)->name == QLatin1String("Winter"))
                    return row;
            }
            return -1;
        }();
        QVERIFY(winterRow >= 0);
        page.selectEvent(page.events().eventAt(winterRow)->id.toString(QUuid::WithoutBraces));
        QTRY_COMPARE(
            page.setup()->rewardLines(), QStringList({QStringLiteral("T-shirt — over 6.0 h")}));
        QTRY_COMPARE(page.setup()->bonusLines().size(), 1);
        QVERIFY(page.setup()->bonusLines().first().endsWith(QStringLiteral(" · 2× · General")));
        page.selectEvent(summer);
        QTRY_COMPARE(setup->bonusLines().size(), 1);

        // Removed after a question, on both administrators' screens.
        setup->deleteBonus(0);
        auto *confirm = setup->findChild<QMessageBox *>(QStringLiteral("confirmRemove"));
        QVERIFY(confirm);
        confirm->findChild<QPushButton *>(QStringLiteral("confirm"))->click();
        QTRY_COMPARE(setup->bonusLines().size(), 0);
        QTRY_COMPARE(other.setup()->bonusLines().size(), 0);
    }

    void aManagerLooks()
    {
        Connection meg;
        QVERIFY(signIn(meg, *m_server, QStringLiteral("meg")));
        EventsPage page(meg);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(page.events().rowCount(), 3); // Winter came set up like Summer
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("readOnlyNote"))->isVisible());
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("newEvent"))->isVisible());
        QVERIFY(!page.newEvent());
        page.selectEvent(page.events().eventAt(0)->id.toString(QUuid::WithoutBraces));
        EventEditor *details = page.editSelected();
        QVERIFY(details);
        QVERIFY(!details->findChild<QLineEdit *>(QStringLiteral("name"))->isEnabled());
        QVERIFY(!details->findChild<QDialogButtonBox *>(QStringLiteral("buttons"))
                     ->button(QDialogButtonBox::Save));
    }

    void theBonusWindowsOnATimeline()
    {
        TestClient ada;
        QVERIFY(ada.signIn(m_server->wsUrl(), QStringLiteral("ada")));
        Connection connection;
        QVERIFY(signIn(connection, *m_server, QStringLiteral("ada")));
        EventsPage page(connection);
        page.resize(1000, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(page.events().rowCount(), 3);
        const Event *winter = nullptr;
        for (int row = 0; row < page.events().rowCount(); ++row) {
            if (page.events().eventAt(row)->name == QLatin1String("Winter"))
                winter = page.events().eventAt(row);
        }
        QVERIFY(winter);
        const QString winterId = winter->id.toString(QUuid::WithoutBraces);
        page.selectEvent(winterId);
        EventSetup *setup = page.setup();
        QTRY_COMPARE(setup->bonusLines().size(), 1); // copied from Summer: 2× for General

        // One lane, one window, drawn as long as it lasts, and said exactly on hovering.
        const BonusTimeline &timeline = setup->timeline();
        QVERIFY(timeline.isVisible());
        QCOMPARE(timeline.lanes(), QStringList({QStringLiteral("General")}));
        QCOMPARE(timeline.bars().size(), 1);
        const BonusTimeline::Bar general = timeline.bars().first();
        QVERIFY(general.rect.width() > 3);
        QVERIFY2(timeline.describe(general).startsWith(QStringLiteral("General: ")),
            qPrintable(timeline.describe(general)));
        QVERIFY2(timeline.describe(general).endsWith(QStringLiteral(", 2×")),
            qPrintable(timeline.describe(general)));

        // A second team, and a 3× window for both later on: a lane more, a bar in each, right of
        // the first and twice as long.
        const QString kitchen = createTeam(ada, QStringLiteral("Kitchen"));
        const Bonus first = *setup->bonuses().bonusAt(0);
        const QString generalId = first.teamIds.first().toString(QUuid::WithoutBraces);
        const QDateTime later = first.end.addSecs(3600);
        const qint64 length = first.start.secsTo(first.end);
        QVERIFY(resultOf(
            ada.call(QStringLiteral("bonuses.create"),
                {{QStringLiteral("eventId"), winterId}, {QStringLiteral("start"), wireTime(later)},
                    {QStringLiteral("end"), wireTime(later.addSecs(2 * length))},
                    {QStringLiteral("multiplier"), 3},
                    {QStringLiteral("teamIds"), QJsonArray({generalId, kitchen})}}))
                    .contains(QStringLiteral("bonus")));
        QTRY_COMPARE(
            timeline.lanes(), QStringList({QStringLiteral("General"), QStringLiteral("Kitchen")}));
        QTRY_COMPARE(timeline.bars().size(), 3);
        for (const BonusTimeline::Bar &bar : timeline.bars()) {
            if (setup->bonuses().bonusAt(bar.bonusRow)->multiplier != 3)
                continue;
            QVERIFY(bar.rect.left() > general.rect.right());
            QVERIFY(qAbs(bar.rect.width() - 2 * general.rect.width()) <= 2);
            QVERIFY(timeline.describe(bar).endsWith(QStringLiteral(", 3×")));
        }
        QVERIFY(timeline.bars().at(1).rect.top() != timeline.bars().at(2).rect.top());
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(saveScreenshots(page, QStringLiteral("events")));
    }
};

QTEST_MAIN(TestEventsPlace)
#include "tst_eventsplace.moc"
