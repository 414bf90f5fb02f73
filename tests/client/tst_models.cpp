// The models of muster-core, fed by a real Connection to a real server: each loads itself, follows
// the pushes of its area, and keeps the QAbstractItemModel contract (QAbstractItemModelTester)
// through every change. A volunteer's models are driven the way the kiosk drives them.
#include "client/connection.h"
#include "client/kioskclient.h"
#include "client/timeclockclient.h"
#include "models/eventlistmodel.h"
#include "models/historymodel.h"
#include "models/mytotals.h"
#include "models/notificationlistmodel.h"
#include "models/presencemodel.h"
#include "models/rewardlistmodel.h"
#include "models/teamlistmodel.h"
#include "models/timeentrylistmodel.h"
#include "testclient.h"
#include "testserver.h"
#include "timeclockhelpers.h"
#include "util/clocktext.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

namespace {

constexpr auto kTesterMode = QAbstractItemModelTester::FailureReportingMode::QtTest;

// Signs a Connection in as a seeded person; false when it did not happen in time.
bool signIn(Connection &c, TestServer &server, const QString &login)
{
    QSignalSpy in(&c, &Connection::signedIn);
    c.signIn(server.wsUrl(), login, QStringLiteral("correct horse"));
    return in.wait();
}

int rowNamed(const QAbstractItemModel &model, int role, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(role).toString() == name)
            return row;
    }
    return -1;
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    TestClient m_admin;
    QString m_eventId;
    QString m_stageId;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Acme")).isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("ada"), QStringLiteral("Acme"), Role::Admin)
                     .isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("lee"), QStringLiteral("Acme"), Role::Lead)
                     .isNull());
        QVERIFY(!createBadgeHolder(*m_server, QStringLiteral("vic"), QStringLiteral("Acme"),
            Role::Volunteer, QStringLiteral("1001"))
                     .isNull());
        QVERIFY(m_admin.signIn(m_server->wsUrl(), QStringLiteral("ada")));
        m_eventId = createActiveEvent(m_admin, QStringLiteral("Con 2026"));
        QVERIFY(!m_eventId.isEmpty());
        m_stageId = resultOf(m_admin.call(QStringLiteral("teams.create"),
                                 {{QStringLiteral("name"), QStringLiteral("Stage")}}))
                        .value(QStringLiteral("team"))
                        .toObject()
                        .value(QStringLiteral("id"))
                        .toString();
        QVERIFY(!m_stageId.isEmpty());
        TestClient vic;
        QVERIFY(vic.signIn(m_server->wsUrl(), QStringLiteral("vic")));
        QVERIFY(vic.call(QStringLiteral("profile.setPin"),
                       {{QStringLiteral("pin"), QStringLiteral("4711")}})
                    .contains(QStringLiteral("result")));
    }
    void cleanupTestCase() { m_server.reset(); }

    void presenceLoadsAndFollowsTheBoard()
    {
        Connection ada;
        PresenceModel model;
        QAbstractItemModelTester tester(&model, kTesterMode);
        QSignalSpy loaded(&model, &PresenceModel::loadedChanged);
        model.setConnection(&ada);
        QVERIFY(signIn(ada, *m_server, QStringLiteral("ada")));
        QVERIFY(loaded.wait());
        QCOMPARE(model.rowCount(), 3);
        const int vicRow = rowNamed(model, PresenceModel::LoginRole, QStringLiteral("vic"));
        QVERIFY(vicRow >= 0);

        // vic signs in elsewhere and sets a state: the row follows, without anyone reloading.
        TestClient vic;
        QVERIFY(vic.signIn(m_server->wsUrl(), QStringLiteral("vic")));
        QTRY_VERIFY(model.index(vicRow).data(PresenceModel::OnlineRole).toBool());
        // A state one may pick by hand: not the default, not the time clock's shift state.
        QString busyId;
        for (int row = 0; row < model.states()->rowCount() && busyId.isEmpty(); ++row) {
            const QModelIndex state = model.states()->index(row);
            if (!state.data(StateListModel::DefaultRole).toBool()
                && !state.data(StateListModel::ShiftRole).toBool())
                busyId = state.data(StateListModel::IdRole).toString();
        }
        QVERIFY(!busyId.isEmpty());
        QVERIFY(vic.call(QStringLiteral("presence.set"),
                       {{QStringLiteral("stateId"), busyId},
                           {QStringLiteral("message"), QStringLiteral("at the desk")}})
                    .contains(QStringLiteral("result")));
        QTRY_COMPARE(model.index(vicRow).data(PresenceModel::StateIdRole).toString(), busyId);
        QCOMPARE(model.index(vicRow).data(PresenceModel::MessageRole).toString(),
            QStringLiteral("at the desk"));
        QVERIFY(model.onlineCount() >= 2);

        // One team's board: only its members.
        model.setTeamId(m_stageId);
        QTRY_COMPARE(model.rowCount(), 0);
        model.setTeamId(QString());
        QTRY_COMPARE(model.rowCount(), 3);

        // A newcomer appears on an everyone-board when they first come online.
        QVERIFY(!m_server->createUser(QStringLiteral("neo"), QStringLiteral("Acme"), Role::Staff)
                     .isNull());
        TestClient neo;
        QVERIFY(neo.signIn(m_server->wsUrl(), QStringLiteral("neo")));
        QTRY_COMPARE(model.rowCount(), 4);
    }

    void teamsLoadAndFollowTeamsChanged()
    {
        Connection ada;
        TeamListModel all;
        TeamListModel offered;
        offered.setOfferedOnly(true);
        QAbstractItemModelTester allTester(&all, kTesterMode);
        QAbstractItemModelTester offeredTester(&offered, kTesterMode);
        all.setConnection(&ada);
        offered.setConnection(&ada);
        QVERIFY(signIn(ada, *m_server, QStringLiteral("ada")));
        QTRY_VERIFY(all.rowOf(m_stageId) >= 0);
        const int before = all.rowCount();

        const QJsonObject hidden = resultOf(m_admin.call(QStringLiteral("teams.create"),
            {{QStringLiteral("name"), QStringLiteral("Security")},
                {QStringLiteral("hidden"), true}}));
        const QString hiddenId = hidden[QStringLiteral("team")][QStringLiteral("id")].toString();
        QTRY_COMPARE(all.rowCount(), before + 1);
        const int row = all.rowOf(hiddenId);
        QVERIFY(row >= 0);
        QVERIFY(all.index(row).data(TeamListModel::HiddenRole).toBool());
        // A hidden team is not offered for clocking in, nor an archived one.
        QCOMPARE(offered.rowOf(hiddenId), -1);
        QVERIFY(offered.rowOf(m_stageId) >= 0);
        QVERIFY(m_admin
                    .call(QStringLiteral("teams.update"),
                        {{QStringLiteral("teamId"), hiddenId}, {QStringLiteral("archived"), true}})
                    .contains(QStringLiteral("result")));
        QTRY_VERIFY(all.index(all.rowOf(hiddenId)).data(TeamListModel::ArchivedRole).toBool());
        QCOMPARE(offered.rowOf(hiddenId), -1);
        QCOMPARE(offered.idAt(offered.rowOf(m_stageId)), m_stageId);
    }

    void eventsKnowTheActiveOne()
    {
        Connection ada;
        EventListModel model;
        QAbstractItemModelTester tester(&model, kTesterMode);
        QSignalSpy active(&model, &EventListModel::activeEventChanged);
        model.setConnection(&ada);
        QVERIFY(signIn(ada, *m_server, QStringLiteral("ada")));
        QVERIFY(active.wait());
        QCOMPARE(model.activeEventId(), m_eventId);
        QCOMPARE(model.activeEventName(), QStringLiteral("Con 2026"));
        QCOMPARE(model.activeEvent()->timeZone, QStringLiteral("Europe/Berlin"));

        QVERIFY(m_admin
                    .call(QStringLiteral("events.update"),
                        {{QStringLiteral("eventId"), m_eventId},
                            {QStringLiteral("name"), QStringLiteral("Con 2026 (Berlin)")}})
                    .contains(QStringLiteral("result")));
        QTRY_COMPARE(model.activeEventName(), QStringLiteral("Con 2026 (Berlin)"));
        QVERIFY(model.hasActiveEvent());
    }

    // "Today" begins at the event's day-boundary hour in its time zone, not at midnight UTC.
    void aDayBeginsAtTheBoundaryHourOfTheEventsZone()
    {
        Event e;
        e.timeZone = QStringLiteral("Europe/Berlin");
        e.dayBoundaryHour = 4;
        // 02:30 in Berlin (winter, UTC+1) belongs to the day that began yesterday at 04:00.
        const QDateTime early(QDate(2026, 12, 2), QTime(1, 30), Qt::UTC);
        QCOMPARE(e.dayStart(early), QDateTime(QDate(2026, 12, 1), QTime(3, 0), Qt::UTC));
        const QDateTime later(QDate(2026, 12, 2), QTime(9, 0), Qt::UTC);
        QCOMPARE(e.dayStart(later), QDateTime(QDate(2026, 12, 2), QTime(3, 0), Qt::UTC));
    }

    // A kiosk signs a volunteer in; their time, notices and rewards load for them and follow
    // a clock-in, a manager's correction and a clock-out.
    void aVolunteersTimeFollowsTheirShift()
    {
        QVERIFY(resultOf(m_admin.call(QStringLiteral("rewards.create"),
                             {{QStringLiteral("name"), QStringLiteral("T-shirt")},
                                 {QStringLiteral("thresholdHours"), 1}}))
                    .contains(QStringLiteral("reward")));
        QVERIFY(resultOf(m_admin.call(QStringLiteral("rewards.create"),
                             {{QStringLiteral("name"), QStringLiteral("Hoodie")},
                                 {QStringLiteral("thresholdHours"), 8}}))
                    .contains(QStringLiteral("reward")));

        TestClient pairing;
        TestClient lee;
        QVERIFY(pairing.open(m_server->wsUrl()));
        QVERIFY(lee.signIn(m_server->wsUrl(), QStringLiteral("lee")));
        const PairedKiosk paired = pairKiosk(pairing, lee, QStringLiteral("Front desk"));
        QVERIFY(!paired.deviceToken.isEmpty());
        pairing.socket().close();

        Connection kiosk;
        QSignalSpy kioskIn(&kiosk, &Connection::signedIn);
        kiosk.resumeKiosk(m_server->wsUrl(), paired.deviceToken);
        QVERIFY(kioskIn.wait());

        TimeEntryListModel entries;
        MyTotals totals;
        NotificationListModel notices;
        RewardListModel rewards;
        QAbstractItemModelTester entriesTester(&entries, kTesterMode);
        QAbstractItemModelTester noticesTester(&notices, kTesterMode);
        QAbstractItemModelTester rewardsTester(&rewards, kTesterMode);
        // On a kiosk they load when a volunteer signs in there, not when the kiosk does.
        entries.setLoadOnSignIn(false);
        totals.setLoadOnSignIn(false);
        notices.setLoadOnSignIn(false);
        rewards.setLoadOnSignIn(false);
        entries.setConnection(&kiosk);
        totals.setConnection(&kiosk);
        notices.setConnection(&kiosk);
        rewards.setConnection(&kiosk);
        QVERIFY(!totals.isLoaded());

        KioskClient kioskClient(&kiosk);
        RpcReply *signIn
            = kioskClient.signInWithPin(QStringLiteral("1001"), QStringLiteral("4711"));
        QSignalSpy signedIn(signIn, &RpcReply::succeeded);
        QVERIFY(signedIn.wait());
        const QString vicId = signedIn.first()
                                  .first()
                                  .toJsonValue()[QStringLiteral("user")][QStringLiteral("id")]
                                  .toString();
        QVERIFY(!vicId.isEmpty());
        entries.setUserId(vicId);
        entries.reload();
        totals.reload();
        notices.reload();
        rewards.reload();
        QTRY_VERIFY(totals.isLoaded());
        QCOMPARE(totals.workedSeconds(), 0);
        QVERIFY(!totals.onShift());
        QTRY_COMPARE(rewards.rowCount(), 2);
        QCOMPARE(rewards.nextRewardName(), QStringLiteral("T-shirt"));
        QCOMPARE(rewards.nextRewardHours(), 1.0);
        QCOMPARE(entries.rowCount(), 0);

        TimeclockClient timeclock(&kiosk);
        RpcReply *clockIn = timeclock.clockIn(m_stageId);
        QSignalSpy clockedIn(clockIn, &RpcReply::succeeded);
        QVERIFY(clockedIn.wait());
        const QString entryId = clockedIn.first()
                                    .first()
                                    .toJsonValue()[QStringLiteral("entry")][QStringLiteral("id")]
                                    .toString();
        QTRY_COMPARE(entries.rowCount(), 1);
        QVERIFY(entries.index(0, 0).data(TimeEntryListModel::OngoingRole).toBool());
        QCOMPARE(entries.index(0, 0).data(TimeEntryListModel::TeamNameRole).toString(),
            QStringLiteral("Stage"));
        QTRY_VERIFY(totals.onShift());
        QCOMPARE(totals.shiftTeamName(), QStringLiteral("Stage"));

        // A manager moves the start two hours back: the row follows.
        const QDateTime twoHoursAgo = QDateTime::currentDateTimeUtc().addSecs(-7200);
        QVERIFY(m_admin
                    .call(QStringLiteral("timeclock.updateEntry"),
                        {{QStringLiteral("entryId"), entryId},
                            {QStringLiteral("start"), wireTime(twoHoursAgo)},
                            {QStringLiteral("reason"), QStringLiteral("came early")}})
                    .contains(QStringLiteral("result")));
        QTRY_VERIFY(entries.index(0, 0).data(TimeEntryListModel::StartRole).toDateTime()
            <= twoHoursAgo.addSecs(1));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(entries.workedBetween(now.addSecs(-3600), now) >= 3599);

        // Clocking out: the entry stops, the totals count two hours, the first reward is earned
        // and its notice arrives.
        kioskClient.touch();
        RpcReply *clockOut = timeclock.clockOut();
        QSignalSpy clockedOut(clockOut, &RpcReply::succeeded);
        QVERIFY(clockedOut.wait());
        QTRY_VERIFY(!entries.index(0, 0).data(TimeEntryListModel::OngoingRole).toBool());
        // The ongoing shift counted up to now already showed two hours: wait for it to end.
        QTRY_VERIFY(!totals.onShift());
        QVERIFY(totals.workedSeconds() >= 7199);
        QCOMPARE(totals.entries(), 1);
        QTRY_COMPARE(rewards.availableCount(), 1);
        QCOMPARE(rewards.nextRewardName(), QStringLiteral("Hoodie"));
        QTRY_COMPARE(notices.rowCount(), 1);
        QCOMPARE(notices.index(0).data(NotificationListModel::KindRole).toString(),
            QStringLiteral("reward"));

        // A notice that waits for acknowledgement comes first, and acknowledging it moves it
        // down. (The day boundary makes these; here it is written as the boundary would.)
        m_server->sql().exec(
            "INSERT INTO notifications (organisation_id, user_id, kind, title, requires_ack) "
            "SELECT organisation_id, id, 'auto_stop', 'Your shift was stopped', true "
            "FROM users WHERE login = 'vic'");
        notices.reload();
        QTRY_COMPARE(notices.waitingCount(), 1);
        QCOMPARE(notices.index(0).data(NotificationListModel::WaitingRole).toBool(), true);
        const QString waitingId = notices.firstWaiting().value(QStringLiteral("id")).toString();
        QVERIFY(!waitingId.isEmpty());
        RpcReply *ack = notices.acknowledge(waitingId);
        QSignalSpy acked(ack, &RpcReply::succeeded);
        QVERIFY(acked.wait());
        QTRY_COMPARE(notices.waitingCount(), 0);
        QVERIFY(notices.firstWaiting().isEmpty());

        // Signed out, the kiosk shows nobody's time.
        entries.clear();
        totals.clear();
        notices.clear();
        rewards.clear();
        QCOMPARE(entries.rowCount(), 0);
        QVERIFY(!totals.isLoaded());
    }

    // The answer to one's own request (a notice confirmed) may come before the answer of a load
    // the server read earlier; applied after it, the load would bring the notice back as waiting.
    void aPersonsHistoryComesPageByPageInWords()
    {
        const QString lee = m_server->sql()
                                .exec("SELECT id FROM users WHERE login = 'lee'")
                                .uuid(0, 0)
                                .toString(QUuid::WithoutBraces);
        QVERIFY(
            resultOf(m_admin.call(QStringLiteral("users.update"),
                         {{QStringLiteral("userId"), lee}, {QStringLiteral("teamId"), m_stageId}}))
                .contains(QStringLiteral("userId")));
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-5 * 3600);
        QVERIFY(
            resultOf(m_admin.call(QStringLiteral("timeclock.addEntry"),
                         {{QStringLiteral("userId"), lee}, {QStringLiteral("teamId"), m_stageId},
                             {QStringLiteral("start"), wireTime(start)},
                             {QStringLiteral("stop"), wireTime(start.addSecs(2 * 3600))}}))
                .contains(QStringLiteral("entry")));
        const QJsonArray whole = resultOf(
            m_admin.call(QStringLiteral("users.history"), {{QStringLiteral("userId"), lee}}))
                                     .value(QStringLiteral("records"))
                                     .toArray();
        QVERIFY(whole.size() >= 3); // signed in, moved to Stage, a shift added

        Connection ada;
        TeamListModel teams;
        teams.setConnection(&ada);
        HistoryModel history;
        QAbstractItemModelTester tester(&history, kTesterMode);
        history.setTeams(&teams);
        history.setPageSize(2);
        history.setConnection(&ada);
        QSignalSpy loaded(&history, &HistoryModel::loaded);
        QVERIFY(signIn(ada, *m_server, QStringLiteral("ada")));
        QTRY_VERIFY(teams.rowCount() > 0);
        QCOMPARE(history.rowCount(), 0); // nobody chosen, nothing asked
        history.setUserId(lee);
        history.reload();
        QVERIFY(loaded.wait());
        QCOMPARE(history.rowCount(), 2);
        // A view scrolled to the end asks for the rest, a page at a time, until a short or
        // empty page (the model tester asks too, as views do).
        while (history.rowCount() < whole.size() || history.canFetchMore({})) {
            if (history.canFetchMore({})) {
                history.fetchMore({});
                QVERIFY(!history.canFetchMore({})); // one page on its way at a time
            }
            QVERIFY(loaded.wait());
        }
        QCOMPARE(history.rowCount(), whole.size());
        for (int row = 0; row < history.rowCount(); ++row)
            QCOMPARE(history.index(row, 0).data(HistoryModel::IdRole),
                whole.at(row)[QStringLiteral("id")].toVariant());

        // Newest first, said in words, the change with names and times rather than ids.
        QCOMPARE(history.index(0, HistoryModel::WhatColumn).data().toString(),
            QStringLiteral("Shift added"));
        const QString shift = history.index(0, HistoryModel::ChangeColumn).data().toString();
        QVERIFY2(shift.contains(QStringLiteral("start ") + dayTimeText(start.toLocalTime())),
            qPrintable(shift));
        QVERIFY2(shift.contains(QStringLiteral("team Stage")), qPrintable(shift));
        QVERIFY2(!shift.contains(lee), qPrintable(shift));
        QCOMPARE(
            history.index(0, HistoryModel::WhoColumn).data().toString(), QStringLiteral("ada"));
        QCOMPARE(history.index(1, HistoryModel::WhatColumn).data().toString(),
            QStringLiteral("Role or team changed"));
        QCOMPARE(history.index(1, HistoryModel::ChangeColumn).data().toString(),
            QStringLiteral("team General → Stage"));

        // Something new happens to Lee: catching up puts it on top and keeps the pages read (a
        // manager scrolled down keeps their place).
        QSignalSpy inserted(&history, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&history, &QAbstractItemModel::modelReset);
        QVERIFY(
            resultOf(m_admin.call(QStringLiteral("timeclock.addEntry"),
                         {{QStringLiteral("userId"), lee}, {QStringLiteral("teamId"), m_stageId},
                             {QStringLiteral("start"), wireTime(start.addSecs(-4 * 3600))},
                             {QStringLiteral("stop"), wireTime(start.addSecs(-3 * 3600))}}))
                .contains(QStringLiteral("entry")));
        history.catchUp();
        QVERIFY(loaded.wait());
        QCOMPARE(history.rowCount(), whole.size() + 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(history.index(0, HistoryModel::WhatColumn).data().toString(),
            QStringLiteral("Shift added"));
        QCOMPARE(history.index(1, 0).data(HistoryModel::IdRole),
            whole.at(0)[QStringLiteral("id")].toVariant());
        history.catchUp(); // nothing new: nothing moves
        QVERIFY(loaded.wait());
        QCOMPARE(history.rowCount(), whole.size() + 1);
        QCOMPARE(inserted.count(), 1);

        // Another person: nothing of the first is left.
        history.setUserId(QStringLiteral("00000000-0000-0000-0000-000000000001"));
        QCOMPARE(history.rowCount(), 0);
        QVERIFY(!history.canFetchMore({}));
    }

    void anAnswerOutlivesALoadReadBeforeIt()
    {
        m_server->sql().exec(
            "INSERT INTO notifications (organisation_id, user_id, kind, title, requires_ack) "
            "SELECT organisation_id, id, 'auto_stop', 'Your shift was stopped again', true "
            "FROM users WHERE login = 'vic'");
        Connection vic;
        NotificationListModel notices;
        QAbstractItemModelTester tester(&notices, kTesterMode);
        notices.setConnection(&vic);
        QVERIFY(signIn(vic, *m_server, QStringLiteral("vic")));
        QTRY_COMPARE(notices.waitingCount(), 1);
        Notification confirmed = *notices.notificationAt(0);
        confirmed.acknowledged = true;

        QSignalSpy loaded(&notices, &QAbstractItemModel::modelReset);
        notices.reload(); // the server reads the notice as waiting
        notices.upsert(confirmed); // the confirmation's answer arrives first
        QCOMPARE(notices.waitingCount(), 0);
        QVERIFY(loaded.wait());
        QCOMPARE(notices.waitingCount(), 0);
        QCOMPARE(notices.notificationAt(0)->id, confirmed.id); // the newest, none waiting
        QVERIFY(notices.notificationAt(0)->acknowledged);
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
