// The Volunteers place driven offscreen against a real server with a realistic convention (600
// volunteers, a third with finished shifts, twenty on shift now): finding people by badge or name,
// sorting by number and by hours, the roster following clock actions and another manager's
// changes live, a new volunteer whose first password really signs them in, a new password, role
// rules said before anyone tries, and a reward handed over from the person's panel.
#include "client/connection.h"
#include "client/serverurl.h"
#include "common/translations.h"
#include "desktophelpers.h"
#include "login/logindialog.h"
#include "models/historymodel.h"
#include "screenshots.h"
#include "testclient.h"
#include "testserver.h"
#include "timeclockhelpers.h"
#include "volunteers/volunteerspage.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

namespace {

constexpr int kCrowd = 600;
constexpr int kOnShift = 20;

} // namespace

class TestVolunteersPlace : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    TestClient m_admin;
    QString m_event;
    QString m_registration;
    QString m_infoDesk;

    QString userIdOf(const QString &where)
    {
        return m_server->sql().exec("SELECT id FROM users WHERE " + where.toUtf8()).text(0, 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        installTranslations(); // as the app does: English plurals
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Con")).isNull());
        QVERIFY(!createBadgeHolder(
            *m_server, QStringLiteral("ada"), QStringLiteral("Con"), Role::Admin, QString())
                     .isNull());
        QVERIFY(!createBadgeHolder(
            *m_server, QStringLiteral("meg"), QStringLiteral("Con"), Role::Manager, QString())
                     .isNull());
        QVERIFY(!createBadgeHolder(*m_server, QStringLiteral("lou"), QStringLiteral("Con"),
            Role::Lead, QStringLiteral("300"))
                     .isNull());
        QVERIFY(m_admin.signIn(m_server->wsUrl(), QStringLiteral("ada")));
        m_event = createActiveEvent(m_admin, QStringLiteral("Con 2026"));
        m_registration = createTeam(m_admin, QStringLiteral("Registration"));
        m_infoDesk = createTeam(m_admin, QStringLiteral("Info desk"));
        QVERIFY(!m_event.isEmpty() && !m_registration.isEmpty()
            && !createTeam(m_admin, QStringLiteral("Security")).isEmpty());

        // A convention's crowd: names from two lists, badges from 1000, teams in turn.
        QVERIFY(
            m_server->sql()
                .exec("INSERT INTO users (organisation_id, login, display_name, password_hash,"
                      " role, badge, home_team_id)"
                      " SELECT o.id, 'v' || n, (ARRAY['Ana','Ben','Chloé','Dev','Emma','Femi',"
                      "  'Gus','Hana','Ivo','Jin','Kai','Lena','Mo','Noor','Otto','Pia','Quinn',"
                      "  'Rosa','Sami','Tomás'])[n % 20 + 1] || ' ' || (ARRAY['Abbott','Becker',"
                      "  'Costa','Dubois','Eriksen','Fischer','García','Horvat','Ivanova',"
                      "  'Jansen','Kowalski','Laine','Moreau','Novak','Okafor','Petrov',"
                      "  'Quist','Rossi','Schmidt','Tanaka','Ueda','Varga','Weber','Yilmaz',"
                      "  'Zhou','Nakamura','Silva'])[n / 20 % 27 + 1],"
                      "  'x', 'volunteer', (1000 + n)::text,"
                      "  (SELECT id FROM teams t WHERE t.organisation_id = o.id"
                      "   ORDER BY t.name OFFSET n % 3 LIMIT 1)"
                      " FROM organisations o, generate_series(0, $1 - 1) n"
                      " WHERE o.name = 'Con'",
                    PgParams() << kCrowd)
                .ok());
        // A third worked finished shifts of one to eight hours earlier in the event; twenty are
        // on shift now, started ten minutes to three hours ago.
        QVERIFY(
            m_server->sql()
                .exec("INSERT INTO time_entries (organisation_id, event_id, user_id, team_id,"
                      " start_at, stop_at, source)"
                      " SELECT u.organisation_id, $1, u.id, u.home_team_id,"
                      "  now() - interval '20 hours',"
                      "  now() - interval '20 hours' + ((u.badge::int % 8) + 1) * interval '1 hour'"
                      "  + (u.badge::int % 4) * interval '15 minutes', 'manager'"
                      " FROM users u WHERE u.badge::int >= 1000 AND u.badge::int % 3 = 0",
                    PgParams() << QUuid::fromString(m_event))
                .ok());
        QVERIFY(m_server->sql()
                    .exec("INSERT INTO time_entries (organisation_id, event_id, user_id, team_id,"
                          " start_at, source)"
                          " SELECT u.organisation_id, $1, u.id, u.home_team_id,"
                          "  now() - (10 + (u.badge::int % 17) * 10) * interval '1 minute', 'kiosk'"
                          " FROM users u WHERE u.badge::int BETWEEN 1001 AND 1001 + 3 * ($2 - 1)"
                          "  AND u.badge::int % 3 = 2",
                        PgParams() << QUuid::fromString(m_event) << kOnShift)
                    .ok());
    }
    void cleanupTestCase() { m_server.reset(); }

    // "5 minute(s)" is written once and read as English (issue 12, item 10).
    void pluralsReadAsEnglish()
    {
        QCOMPARE(
            LoginDialog::tr("Too many failed attempts. Try again in %n minute(s).", nullptr, 1),
            QStringLiteral("Too many failed attempts. Try again in 1 minute."));
        QCOMPARE(
            LoginDialog::tr("Too many failed attempts. Try again in %n minute(s).", nullptr, 5),
            QStringLiteral("Too many failed attempts. Try again in 5 minutes."));
        QCOMPARE(VolunteersPage::tr("%n people", nullptr, 1), QStringLiteral("1 person"));
        QCOMPARE(VolunteersPage::tr("%1 worked, %2 earned in %n shift(s)", nullptr, 2),
            QStringLiteral("%1 worked, %2 earned in 2 shifts"));
    }

    void aManagerFindsAndSorts()
    {
        Connection meg;
        QVERIFY(signIn(meg, *m_server, QStringLiteral("meg")));
        VolunteersPage page(meg);
        page.resize(1280, 760);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_VERIFY(page.roster().isLoaded());
        const int everyone = kCrowd + 3;
        QCOMPARE(page.roster().rowCount(), everyone);
        QTRY_COMPARE(page.summary(),
            QStringLiteral("%1 people · %2 on shift now").arg(everyone).arg(kOnShift));

        // By badge: one person, and what the table says of them is what the database holds.
        page.search(QStringLiteral("1042"));
        QCOMPARE(page.visibleCount(), 1);
        const QString badge1042 = userIdOf(QStringLiteral("badge = '1042'"));
        QCOMPARE(page.visibleUserId(0), badge1042);
        const RosterEntry *p = page.roster().entry(badge1042);
        QCOMPARE(p->workedSeconds,
            m_server->sql()
                .exec("SELECT COALESCE(sum(extract(epoch FROM stop_at - start_at)), 0)::bigint"
                      " FROM time_entries WHERE user_id = $1 AND stop_at IS NOT NULL",
                    PgParams() << QUuid::fromString(badge1042))
                .toInt(0, 0));
        QVERIFY(page.summary().startsWith(QStringLiteral("1 of %1 shown").arg(everyone)));
        page.search(QString());
        QCOMPARE(page.visibleCount(), everyone);

        // Badges sort as numbers: 300 before 1000.
        page.sortBy(RosterModel::BadgeColumn, Qt::AscendingOrder);
        QCOMPARE(page.roster().entry(page.visibleUserId(0))->badge, QStringLiteral("300"));
        QCOMPARE(page.roster().entry(page.visibleUserId(1))->badge, QStringLiteral("1000"));
        // The hardest workers first.
        page.sortBy(RosterModel::WorkedColumn, Qt::DescendingOrder);
        const qint64 most = m_server->sql()
                                .exec("SELECT max(worked_seconds)::bigint FROM time_totals")
                                .toInt(0, 0);
        QCOMPARE(page.roster().entry(page.visibleUserId(0))->workedSeconds, most);
        // Longest on shift first.
        page.sortBy(RosterModel::OnShiftColumn, Qt::AscendingOrder);
        const QString longest = m_server->sql()
                                    .exec("SELECT user_id FROM time_entries WHERE stop_at IS NULL"
                                          " ORDER BY start_at LIMIT 1")
                                    .text(0, 0);
        QCOMPARE(page.visibleUserId(0), longest);
        QVERIFY(!page.roster()
                     .index(page.roster().rowOf(longest), RosterModel::OnShiftColumn)
                     .data()
                     .toString()
                     .isEmpty());

        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty()) {
            page.sortBy(RosterModel::NameColumn, Qt::AscendingOrder);
            const QString ben = userIdOf(QStringLiteral("badge = '1041'")); // one with a shift
            page.selectPerson(ben);
            QTRY_VERIFY(page.shifts().rowCount() > 0);
            // The seeded people have no history yet: a manager moves him and mends his shift.
            const QModelIndex shift = page.shifts().index(0, 0);
            QVERIFY(
                m_admin
                    .call(QStringLiteral("timeclock.updateEntry"),
                        {{QStringLiteral("entryId"),
                             shift.data(TimeEntryListModel::IdRole).toString()},
                            {QStringLiteral("stop"),
                                wireTime(shift.data(TimeEntryListModel::StopRole)
                                             .toDateTime()
                                             .addSecs(1800))},
                            {QStringLiteral("reason"),
                                QStringLiteral("Stayed to close the desk, forgot to clock out")}})
                    .contains(QStringLiteral("result")));
            QVERIFY(
                m_admin
                    .call(QStringLiteral("users.update"),
                        {{QStringLiteral("userId"), ben}, {QStringLiteral("teamId"), m_infoDesk}})
                    .contains(QStringLiteral("result")));
            // Their history open: what a manager looks at when someone says "my hours are wrong".
            page.activity().setCurrentIndex(PersonActivity::HistoryTab);
            QTRY_COMPARE(page.activity().history().rowCount(), 2);
            QTRY_COMPARE(page.roster().entry(ben)->workedSeconds, 2 * 3600 + 45 * 60);
            QVERIFY(saveScreenshots(page, QStringLiteral("volunteers")));
        }
    }

    void theRosterFollowsLive()
    {
        Connection meg;
        QVERIFY(signIn(meg, *m_server, QStringLiteral("meg")));
        VolunteersPage page(meg);
        QTRY_VERIFY(page.roster().isLoaded());
        const QString who = userIdOf(QStringLiteral("badge = '1003'")); // no shift at all yet
        const int row = page.roster().rowOf(who);
        QVERIFY(!page.roster().entryAt(row)->onShift());
        // The manager has picked a new role for them, not saved yet.
        page.selectPerson(who);
        auto *role = page.findChild<QComboBox *>(QStringLiteral("role"));
        role->setCurrentIndex(role->findData(QStringLiteral("staff")));

        // Clocked in elsewhere: on shift at once.
        QVERIFY(!resultOf(
            m_admin.call(QStringLiteral("timeclock.addEntry"),
                {{QStringLiteral("userId"), who}, {QStringLiteral("teamId"), m_registration},
                    {QStringLiteral("start"),
                        wireTime(QDateTime::currentDateTimeUtc().addSecs(-1800))},
                    {QStringLiteral("actionId"), newActionId()}}))
                     .isEmpty());
        QTRY_VERIFY(page.roster().entryAt(row)->onShift());
        QTRY_COMPARE(page.roster().onShiftCount(), kOnShift + 1);
        // The push about them did not undo the choice being made.
        QCOMPARE(role->currentData().toString(), QStringLiteral("staff"));
        QVERIFY(page.roster()
                    .index(row, RosterModel::OnShiftColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Registration, 30 min")));
        // Stopped: the half hour is in their worked time, read as state from the server.
        const qint64 before = page.roster().entryAt(row)->workedSeconds;
        QVERIFY(!resultOf(
            m_admin.call(QStringLiteral("timeclock.stopEntry"),
                {{QStringLiteral("userId"), who}, {QStringLiteral("actionId"), newActionId()}}))
                     .isEmpty());
        QTRY_VERIFY(!page.roster().entryAt(row)->onShift());
        QTRY_VERIFY(qAbs(page.roster().entryAt(row)->workedSeconds - before - 1800) < 5);
        QCOMPARE(page.roster().onShiftCount(), kOnShift);
        // Another manager moves them: the team follows.
        QVERIFY(!resultOf(
            m_admin.call(QStringLiteral("users.update"),
                {{QStringLiteral("userId"), who}, {QStringLiteral("teamId"), m_infoDesk}}))
                     .isEmpty());
        QTRY_COMPARE(page.roster().index(row, RosterModel::TeamColumn).data().toString(),
            QStringLiteral("Info desk"));
    }

    void newVolunteersPasswordsAndRoles()
    {
        Connection meg;
        QVERIFY(signIn(meg, *m_server, QStringLiteral("meg")));
        VolunteersPage page(meg);
        page.show();
        QTRY_VERIFY(page.roster().isLoaded());
        QSignalSpy passwords(&page, &VolunteersPage::passwordShown);

        // A new volunteer: the first password signs them in.
        page.createVolunteer(
            QStringLiteral("4242"), QStringLiteral("Nia Newcomer"), m_registration);
        QVERIFY(passwords.wait());
        const QString first = passwords.takeFirst().at(0).toString();
        const QString nia = page.selectedPerson();
        QVERIFY(!nia.isEmpty());
        const RosterEntry *entry = page.roster().entry(nia);
        QCOMPARE(entry->displayName, QStringLiteral("Nia Newcomer"));
        QCOMPARE(page.roster()
                     .index(page.roster().rowOf(nia), RosterModel::TeamColumn)
                     .data()
                     .toString(),
            QStringLiteral("Registration"));
        TestClient niaClient;
        QVERIFY(niaClient.open(m_server->wsUrl()));
        QVERIFY(niaClient.login(entry->login, first).contains(QStringLiteral("result")));
        // A badge already held is refused in words.
        page.createVolunteer(QStringLiteral("1042"), QStringLiteral("Someone Else"), QString());
        QTRY_VERIFY(
            page.message().contains(QStringLiteral("badge number belongs to someone else")));

        // A new password: the old one stops working, she is signed out, the new one works.
        page.selectPerson(nia);
        page.resetPassword();
        QVERIFY(passwords.wait());
        const QString second = passwords.takeFirst().at(0).toString();
        QVERIFY(niaClient.waitForDisconnect(5000));
        TestClient again;
        QVERIFY(again.open(m_server->wsUrl()));
        QCOMPARE(TestClient::errorReason(again.login(entry->login, first)),
            QStringLiteral("invalid_credentials"));
        QVERIFY(again.login(entry->login, second).contains(QStringLiteral("result")));

        // Staff now, and the table says so.
        page.saveRoleAndTeam(QStringLiteral("staff"), m_registration);
        QTRY_COMPARE(page.roster()
                         .index(page.roster().rowOf(nia), RosterModel::RoleColumn)
                         .data()
                         .toString(),
            QStringLiteral("Staff"));
        QCOMPARE(
            m_server->sql()
                .exec("SELECT role FROM users WHERE id = $1", PgParams() << QUuid::fromString(nia))
                .text(0, 0),
            QStringLiteral("staff"));

        // The admin is above her: the rule is said, and nothing is offered.
        page.selectPerson(userIdOf(QStringLiteral("login = 'ada'")));
        QVERIFY(!page.findChild<QComboBox *>(QStringLiteral("role"))->isEnabled());
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("resetPassword"))->isEnabled());
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("roleNote"))
                    ->text()
                    .contains(QStringLiteral("above you")));
    }

    void aRewardIsHandedOver()
    {
        QVERIFY(!resultOf(m_admin.call(QStringLiteral("rewards.create"),
                              {{QStringLiteral("name"), QStringLiteral("T-shirt")},
                                  {QStringLiteral("thresholdHours"), 1}}))
                     .isEmpty());
        Connection meg;
        QVERIFY(signIn(meg, *m_server, QStringLiteral("meg")));
        VolunteersPage page(meg);
        page.show();
        QTRY_VERIFY(page.roster().isLoaded());
        const QString worker = userIdOf(QStringLiteral("badge = '1005'")); // 6 h 15 min worked
        page.selectPerson(worker);
        QTRY_VERIFY(page.findChild<QPushButton *>(QStringLiteral("handOver")));
        QTRY_VERIFY(page.shifts().rowCount() > 0);
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("noShifts"))->isHidden());
        QTest::mouseClick(
            page.findChild<QPushButton *>(QStringLiteral("handOver")), Qt::LeftButton);
        QTRY_VERIFY(page.message().startsWith(QStringLiteral("“T-shirt” handed over to")));
        QTRY_COMPARE(page.findChild<QLabel *>(QStringLiteral("rewardState"))->text(),
            QStringLiteral("✓ handed over"));
        QCOMPARE(m_server->sql()
                     .exec("SELECT count(*) FROM reward_claims WHERE user_id = $1",
                         PgParams() << QUuid::fromString(worker))
                     .toInt(0, 0),
            1);

        // What the manager just did is in the person's history, newest first, by name; the
        // notices the person got are there too, and whether they have read them.
        const HistoryModel &history = page.activity().history();
        QTRY_COMPARE(history.index(0, HistoryModel::WhatColumn).data().toString(),
            QStringLiteral("Reward handed over"));
        QCOMPARE(history.index(0, HistoryModel::WhoColumn).data().toString(),
            m_server->sql().exec("SELECT display_name FROM users WHERE login = 'meg'").text(0, 0));
        auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("activity"));
        QTRY_COMPARE(tabs->tabText(PersonActivity::HistoryTab),
            QStringLiteral("History %1").arg(history.rowCount()));
        const auto noticeSaying = [&page](const QString &words) {
            for (const QLabel *notice : page.findChildren<QLabel *>(QStringLiteral("notice"))) {
                if (notice->text().contains(words))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY(noticeSaying(QStringLiteral("Reward available: T-shirt")));
        QCOMPARE(tabs->tabText(PersonActivity::NoticesTab),
            QStringLiteral("Notices %1").arg(page.activity().notices().rowCount()));
        QCOMPARE(tabs->tabText(PersonActivity::RewardsTab),
            QStringLiteral("Rewards %1").arg(page.rewards().rowCount()));

        // Meg herself: none of the worker's notices is left, and what she did is in her own
        // history too.
        const QString megId = userIdOf(QStringLiteral("login = 'meg'"));
        page.selectPerson(megId);
        QTRY_VERIFY(!noticeSaying(QStringLiteral("T-shirt")));
        QCOMPARE(history.userId(), megId);
        // She works no shifts: the tab says so once it knows, rather than stay blank.
        QTRY_VERIFY(page.activity().shifts().isLoaded());
        QVERIFY(!page.findChild<QLabel *>(QStringLiteral("noShifts"))->isHidden());
        QTRY_VERIFY(history.isLoaded());
        QCOMPARE(history.index(0, HistoryModel::WhatColumn).data().toString(),
            QStringLiteral("Reward handed over"));
    }
};

QTEST_MAIN(TestVolunteersPlace)
#include "tst_volunteersplace.moc"
