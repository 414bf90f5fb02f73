// The volunteer time clock through the protocol against PostgreSQL: events, clocking in and out
// (idempotent, one shift at a time, presence while on shift), a kiosk's offline queue, managers'
// edits with reasons and audit, earned time with bonuses (seed 001's example), rewards and their
// notices, the day boundary (once, whatever the number of servers), read-only past events, and
// one organisation never reaching another's data.
#include "protocol/wiretime.h"
#include "timeclockhelpers.h"

#include <QSignalSpy>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

namespace {

QString id(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

QJsonObject entryOf(const QJsonObject &reply)
{
    return resultOf(reply).value(QStringLiteral("entry")).toObject();
}

} // namespace

class TestTimeclock : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    TestClient m_admin, m_manager, m_lead, m_staff, m_otherAdmin;
    QString m_event, m_pastEvent, m_ops, m_security, m_general, m_shiftState, m_busyState;
    QHash<QString, QUuid> m_people;

    QUuid person(const QString &login, Role role, const QString &badge)
    {
        const QUuid uuid = createBadgeHolder(*m_server, login, QStringLiteral("Con"), role, badge);
        m_people.insert(login, uuid);
        return uuid;
    }
    QJsonObject totalsOf(TestClient &client, const QString &userId = {})
    {
        QJsonObject params;
        if (!userId.isEmpty())
            params.insert(QStringLiteral("userId"), userId);
        return resultOf(client.call(QStringLiteral("timeclock.totals"), params));
    }
    QJsonObject addEntry(const QString &login, const QString &team, const QDateTime &start,
        const QDateTime &stop, const QString &notes = {})
    {
        QJsonObject params {{QStringLiteral("userId"), id(m_people.value(login))},
            {QStringLiteral("teamId"), team}, {QStringLiteral("start"), wireTime(start)},
            {QStringLiteral("notes"), notes}};
        if (stop.isValid())
            params.insert(QStringLiteral("stop"), wireTime(stop));
        return m_manager.call(QStringLiteral("timeclock.addEntry"), params);
    }
    QJsonObject personState(const QString &login)
    {
        const QJsonArray people = resultOf(m_manager.call(QStringLiteral("presence.list")))
                                      .value(QStringLiteral("people"))
                                      .toArray();
        for (const QJsonValue &p : people) {
            if (p[QStringLiteral("userId")].toString() == id(m_people.value(login)))
                return p.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Con")).isNull());
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Other")).isNull());
        person(QStringLiteral("admin"), Role::Admin, {});
        person(QStringLiteral("manager"), Role::Manager, QStringLiteral("100"));
        person(QStringLiteral("lead"), Role::Lead, {});
        person(QStringLiteral("sam"), Role::Staff, QStringLiteral("201"));
        int badge = 301;
        for (const char *login : {"vera", "victor", "wendy", "xena", "yuri", "zoe", "ben"})
            person(QString::fromLatin1(login), Role::Volunteer, QString::number(badge++));
        QVERIFY(
            !m_server->createUser(
                         QStringLiteral("otheradmin"), QStringLiteral("Other"), Role::Admin)
                 .isNull());
        QVERIFY(
            !m_server->createUser(
                         QStringLiteral("otherstaff"), QStringLiteral("Other"), Role::Staff)
                 .isNull());
        QVERIFY(m_admin.signIn(m_server->wsUrl(), QStringLiteral("admin")));
        QVERIFY(m_manager.signIn(m_server->wsUrl(), QStringLiteral("manager")));
        QVERIFY(m_lead.signIn(m_server->wsUrl(), QStringLiteral("lead")));
        QVERIFY(m_staff.signIn(m_server->wsUrl(), QStringLiteral("sam")));
        QVERIFY(m_otherAdmin.signIn(m_server->wsUrl(), QStringLiteral("otheradmin")));

        const auto team = [this](const QString &name, bool hidden) {
            return resultOf(
                m_admin.call(QStringLiteral("teams.create"),
                    {{QStringLiteral("name"), name}, {QStringLiteral("hidden"), hidden}}))
                .value(QStringLiteral("team"))
                .toObject()
                .value(QStringLiteral("id"))
                .toString();
        };
        m_ops = team(QStringLiteral("Ops"), false);
        m_security = team(QStringLiteral("Security"), true);
        QVERIFY(!m_ops.isEmpty() && !m_security.isEmpty());
        const QJsonObject board = resultOf(m_manager.call(QStringLiteral("presence.list")));
        m_general = resultOf(m_manager.call(QStringLiteral("teams.list")))
                        .value(QStringLiteral("teams"))
                        .toArray()
                        .at(0)[QStringLiteral("id")]
                        .toString();
        for (const QJsonValue &s : board.value(QStringLiteral("states")).toArray()) {
            if (s[QStringLiteral("shift")].toBool())
                m_shiftState = s[QStringLiteral("id")].toString();
        }
        m_busyState = stateIdByLabel(board, QStringLiteral("Busy"));
        QVERIFY(!m_shiftState.isEmpty() && !m_busyState.isEmpty());
        m_event = createActiveEvent(m_admin, QStringLiteral("Con 2026"));
        QVERIFY(!m_event.isEmpty());
    }
    void cleanupTestCase() { m_server.reset(); }

    void eventsAreAdminRunAndOneIsActive()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto create = [&](const QString &name, const QString &zone, const QDateTime &start,
                                const QDateTime &end) {
            return m_admin.call(QStringLiteral("events.create"),
                {{QStringLiteral("name"), name}, {QStringLiteral("timeZone"), zone},
                    {QStringLiteral("start"), wireTime(start)},
                    {QStringLiteral("end"), wireTime(end)},
                    {QStringLiteral("dayBoundaryHour"), 5}});
        };
        QCOMPARE(TestClient::errorReason(create(
                     QStringLiteral("X"), QStringLiteral("Mars/Olympus"), now, now.addDays(1))),
            QStringLiteral("invalid_params"));
        QCOMPARE(TestClient::errorReason(
                     create(QStringLiteral("X"), QStringLiteral("UTC"), now, now.addDays(-1))),
            QStringLiteral("invalid_params"));
        QCOMPARE(TestClient::errorReason(m_admin.call(QStringLiteral("events.create"),
                     {{QStringLiteral("name"), QStringLiteral("X")},
                         {QStringLiteral("timeZone"), QStringLiteral("UTC")},
                         {QStringLiteral("start"), QStringLiteral("2026-11-25 10:00")},
                         {QStringLiteral("end"), QStringLiteral("2026-11-26T10:00:00Z")}})),
            QStringLiteral("invalid_params"));
        const QJsonObject past
            = resultOf(create(QStringLiteral("Con 2025"), QStringLiteral("America/Los_Angeles"),
                           now.addDays(-400), now.addDays(-397)))
                  .value(QStringLiteral("event"))
                  .toObject();
        m_pastEvent = past.value(QStringLiteral("id")).toString();
        QVERIFY(past.value(QStringLiteral("readOnly")).toBool());
        QVERIFY(!past.value(QStringLiteral("active")).toBool());
        QCOMPARE(past.value(QStringLiteral("dayBoundaryHour")).toInt(), 5);
        QCOMPARE(TestClient::errorReason(create(
                     QStringLiteral("con 2025"), QStringLiteral("UTC"), now, now.addDays(1))),
            QStringLiteral("conflict"));

        // Activating one deactivates the other; everyone hears.
        TestClient vera;
        QVERIFY(vera.signIn(m_server->wsUrl(), QStringLiteral("vera")));
        QVERIFY(
            m_admin
                .call(QStringLiteral("events.activate"), {{QStringLiteral("eventId"), m_pastEvent}})
                .contains(QStringLiteral("result")));
        QVERIFY(!vera.waitForPush(QStringLiteral("events.changed")).isEmpty());
        QJsonArray events = resultOf(vera.call(QStringLiteral("events.list")))
                                .value(QStringLiteral("events"))
                                .toArray();
        QCOMPARE(events.size(), 2);
        for (const QJsonValue &e : events)
            QCOMPARE(e[QStringLiteral("active")].toBool(),
                e[QStringLiteral("id")].toString() == m_pastEvent);
        QVERIFY(
            m_admin.call(QStringLiteral("events.activate"), {{QStringLiteral("eventId"), m_event}})
                .contains(QStringLiteral("result")));

        // Renamed with the change audited; another organisation cannot touch it.
        const QJsonObject renamed = resultOf(m_admin.call(QStringLiteral("events.update"),
            {{QStringLiteral("eventId"), m_event},
                {QStringLiteral("name"), QStringLiteral("Con 2026 (main)")}}));
        QCOMPARE(renamed[QStringLiteral("event")][QStringLiteral("name")].toString(),
            QStringLiteral("Con 2026 (main)"));
        QVERIFY(renamed[QStringLiteral("event")][QStringLiteral("active")].toBool());
        QCOMPARE(
            m_server->sql()
                .exec("SELECT old_value->>'name' FROM activities WHERE action = 'event.update'")
                .text(0, 0),
            QStringLiteral("Con 2026"));
        QCOMPARE(TestClient::errorReason(m_otherAdmin.call(QStringLiteral("events.update"),
                     {{QStringLiteral("eventId"), m_event},
                         {QStringLiteral("name"), QStringLiteral("Mine")}})),
            QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorReason(m_otherAdmin.call(
                     QStringLiteral("events.activate"), {{QStringLiteral("eventId"), m_event}})),
            QStringLiteral("not_found"));
        QCOMPARE(resultOf(m_otherAdmin.call(QStringLiteral("events.list")))
                     .value(QStringLiteral("events"))
                     .toArray()
                     .size(),
            0);
        // With no active event at all, an edited event says "not active", never null.
        const QString otherEvent
            = resultOf(m_otherAdmin.call(QStringLiteral("events.create"),
                           {{QStringLiteral("name"), QStringLiteral("Elsewhere")},
                               {QStringLiteral("timeZone"), QStringLiteral("UTC")},
                               {QStringLiteral("start"), wireTime(now)},
                               {QStringLiteral("end"), wireTime(now.addDays(1))}}))
                  .value(QStringLiteral("event"))
                  .toObject()
                  .value(QStringLiteral("id"))
                  .toString();
        QVERIFY(!otherEvent.isEmpty());
        QVERIFY(m_server->sql()
                    .exec("UPDATE organisations SET active_event_id = NULL WHERE name = 'Other'")
                    .ok());
        QCOMPARE(
            resultOf(m_otherAdmin.call(QStringLiteral("events.update"),
                {{QStringLiteral("eventId"), otherEvent},
                    {QStringLiteral("name"),
                        QStringLiteral(
                            "Elsewhere 2")}}))[QStringLiteral("event")][QStringLiteral("active")],
            QJsonValue(false));
        QVERIFY(m_server->sql()
                    .exec("DELETE FROM events WHERE id = $1",
                        PgParams() << QUuid::fromString(otherEvent))
                    .ok());
        // Archived: read-only, and never active again until unarchived.
        const QJsonObject archived = resultOf(m_admin.call(QStringLiteral("events.update"),
            {{QStringLiteral("eventId"), m_pastEvent}, {QStringLiteral("archived"), true}}));
        QVERIFY(archived[QStringLiteral("event")][QStringLiteral("archived")].toBool());
        QVERIFY(archived[QStringLiteral("event")][QStringLiteral("readOnly")].toBool());
        QCOMPARE(TestClient::errorReason(m_admin.call(QStringLiteral("events.activate"),
                     {{QStringLiteral("eventId"), m_pastEvent}})),
            QStringLiteral("not_found"));
    }

    void staffClockInAtTheDesktopAndPresenceFollows()
    {
        TestClient vera;
        QVERIFY(vera.signIn(m_server->wsUrl(), QStringLiteral("vera")));
        QCOMPARE(
            TestClient::errorReason(vera.call(QStringLiteral("timeclock.clockIn"),
                {{QStringLiteral("actionId"), newActionId()}, {QStringLiteral("teamId"), m_ops}})),
            QStringLiteral("kiosk_required"));

        QVERIFY(m_staff
                    .call(QStringLiteral("presence.set"),
                        {{QStringLiteral("stateId"), m_busyState},
                            {QStringLiteral("message"), QStringLiteral("at lunch")}})
                    .contains(QStringLiteral("result")));
        // Nobody picks the shift state by hand.
        QCOMPARE(TestClient::errorReason(m_staff.call(
                     QStringLiteral("presence.set"), {{QStringLiteral("stateId"), m_shiftState}})),
            QStringLiteral("not_found"));
        m_manager.clearPushes();
        const QString action = newActionId();
        const QJsonObject in = m_staff.call(QStringLiteral("timeclock.clockIn"),
            {{QStringLiteral("actionId"), action}, {QStringLiteral("teamId"), m_ops}});
        const QJsonObject entry = entryOf(in);
        QCOMPARE(entry.value(QStringLiteral("source")).toString(), QStringLiteral("desktop"));
        QCOMPARE(entry.value(QStringLiteral("teamName")).toString(), QStringLiteral("Ops"));
        QVERIFY(entry.value(QStringLiteral("stop")).isNull());
        const QJsonObject pushed = m_manager.waitForPush(QStringLiteral("timeclock.entryChanged"),
            {{QStringLiteral("change"), QStringLiteral("started")}});
        QCOMPARE(pushed[QStringLiteral("entry")][QStringLiteral("id")],
            entry.value(QStringLiteral("id")));
        QTRY_COMPARE(personState(QStringLiteral("sam")).value(QStringLiteral("stateId")).toString(),
            m_shiftState);
        QCOMPARE(personState(QStringLiteral("sam")).value(QStringLiteral("message")).toString(),
            QStringLiteral("Ops"));

        // The same action again answers the same; a new one is refused.
        const QJsonObject again = resultOf(m_staff.call(QStringLiteral("timeclock.clockIn"),
            {{QStringLiteral("actionId"), action}, {QStringLiteral("teamId"), m_ops}}));
        QVERIFY(again.value(QStringLiteral("replayed")).toBool());
        QCOMPARE(again[QStringLiteral("entry")][QStringLiteral("id")],
            entry.value(QStringLiteral("id")));
        QCOMPARE(TestClient::errorReason(m_staff.call(QStringLiteral("timeclock.clockIn"),
                     {{QStringLiteral("actionId"), newActionId()},
                         {QStringLiteral("teamId"), m_general}})),
            QStringLiteral("already_clocked_in"));
        // The database itself holds the line, whatever the code above it does.
        const PgResult second = m_server->sql().exec("INSERT INTO time_entries (organisation_id, "
                                                     "event_id, user_id, team_id, start_at, source)"
                                                     " SELECT organisation_id, event_id, user_id, "
                                                     "team_id, now(), 'desktop' FROM time_entries"
                                                     " WHERE id = $1",
            PgParams() << QUuid::fromString(entry.value(QStringLiteral("id")).toString()));
        QVERIFY(!second.ok());
        QVERIFY2(second.sqlState() == "23505" || second.sqlState() == "23P01",
            second.sqlState().constData());

        const QJsonObject out = resultOf(m_staff.call(
            QStringLiteral("timeclock.clockOut"), {{QStringLiteral("actionId"), newActionId()}}));
        QVERIFY(!out[QStringLiteral("entry")][QStringLiteral("stop")].isNull());
        QCOMPARE(out[QStringLiteral("totals")][QStringLiteral("entries")].toInt(), 1);
        QVERIFY(!m_manager
                     .waitForPush(QStringLiteral("timeclock.entryChanged"),
                         {{QStringLiteral("change"), QStringLiteral("stopped")}})
                     .isEmpty());
        QTRY_COMPARE(personState(QStringLiteral("sam")).value(QStringLiteral("stateId")).toString(),
            m_busyState);
        QCOMPARE(personState(QStringLiteral("sam")).value(QStringLiteral("message")).toString(),
            QStringLiteral("at lunch"));
        QCOMPARE(TestClient::errorReason(m_staff.call(QStringLiteral("timeclock.clockOut"),
                     {{QStringLiteral("actionId"), newActionId()}})),
            QStringLiteral("not_clocked_in"));
        QCOMPARE(TestClient::errorReason(m_staff.call(
                     QStringLiteral("timeclock.clockIn"), {{QStringLiteral("teamId"), m_ops}})),
            QStringLiteral("invalid_params"));
    }

    void anActionIdIsOnePersonsOneAction()
    {
        person(QStringLiteral("sue"), Role::Staff, QStringLiteral("202"));
        TestClient sue;
        QVERIFY(sue.signIn(m_server->wsUrl(), QStringLiteral("sue")));
        const QString action = newActionId();
        const QJsonObject samIn = entryOf(m_staff.call(QStringLiteral("timeclock.clockIn"),
            {{QStringLiteral("actionId"), action}, {QStringLiteral("teamId"), m_ops}}));
        QVERIFY(!samIn.isEmpty());
        // Someone else's id is refused, never answered with sam's entry, and sue stays out.
        const QJsonObject stolen = sue.call(QStringLiteral("timeclock.clockIn"),
            {{QStringLiteral("actionId"), action}, {QStringLiteral("teamId"), m_ops}});
        QCOMPARE(TestClient::errorReason(stolen), QStringLiteral("conflict"));
        QVERIFY(!resultOf(stolen).contains(QStringLiteral("entry")));
        QCOMPARE(totalsOf(sue).value(QStringLiteral("ongoing")), QJsonValue(QJsonValue::Null));
        // The clock-in's id for a clock-out is refused too, and sam is still on shift.
        QCOMPARE(TestClient::errorReason(m_staff.call(
                     QStringLiteral("timeclock.clockOut"), {{QStringLiteral("actionId"), action}})),
            QStringLiteral("conflict"));
        const QJsonObject out = resultOf(m_staff.call(
            QStringLiteral("timeclock.clockOut"), {{QStringLiteral("actionId"), newActionId()}}));
        QCOMPARE(
            out[QStringLiteral("entry")][QStringLiteral("id")], samIn.value(QStringLiteral("id")));
        // With fresh ids both work as ever.
        QVERIFY(entryOf(
            sue.call(QStringLiteral("timeclock.clockIn"),
                {{QStringLiteral("actionId"), newActionId()}, {QStringLiteral("teamId"), m_ops}}))
                    .contains(QStringLiteral("id")));
        QVERIFY(sue.call(QStringLiteral("timeclock.clockOut"),
                       {{QStringLiteral("actionId"), newActionId()}})
                    .contains(QStringLiteral("result")));
    }

    void hiddenTeamsAreForManagers()
    {
        TestClient vera;
        QVERIFY(vera.signIn(m_server->wsUrl(), QStringLiteral("vera")));
        const auto names = [](const QJsonObject &reply) {
            QStringList list;
            for (const QJsonValue &t : resultOf(reply).value(QStringLiteral("teams")).toArray())
                list << t[QStringLiteral("name")].toString();
            return list;
        };
        QVERIFY(
            !names(vera.call(QStringLiteral("teams.list"))).contains(QStringLiteral("Security")));
        QVERIFY(names(m_manager.call(QStringLiteral("teams.list")))
                    .contains(QStringLiteral("Security")));
        QCOMPARE(TestClient::errorReason(m_staff.call(QStringLiteral("timeclock.clockIn"),
                     {{QStringLiteral("actionId"), newActionId()},
                         {QStringLiteral("teamId"), m_security}})),
            QStringLiteral("not_found"));
        QVERIFY(entryOf(m_manager.call(QStringLiteral("timeclock.clockIn"),
                            {{QStringLiteral("actionId"), newActionId()},
                                {QStringLiteral("teamId"), m_security}}))
                    .contains(QStringLiteral("id")));
        QVERIFY(m_manager
                    .call(QStringLiteral("timeclock.clockOut"),
                        {{QStringLiteral("actionId"), newActionId()}})
                    .contains(QStringLiteral("result")));
        // Hiding a team later is pushed with the list each one may see.
        vera.clearPushes();
        QVERIFY(m_admin
                    .call(QStringLiteral("teams.update"),
                        {{QStringLiteral("teamId"), m_general}, {QStringLiteral("hidden"), true}})
                    .contains(QStringLiteral("result")));
        const QJsonArray seen = vera.waitForPush(QStringLiteral("teams.changed"))
                                    .value(QStringLiteral("teams"))
                                    .toArray();
        QVERIFY(!seen.isEmpty());
        for (const QJsonValue &t : seen)
            QVERIFY(!t[QStringLiteral("hidden")].toBool());
        QVERIFY(m_admin
                    .call(QStringLiteral("teams.update"),
                        {{QStringLiteral("teamId"), m_general}, {QStringLiteral("hidden"), false}})
                    .contains(QStringLiteral("result")));
    }

    void kioskEntriesRecordTheKioskAndTotalsFollowLive()
    {
        TestClient wendy;
        QVERIFY(wendy.signIn(m_server->wsUrl(), QStringLiteral("wendy")));
        QVERIFY(wendy
                    .call(QStringLiteral("profile.setPin"),
                        {{QStringLiteral("pin"), QStringLiteral("4321")}})
                    .contains(QStringLiteral("result")));
        TestClient kiosk;
        QVERIFY(kiosk.open(m_server->wsUrl()));
        const PairedKiosk paired = pairKiosk(kiosk, m_lead, QStringLiteral("Main hall"));
        QVERIFY(!paired.id.isEmpty());
        QVERIFY(resultOf(kiosk.call(QStringLiteral("kiosk.signIn"),
                             {{QStringLiteral("badge"), QStringLiteral("303")},
                                 {QStringLiteral("pin"), QStringLiteral("4321")}}))
                    .contains(QStringLiteral("user")));
        const QJsonObject entry = entryOf(kiosk.call(QStringLiteral("timeclock.clockIn"),
            {{QStringLiteral("actionId"), newActionId()}, {QStringLiteral("teamId"), m_ops}}));
        QCOMPARE(entry.value(QStringLiteral("source")).toString(), QStringLiteral("kiosk"));
        QCOMPARE(entry.value(QStringLiteral("kioskId")).toString(), paired.id);
        QCOMPARE(entry.value(QStringLiteral("kioskName")).toString(), QStringLiteral("Main hall"));
        // Her own desktop sees the shift start and, at clock-out, her totals.
        QVERIFY(!wendy
                     .waitForPush(QStringLiteral("timeclock.entryChanged"),
                         {{QStringLiteral("change"), QStringLiteral("started")}})
                     .isEmpty());
        QCOMPARE(totalsOf(wendy)[QStringLiteral("ongoing")][QStringLiteral("id")],
            entry.value(QStringLiteral("id")));
        // The kiosk hears about its own volunteer, not the whole organisation's board.
        QVERIFY(!kiosk.waitForPush(QStringLiteral("timeclock.entryChanged")).isEmpty());
        QTRY_COMPARE(
            personState(QStringLiteral("wendy")).value(QStringLiteral("stateId")).toString(),
            m_shiftState);
        // The board heard of her shift (so it went out); the kiosk's round trip after that
        // would have brought any copy sent to it.
        QVERIFY(!m_manager
                     .waitForPush(QStringLiteral("presence.changed"),
                         {{QStringLiteral("userId"), id(m_people.value(QStringLiteral("wendy")))},
                             {QStringLiteral("stateId"), m_shiftState}})
                     .isEmpty());
        QVERIFY(kiosk.call(QStringLiteral("kiosk.touch")).contains(QStringLiteral("result")));
        QVERIFY(kiosk.noPush(QStringLiteral("presence.changed"), {}, 0));
        QVERIFY(kiosk
                    .call(QStringLiteral("timeclock.clockOut"),
                        {{QStringLiteral("actionId"), newActionId()}})
                    .contains(QStringLiteral("result")));
        const QJsonObject totals = wendy.waitForPush(QStringLiteral("timeclock.ownTotalsChanged"));
        QCOMPARE(totals.value(QStringLiteral("entries")).toInt(), 1);
        QVERIFY(totals.value(QStringLiteral("ongoing")).isNull());
    }

    void offlineQueueIsReplayedWithItsTimes()
    {
        TestClient kiosk;
        QVERIFY(kiosk.open(m_server->wsUrl()));
        const PairedKiosk paired = pairKiosk(kiosk, m_lead, QStringLiteral("Car park"));
        QVERIFY(!paired.id.isEmpty());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString in = newActionId(), out = newActionId();
        const auto action = [&](const QString &actionId, const QString &kind, const QString &badge,
                                const QDateTime &at) {
            QJsonObject a {{QStringLiteral("actionId"), actionId}, {QStringLiteral("kind"), kind},
                {QStringLiteral("badge"), badge}, {QStringLiteral("at"), wireTime(at)}};
            if (kind == QLatin1String("clockIn"))
                a.insert(QStringLiteral("teamId"), m_ops);
            return a;
        };
        const QJsonArray actions {
            action(in, QStringLiteral("clockIn"), QStringLiteral("302"), now.addSecs(-5 * 3600)),
            action(out, QStringLiteral("clockOut"), QStringLiteral("302"), now.addSecs(-4 * 3600)),
            action(newActionId(), QStringLiteral("clockIn"), QStringLiteral("302"),
                now.addSecs(-13 * 3600)),
            action(newActionId(), QStringLiteral("clockIn"), QStringLiteral("999"),
                now.addSecs(-3600)),
            action(newActionId(), QStringLiteral("clockIn"), QStringLiteral("302"),
                now.addSecs(-4 * 3600 - 1800)),
            QJsonObject {{QStringLiteral("actionId"), newActionId()},
                {QStringLiteral("kind"), QStringLiteral("dance")},
                {QStringLiteral("badge"), QStringLiteral("302")},
                {QStringLiteral("at"), wireTime(now)}}};
        const QJsonArray results = resultOf(
            kiosk.call(QStringLiteral("kiosk.replay"), {{QStringLiteral("actions"), actions}}))
                                       .value(QStringLiteral("results"))
                                       .toArray();
        QCOMPARE(results.size(), 6);
        const auto reason = [](const QJsonValue &r) {
            return r[QStringLiteral("error")][QStringLiteral("data")][QStringLiteral("reason")]
                .toString();
        };
        QVERIFY(results.at(0)[QStringLiteral("ok")].toBool());
        QVERIFY(results.at(1)[QStringLiteral("ok")].toBool());
        QCOMPARE(reason(results.at(2)), QStringLiteral("stale_action"));
        QCOMPARE(reason(results.at(3)), QStringLiteral("not_found"));
        QCOMPARE(reason(results.at(4)), QStringLiteral("overlap"));
        QCOMPARE(reason(results.at(5)), QStringLiteral("invalid_params"));
        QCOMPARE(results.at(0)[QStringLiteral("actionId")].toString(), in);
        const QJsonObject entry = results.at(1)[QStringLiteral("entry")].toObject();
        QVERIFY(entry.value(QStringLiteral("offline")).toBool());
        QCOMPARE(entry.value(QStringLiteral("kioskId")).toString(), paired.id);
        QCOMPARE(QDateTime::fromString(
                     entry.value(QStringLiteral("start")).toString(), Qt::ISODateWithMs),
            now.addSecs(-5 * 3600));
        QCOMPARE(entry.value(QStringLiteral("workedSeconds")).toInt(), 3600);

        // A kiosk that is not sure its queue arrived sends it again: nothing is doubled.
        const QJsonArray again = resultOf(
            kiosk.call(QStringLiteral("kiosk.replay"), {{QStringLiteral("actions"), actions}}))
                                     .value(QStringLiteral("results"))
                                     .toArray();
        QVERIFY(again.at(0)[QStringLiteral("replayed")].toBool());
        QCOMPARE(again.at(1)[QStringLiteral("entry")][QStringLiteral("id")],
            entry.value(QStringLiteral("id")));
        QCOMPARE(m_server->sql()
                     .exec("SELECT count(*) FROM time_entries WHERE user_id = $1",
                         PgParams() << m_people.value(QStringLiteral("victor")))
                     .toInt(0, 0),
            1);
        QCOMPARE(TestClient::errorReason(kiosk.call(
                     QStringLiteral("kiosk.replay"), {{QStringLiteral("actions"), QJsonArray {}}})),
            QStringLiteral("invalid_params"));
    }

    void managersAddEditStopAndDeleteWithAudit()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QJsonObject added = entryOf(addEntry(QStringLiteral("vera"), m_ops,
            now.addSecs(-10 * 3600), now.addSecs(-8 * 3600), QStringLiteral("Set-up crew")));
        QCOMPARE(added.value(QStringLiteral("source")).toString(), QStringLiteral("manager"));
        QCOMPARE(added.value(QStringLiteral("notes")).toString(), QStringLiteral("Set-up crew"));
        const QString entryId = added.value(QStringLiteral("id")).toString();
        QCOMPARE(TestClient::errorReason(addEntry(QStringLiteral("vera"), m_ops,
                     now.addSecs(-9 * 3600), now.addSecs(-7 * 3600))),
            QStringLiteral("overlap"));
        QCOMPARE(TestClient::errorReason(addEntry(QStringLiteral("vera"), m_ops,
                     now.addSecs(-6 * 3600), now.addSecs(-7 * 3600))),
            QStringLiteral("invalid_params"));

        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("timeclock.updateEntry"),
                     {{QStringLiteral("entryId"), entryId},
                         {QStringLiteral("stop"), wireTime(now.addSecs(-7 * 3600))}})),
            QStringLiteral("invalid_params"));
        const QJsonObject edited = entryOf(m_manager.call(QStringLiteral("timeclock.updateEntry"),
            {{QStringLiteral("entryId"), entryId},
                {QStringLiteral("stop"), wireTime(now.addSecs(-7 * 3600))},
                {QStringLiteral("teamId"), m_security},
                {QStringLiteral("reason"), QStringLiteral("Stayed for the load-in")}}));
        QCOMPARE(edited.value(QStringLiteral("workedSeconds")).toInt(), 3 * 3600);
        QCOMPARE(edited.value(QStringLiteral("teamName")).toString(), QStringLiteral("Security"));
        const PgResult audit
            = m_server->sql().exec("SELECT old_value->>'stop', new_value->>'stop', "
                                   "new_value->>'reason', actor_id FROM activities"
                                   " WHERE action = 'timeclock.update' AND subject_id = $1",
                PgParams() << QUuid::fromString(entryId));
        QCOMPARE(audit.rows(), 1);
        QCOMPARE(
            QDateTime::fromString(audit.text(0, 0), Qt::ISODateWithMs), now.addSecs(-8 * 3600));
        QCOMPARE(
            QDateTime::fromString(audit.text(0, 1), Qt::ISODateWithMs), now.addSecs(-7 * 3600));
        QCOMPARE(audit.text(0, 2), QStringLiteral("Stayed for the load-in"));
        QCOMPARE(audit.uuid(0, 3), m_people.value(QStringLiteral("manager")));
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("timeclock.updateEntry"),
                     {{QStringLiteral("entryId"), entryId},
                         {QStringLiteral("start"), wireTime(now.addSecs(-6 * 3600))},
                         {QStringLiteral("reason"), QStringLiteral("typo")}})),
            QStringLiteral("invalid_params"));

        // Checking someone in, seeing them in the ongoing list, and stopping their shift.
        const QJsonObject checkedIn
            = entryOf(addEntry(QStringLiteral("vera"), m_ops, now.addSecs(-1800), QDateTime()));
        QVERIFY(checkedIn.value(QStringLiteral("stop")).isNull());
        bool listed = false;
        for (const QJsonValue &e : resultOf(m_manager.call(QStringLiteral("timeclock.ongoing")))
                                       .value(QStringLiteral("entries"))
                                       .toArray())
            listed |= e[QStringLiteral("id")] == checkedIn.value(QStringLiteral("id"));
        QVERIFY(listed);
        QTRY_COMPARE(
            personState(QStringLiteral("vera")).value(QStringLiteral("stateId")).toString(),
            m_shiftState);
        const QJsonObject stopped = entryOf(m_manager.call(QStringLiteral("timeclock.stopEntry"),
            {{QStringLiteral("userId"), id(m_people.value(QStringLiteral("vera")))}}));
        QVERIFY(!stopped.value(QStringLiteral("stop")).isNull());
        QTRY_VERIFY(personState(QStringLiteral("vera")).value(QStringLiteral("stateId")).toString()
            != m_shiftState);

        const QJsonObject deleted = resultOf(m_manager.call(QStringLiteral("timeclock.deleteEntry"),
            {{QStringLiteral("entryId"), stopped.value(QStringLiteral("id"))},
                {QStringLiteral("reason"), QStringLiteral("Double entry")}}));
        QCOMPARE(deleted[QStringLiteral("totals")][QStringLiteral("entries")].toInt(), 1);
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("timeclock.deleteEntry"),
                     {{QStringLiteral("entryId"), stopped.value(QStringLiteral("id"))}})),
            QStringLiteral("not_found"));
        QCOMPARE(m_server->auditCount(QStringLiteral("timeclock.delete")), 1);
    }

    void earnedTimeFollowsBonusWindows()
    {
        // Seed 001: a 3 h shift with 1 h inside a 2x window earns 4 h.
        TestClient xena;
        QVERIFY(xena.signIn(m_server->wsUrl(), QStringLiteral("xena")));
        const QDateTime t0 = QDateTime::fromSecsSinceEpoch(
            QDateTime::currentSecsSinceEpoch() / 60 * 60 - 6 * 3600, Qt::UTC);
        QVERIFY(addEntry(QStringLiteral("xena"), m_ops, t0, t0.addSecs(3 * 3600))
                    .contains(QStringLiteral("result")));
        QCOMPARE(totalsOf(xena).value(QStringLiteral("earnedSeconds")).toInt(), 3 * 3600);
        const QJsonObject bonus
            = resultOf(m_admin.call(QStringLiteral("bonuses.create"),
                           {{QStringLiteral("start"), wireTime(t0.addSecs(3600))},
                               {QStringLiteral("end"), wireTime(t0.addSecs(2 * 3600))},
                               {QStringLiteral("multiplier"), 2},
                               {QStringLiteral("teamIds"), QJsonArray {m_ops}}}))
                  .value(QStringLiteral("bonus"))
                  .toObject();
        QVERIFY(!bonus.value(QStringLiteral("id")).toString().isEmpty());
        QCOMPARE(xena.waitForPush(QStringLiteral("timeclock.totalsChanged"))
                     .value(QStringLiteral("eventId"))
                     .toString(),
            m_event);
        QJsonObject totals = totalsOf(xena);
        QCOMPARE(totals.value(QStringLiteral("workedSeconds")).toInt(), 3 * 3600);
        QCOMPARE(totals.value(QStringLiteral("earnedSeconds")).toInt(), 4 * 3600);
        // A window for another team changes nothing; bad windows are refused clearly.
        QVERIFY(m_admin
                    .call(QStringLiteral("bonuses.create"),
                        {{QStringLiteral("start"), wireTime(t0)},
                            {QStringLiteral("end"), wireTime(t0.addSecs(3 * 3600))},
                            {QStringLiteral("multiplier"), QStringLiteral("3")},
                            {QStringLiteral("teamIds"), QJsonArray {m_general}}})
                    .contains(QStringLiteral("result")));
        QCOMPARE(totalsOf(xena).value(QStringLiteral("earnedSeconds")).toInt(), 4 * 3600);
        for (const QJsonValue &multiplier :
            {QJsonValue(1), QJsonValue(QStringLiteral("x")), QJsonValue(11), QJsonValue(1.234)}) {
            QCOMPARE(TestClient::errorReason(m_admin.call(QStringLiteral("bonuses.create"),
                         {{QStringLiteral("start"), wireTime(t0)},
                             {QStringLiteral("end"), wireTime(t0.addSecs(60))},
                             {QStringLiteral("multiplier"), multiplier},
                             {QStringLiteral("teamIds"), QJsonArray {m_ops}}})),
                QStringLiteral("invalid_params"));
        }
        const QString otherTeam = resultOf(m_otherAdmin.call(QStringLiteral("teams.list")))
                                      .value(QStringLiteral("teams"))
                                      .toArray()
                                      .at(0)[QStringLiteral("id")]
                                      .toString();
        QCOMPARE(TestClient::errorReason(m_admin.call(QStringLiteral("bonuses.create"),
                     {{QStringLiteral("start"), wireTime(t0)},
                         {QStringLiteral("end"), wireTime(t0.addSecs(60))},
                         {QStringLiteral("multiplier"), 2},
                         {QStringLiteral("teamIds"), QJsonArray {otherTeam}}})),
            QStringLiteral("not_found"));
        // 1.5x for that hour: 3 h + 0.5 h.
        const QJsonObject updated
            = resultOf(m_admin.call(QStringLiteral("bonuses.update"),
                           {{QStringLiteral("bonusId"), bonus.value(QStringLiteral("id"))},
                               {QStringLiteral("multiplier"), QStringLiteral("1.5")}}))
                  .value(QStringLiteral("bonus"))
                  .toObject();
        QCOMPARE(updated.value(QStringLiteral("multiplier")).toDouble(), 1.5);
        QCOMPARE(updated.value(QStringLiteral("start")), bonus.value(QStringLiteral("start")));
        QCOMPARE(updated.value(QStringLiteral("start")).toString(), wireTime(t0.addSecs(3600)));
        QCOMPARE(updated.value(QStringLiteral("teamIds")).toArray(), QJsonArray {m_ops});
        QCOMPARE(updated.value(QStringLiteral("eventId")).toString(), m_event);
        QCOMPARE(totalsOf(xena).value(QStringLiteral("earnedSeconds")).toInt(), 3 * 3600 + 1800);
        const QJsonArray listed = resultOf(xena.call(QStringLiteral("bonuses.list")))
                                      .value(QStringLiteral("bonuses"))
                                      .toArray();
        QCOMPARE(listed.size(), 2);
        QVERIFY(listed.contains(updated)); // the list and the answer agree field for field
        QCOMPARE(
            TestClient::errorReason(xena.call(QStringLiteral("bonuses.list"),
                {{QStringLiteral("eventId"), QUuid::createUuid().toString(QUuid::WithoutBraces)}})),
            QStringLiteral("not_found"));
        QVERIFY(m_admin
                    .call(QStringLiteral("bonuses.delete"),
                        {{QStringLiteral("bonusId"), bonus.value(QStringLiteral("id"))}})
                    .contains(QStringLiteral("result")));
        QCOMPARE(totalsOf(xena).value(QStringLiteral("earnedSeconds")).toInt(), 3 * 3600);
        QCOMPARE(m_server->auditCount(QStringLiteral("bonus.%")), 4);
    }

    void rewardsAreAnnouncedOnceWhenEarned()
    {
        TestClient yuri;
        QVERIFY(yuri.signIn(m_server->wsUrl(), QStringLiteral("yuri")));
        const QString yuriId = id(m_people.value(QStringLiteral("yuri")));
        QCOMPARE(TestClient::errorReason(m_admin.call(QStringLiteral("rewards.create"),
                     {{QStringLiteral("name"), QStringLiteral("Shirt")},
                         {QStringLiteral("thresholdHours"), QStringLiteral("abc")}})),
            QStringLiteral("invalid_params"));
        const QString shirt = resultOf(
            m_admin.call(QStringLiteral("rewards.create"),
                {{QStringLiteral("name"), QStringLiteral("T-shirt")},
                    {QStringLiteral("description"), QStringLiteral("At the volunteer desk")},
                    {QStringLiteral("thresholdHours"), QStringLiteral("3.5")}}))
                                  .value(QStringLiteral("reward"))
                                  .toObject()
                                  .value(QStringLiteral("id"))
                                  .toString();
        QVERIFY(!shirt.isEmpty());
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-20 * 3600);
        const QString entry
            = entryOf(addEntry(QStringLiteral("yuri"), m_general, t0, t0.addSecs(3 * 3600)))
                  .value(QStringLiteral("id"))
                  .toString();
        const auto rewardOf = [&](TestClient &client, const QString &user) {
            for (const QJsonValue &r : resultOf(client.call(QStringLiteral("rewards.list"),
                                                    {{QStringLiteral("userId"), user}}))
                                           .value(QStringLiteral("rewards"))
                                           .toArray()) {
                if (r[QStringLiteral("id")].toString() == shirt)
                    return r.toObject();
            }
            return QJsonObject();
        };
        QVERIFY(!rewardOf(yuri, yuriId).value(QStringLiteral("eligible")).toBool());

        // The edit that takes him past 3.5 h tells him at once, and only once.
        QVERIFY(m_manager
                    .call(QStringLiteral("timeclock.updateEntry"),
                        {{QStringLiteral("entryId"), entry},
                            {QStringLiteral("stop"), wireTime(t0.addSecs(4 * 3600))},
                            {QStringLiteral("reason"), QStringLiteral("Forgot to clock out")}})
                    .contains(QStringLiteral("result")));
        const QJsonObject notice = yuri.waitForPush(QStringLiteral("notifications.added"),
            {{QStringLiteral("kind"), QStringLiteral("reward")}});
        QVERIFY(
            notice.value(QStringLiteral("title")).toString().contains(QStringLiteral("T-shirt")));
        // The pushed notice is the one the list shows, field for field (the push is built from
        // the row the SQL hands back, the list from columns).
        const QJsonArray listed = resultOf(yuri.call(QStringLiteral("notifications.list")))
                                      .value(QStringLiteral("notifications"))
                                      .toArray();
        QVERIFY(listed.contains(notice));
        QCOMPARE(
            notice.value(QStringLiteral("data"))[QStringLiteral("rewardId")].toString(), shirt);
        QVERIFY(fromWireTime(notice.value(QStringLiteral("createdAt"))).isValid());
        QVERIFY(rewardOf(yuri, yuriId).value(QStringLiteral("eligible")).toBool());
        QVERIFY(m_manager
                    .call(QStringLiteral("timeclock.updateEntry"),
                        {{QStringLiteral("entryId"), entry},
                            {QStringLiteral("stop"), wireTime(t0.addSecs(4 * 3600 + 1800))},
                            {QStringLiteral("reason"), QStringLiteral("Later still")}})
                    .contains(QStringLiteral("result")));
        QCOMPARE(
            m_server->sql()
                .exec("SELECT count(*) FROM notifications WHERE user_id = $1 AND kind = 'reward'",
                    PgParams() << m_people.value(QStringLiteral("yuri")))
                .toInt(0, 0),
            1);
        // Exactly at a threshold is not past it; a reward made below what he has announces itself.
        QVERIFY(m_admin
                    .call(QStringLiteral("rewards.create"),
                        {{QStringLiteral("name"), QStringLiteral("Mug")},
                            {QStringLiteral("thresholdHours"), 4.5}})
                    .contains(QStringLiteral("result")));
        QVERIFY(m_admin
                    .call(QStringLiteral("rewards.create"),
                        {{QStringLiteral("name"), QStringLiteral("Pin")},
                            {QStringLiteral("thresholdHours"), 2}})
                    .contains(QStringLiteral("result")));
        QVERIFY(yuri.waitForPush(QStringLiteral("notifications.added"),
                        {{QStringLiteral("title"), QStringLiteral("Reward available: Pin")}})
                    .contains(QStringLiteral("id")));
        QCOMPARE(
            m_server->sql()
                .exec("SELECT count(*) FROM notifications WHERE user_id = $1 AND kind = 'reward'",
                    PgParams() << m_people.value(QStringLiteral("yuri")))
                .toInt(0, 0),
            2);
        // Listed by threshold as he stands with them; a name is taken whatever its case; a
        // manager's answer to a change says nothing of anyone's standing.
        QStringList names;
        for (const QJsonValue &r : resultOf(yuri.call(QStringLiteral("rewards.list")))
                                       .value(QStringLiteral("rewards"))
                                       .toArray())
            names << r[QStringLiteral("name")].toString();
        QCOMPARE(names,
            (QStringList {
                QStringLiteral("Pin"), QStringLiteral("T-shirt"), QStringLiteral("Mug")}));
        QCOMPARE(TestClient::errorReason(m_admin.call(QStringLiteral("rewards.create"),
                     {{QStringLiteral("name"), QStringLiteral("PIN")},
                         {QStringLiteral("thresholdHours"), 9}})),
            QStringLiteral("conflict"));
        const QJsonObject renamed
            = resultOf(m_admin.call(QStringLiteral("rewards.update"),
                           {{QStringLiteral("rewardId"), shirt},
                               {QStringLiteral("description"),
                                   QStringLiteral("At the volunteer desk, row 2")}}))
                  .value(QStringLiteral("reward"))
                  .toObject();
        QCOMPARE(renamed.value(QStringLiteral("thresholdHours")).toDouble(), 3.5);
        QCOMPARE(renamed.value(QStringLiteral("name")).toString(), QStringLiteral("T-shirt"));
        QVERIFY(!renamed.contains(QStringLiteral("claimed")));

        // Managers hand rewards over; he is told; twice is a conflict; not yet earned is refused.
        const QJsonObject claimed = resultOf(m_manager.call(QStringLiteral("rewards.claim"),
            {{QStringLiteral("rewardId"), shirt}, {QStringLiteral("userId"), yuriId}}));
        QVERIFY(claimed[QStringLiteral("reward")][QStringLiteral("claimed")].toBool());
        QVERIFY(yuri.waitForPush(QStringLiteral("notifications.added"),
                        {{QStringLiteral("kind"), QStringLiteral("reward_claimed")}})
                    .contains(QStringLiteral("id")));
        QVERIFY(rewardOf(m_manager, yuriId).value(QStringLiteral("claimed")).toBool());
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("rewards.claim"),
                     {{QStringLiteral("rewardId"), shirt}, {QStringLiteral("userId"), yuriId}})),
            QStringLiteral("already_claimed"));
        QVERIFY(m_manager
                    .call(QStringLiteral("rewards.unclaim"),
                        {{QStringLiteral("rewardId"), shirt}, {QStringLiteral("userId"), yuriId}})
                    .contains(QStringLiteral("result")));
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("rewards.unclaim"),
                     {{QStringLiteral("rewardId"), shirt}, {QStringLiteral("userId"), yuriId}})),
            QStringLiteral("not_claimed"));
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("rewards.claim"),
                     {{QStringLiteral("rewardId"), shirt},
                         {QStringLiteral("userId"), id(m_people.value(QStringLiteral("zoe")))}})),
            QStringLiteral("not_eligible"));
        // Volunteers see only their own.
        QCOMPARE(TestClient::errorReason(yuri.call(QStringLiteral("rewards.list"),
                     {{QStringLiteral("userId"), id(m_people.value(QStringLiteral("zoe")))}})),
            QStringLiteral("forbidden"));
        QCOMPARE(TestClient::errorReason(yuri.call(QStringLiteral("timeclock.entries"),
                     {{QStringLiteral("userId"), id(m_people.value(QStringLiteral("zoe")))}})),
            QStringLiteral("forbidden"));
        QCOMPARE(resultOf(yuri.call(QStringLiteral("timeclock.entries")))
                     .value(QStringLiteral("entries"))
                     .toArray()
                     .size(),
            1);
    }

    void clockingOutAnnouncesRewardsAtOnce()
    {
        // Victor has the hour he worked offline; a three-hour shift ending now passes the
        // 2-hour "Pin", and he hears it as the shift stops.
        TestClient victor;
        QVERIFY(victor.signIn(m_server->wsUrl(), QStringLiteral("victor")));
        QVERIFY(entryOf(addEntry(QStringLiteral("victor"), m_ops,
                            QDateTime::currentDateTimeUtc().addSecs(-3 * 3600), QDateTime()))
                    .contains(QStringLiteral("id")));
        // A check-in earns nothing yet: by his round trip after it, no notice has come.
        QVERIFY(
            victor.call(QStringLiteral("notifications.list")).contains(QStringLiteral("result")));
        QVERIFY(victor.noPush(QStringLiteral("notifications.added"), {}, 0));
        QVERIFY(m_manager
                    .call(QStringLiteral("timeclock.stopEntry"),
                        {{QStringLiteral("userId"), id(m_people.value(QStringLiteral("victor")))}})
                    .contains(QStringLiteral("result")));
        QVERIFY(victor
                    .waitForPush(QStringLiteral("notifications.added"),
                        {{QStringLiteral("title"), QStringLiteral("Reward available: Pin")}})
                    .contains(QStringLiteral("id")));
    }

    void dayBoundaryStopsOngoingShiftsOnce()
    {
        TestClient ben;
        QVERIFY(ben.signIn(m_server->wsUrl(), QStringLiteral("ben")));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QJsonObject long_
            = entryOf(addEntry(QStringLiteral("ben"), m_ops, now.addSecs(-3 * 3600), QDateTime()));
        const QJsonObject short_
            = entryOf(addEntry(QStringLiteral("zoe"), m_ops, now.addSecs(-20 * 60), QDateTime()));
        QVERIFY(!long_.isEmpty() && !short_.isEmpty());
        m_server->sql().exec(
            "UPDATE events SET last_boundary_at = last_boundary_at - interval '1 day'");

        // Another server process is doing the same boundary right now: this one keeps off.
        PgSyncConnection otherServer(m_server->conninfo());
        QVERIFY(otherServer.exec("BEGIN").ok());
        const PgResult theirs
            = otherServer.exec("SELECT muster_stop_at_boundaries(NULL, false, NULL)");
        QVERIFY(theirs.ok());
        QVERIFY(theirs.text(0, 0).contains(long_.value(QStringLiteral("id")).toString()));
        DayBoundaryService &boundary = m_server->server().timeclock().dayBoundary;
        QSignalSpy stopped(&boundary, &DayBoundaryService::stopped);
        boundary.run();
        QVERIFY(stopped.wait(5000));
        QCOMPARE(stopped.takeFirst().at(0).toInt(), 0);
        QVERIFY(otherServer.exec("ROLLBACK").ok()); // it failed after all: the work is still due
        boundary.run();
        QVERIFY(stopped.wait(5000));
        QCOMPARE(stopped.takeFirst().at(0).toInt(), 2);
        boundary.run();
        QVERIFY(stopped.wait(5000));
        QCOMPARE(stopped.takeFirst().at(0).toInt(), 0); // done for this boundary

        const QJsonArray bens = resultOf(ben.call(QStringLiteral("timeclock.entries")))
                                    .value(QStringLiteral("entries"))
                                    .toArray();
        QCOMPARE(bens.size(), 1);
        QVERIFY(bens.at(0)[QStringLiteral("autoStopped")].toBool());
        QCOMPARE(bens.at(0)[QStringLiteral("workedSeconds")].toInt(), 3600); // start + 1 h
        const QJsonArray zoes
            = resultOf(m_manager.call(QStringLiteral("timeclock.entries"),
                           {{QStringLiteral("userId"), id(m_people.value(QStringLiteral("zoe")))}}))
                  .value(QStringLiteral("entries"))
                  .toArray();
        QVERIFY(qAbs(zoes.at(0)[QStringLiteral("workedSeconds")].toInt() - 20 * 60) < 30); // now
        // Ben must acknowledge; his notice comes first until he does.
        const QJsonObject notice = ben.waitForPush(QStringLiteral("notifications.added"),
            {{QStringLiteral("kind"), QStringLiteral("auto_stop")}});
        QVERIFY(notice.value(QStringLiteral("requiresAck")).toBool());
        QJsonArray list = resultOf(ben.call(QStringLiteral("notifications.list")))
                              .value(QStringLiteral("notifications"))
                              .toArray();
        QCOMPARE(list.at(0)[QStringLiteral("id")], notice.value(QStringLiteral("id")));
        QVERIFY(!list.at(0)[QStringLiteral("acknowledged")].toBool());
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("notifications.acknowledge"),
                     {{QStringLiteral("notificationId"), notice.value(QStringLiteral("id"))}})),
            QStringLiteral("not_found"));
        QVERIFY(resultOf(ben.call(QStringLiteral("notifications.acknowledge"),
            {{QStringLiteral("notificationId"),
                notice.value(QStringLiteral(
                    "id"))}}))[QStringLiteral("notification")][QStringLiteral("acknowledged")]
                    .toBool());
        QCOMPARE(resultOf(ben.call(QStringLiteral("notifications.list"),
                              {{QStringLiteral("unreadOnly"), true}}))
                     .value(QStringLiteral("notifications"))
                     .toArray()
                     .size(),
            0);
        // A manager sees Ben's notices, and that he has read this one; a lead, another
        // organisation's admin, or a person who is nobody get a clear no.
        const QJsonObject bensNotices {
            {QStringLiteral("userId"), id(m_people.value(QStringLiteral("ben")))}};
        list = resultOf(m_manager.call(QStringLiteral("notifications.list"), bensNotices))
                   .value(QStringLiteral("notifications"))
                   .toArray();
        QCOMPARE(list.at(0)[QStringLiteral("id")], notice.value(QStringLiteral("id")));
        QVERIFY(list.at(0)[QStringLiteral("acknowledged")].toBool());
        QCOMPARE(
            TestClient::errorReason(m_lead.call(QStringLiteral("notifications.list"), bensNotices)),
            QStringLiteral("forbidden"));
        QCOMPARE(TestClient::errorReason(
                     m_otherAdmin.call(QStringLiteral("notifications.list"), bensNotices)),
            QStringLiteral("not_found"));
        QCOMPARE(
            TestClient::errorReason(m_manager.call(QStringLiteral("notifications.list"),
                {{QStringLiteral("userId"), QUuid::createUuid().toString(QUuid::WithoutBraces)}})),
            QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorReason(m_manager.call(
                     QStringLiteral("notifications.list"), {{QStringLiteral("userId"), 42}})),
            QStringLiteral("invalid_params"));
        // Someone with no notice at all has an empty list, not a list of one empty notice.
        const QUuid noticeless
            = m_server->sql()
                  .exec("SELECT id FROM users u WHERE organisation_id = (SELECT organisation_id"
                        " FROM users WHERE id = $1) AND NOT EXISTS (SELECT 1 FROM notifications n"
                        " WHERE n.user_id = u.id) LIMIT 1",
                      PgParams() << m_people.value(QStringLiteral("ben")))
                  .uuid(0, 0);
        QVERIFY(!noticeless.isNull());
        QCOMPARE(resultOf(m_manager.call(QStringLiteral("notifications.list"),
                              {{QStringLiteral("userId"), id(noticeless)}}))
                     .value(QStringLiteral("notifications"))
                     .toArray()
                     .size(),
            0);
        QVERIFY(personState(QStringLiteral("ben")).value(QStringLiteral("stateId")).toString()
            != m_shiftState);

        // Nobody has to call it: the server checks by itself.
        const QJsonObject again
            = entryOf(addEntry(QStringLiteral("ben"), m_ops, now.addSecs(-600), QDateTime()));
        m_server->sql().exec(
            "UPDATE events SET last_boundary_at = last_boundary_at - interval '1 day'");
        boundary.start(std::chrono::milliseconds(200));
        QVERIFY(stopped.wait(5000));
        QCOMPARE(stopped.takeFirst().at(0).toInt(), 1);
        QVERIFY(
            m_server->sql()
                .exec("SELECT auto_stopped FROM time_entries WHERE id = $1",
                    PgParams() << QUuid::fromString(again.value(QStringLiteral("id")).toString()))
                .toBool(0, 0));
        boundary.start(std::chrono::hours(1));
    }

    void aNewEventStartsSetUpLikeAnEarlierOne()
    {
        const QTimeZone berlin("Europe/Berlin");
        const QDate first = QDate::currentDate().addDays(30);
        const auto event = [this, &berlin](const QString &name, const QDate &day, int hour,
                               const QJsonValue &copyFrom = {}) {
            QJsonObject params {{QStringLiteral("name"), name},
                {QStringLiteral("timeZone"), QStringLiteral("Europe/Berlin")},
                {QStringLiteral("start"), wireTime(QDateTime(day, QTime(hour, 0), berlin))},
                {QStringLiteral("end"), wireTime(QDateTime(day.addDays(3), QTime(18, 0), berlin))}};
            if (!copyFrom.isNull())
                params.insert(QStringLiteral("copySetupFrom"), copyFrom);
            return m_admin.call(QStringLiteral("events.create"), params);
        };
        const QString spring = resultOf(event(QStringLiteral("Spring"), first, 9))
                                   .value(QStringLiteral("event"))[QStringLiteral("id")]
                                   .toString();
        QVERIFY(!spring.isEmpty());
        // Day two, 14:00 to 16:00 on the event's clock, double for Ops; a mug at 5 hours.
        QVERIFY(resultOf(m_admin.call(QStringLiteral("bonuses.create"),
                             {{QStringLiteral("eventId"), spring},
                                 {QStringLiteral("start"),
                                     wireTime(QDateTime(first.addDays(1), QTime(14, 0), berlin))},
                                 {QStringLiteral("end"),
                                     wireTime(QDateTime(first.addDays(1), QTime(16, 0), berlin))},
                                 {QStringLiteral("multiplier"), 2},
                                 {QStringLiteral("teamIds"), QJsonArray {m_ops}}}))
                    .contains(QStringLiteral("bonus")));
        QVERIFY(resultOf(m_admin.call(QStringLiteral("rewards.create"),
                             {{QStringLiteral("eventId"), spring},
                                 {QStringLiteral("name"), QStringLiteral("Mug")},
                                 {QStringLiteral("thresholdHours"), 5}}))
                    .contains(QStringLiteral("reward")));

        // Autumn starts another day at another hour: the window keeps its day and its clock.
        const QDate autumn = first.addDays(180);
        // Another organisation's event is nobody's to copy here.
        const QString theirs = resultOf(
            m_otherAdmin.call(QStringLiteral("events.create"),
                {{QStringLiteral("name"), QStringLiteral("Theirs")},
                    {QStringLiteral("timeZone"), QStringLiteral("UTC")},
                    {QStringLiteral("start"), wireTime(QDateTime(first, QTime(9, 0), berlin))},
                    {QStringLiteral("end"),
                        wireTime(QDateTime(first.addDays(1), QTime(9, 0), berlin))}}))
                                   .value(QStringLiteral("event"))[QStringLiteral("id")]
                                   .toString();
        QVERIFY(!theirs.isEmpty());
        QCOMPARE(TestClient::errorReason(event(QStringLiteral("Autumn"), autumn, 10, theirs)),
            QStringLiteral("not_found"));
        const QString copy = resultOf(event(QStringLiteral("Autumn"), autumn, 10, spring))
                                 .value(QStringLiteral("event"))[QStringLiteral("id")]
                                 .toString();
        QVERIFY(!copy.isEmpty());
        const QJsonArray bonuses = resultOf(
            m_admin.call(QStringLiteral("bonuses.list"), {{QStringLiteral("eventId"), copy}}))
                                       .value(QStringLiteral("bonuses"))
                                       .toArray();
        QCOMPARE(bonuses.size(), 1);
        const QJsonObject bonus = bonuses.at(0).toObject();
        QCOMPARE(QDateTime::fromString(
                     bonus.value(QStringLiteral("start")).toString(), Qt::ISODateWithMs),
            QDateTime(autumn.addDays(1), QTime(14, 0), berlin).toUTC());
        QCOMPARE(
            QDateTime::fromString(bonus.value(QStringLiteral("end")).toString(), Qt::ISODateWithMs),
            QDateTime(autumn.addDays(1), QTime(16, 0), berlin).toUTC());
        QCOMPARE(bonus.value(QStringLiteral("teamIds")).toArray(), QJsonArray {m_ops});
        QCOMPARE(bonus.value(QStringLiteral("multiplier")).toDouble(), 2.0);
        const QJsonArray rewards = resultOf(
            m_admin.call(QStringLiteral("rewards.list"), {{QStringLiteral("eventId"), copy}}))
                                       .value(QStringLiteral("rewards"))
                                       .toArray();
        QCOMPARE(rewards.size(), 1);
        QCOMPARE(rewards.at(0)[QStringLiteral("name")].toString(), QStringLiteral("Mug"));
        QCOMPARE(m_server->auditCount(QStringLiteral("event.copySetup")), 1);
        // The refused copy left no event behind.
        QCOMPARE(
            m_server->sql().exec("SELECT count(*) FROM events WHERE name = 'Autumn'").toInt(0, 0),
            1);
    }

    void pastEventsAreReadOnly()
    {
        const PgResult inserted
            = m_server->sql().exec("INSERT INTO time_entries (organisation_id, event_id, user_id, "
                                   "team_id, start_at, stop_at, source)"
                                   " SELECT e.organisation_id, e.id, $2, $3, e.starts_at, "
                                   "e.starts_at + interval '2 hours', 'manager'"
                                   " FROM events e WHERE e.id = $1 RETURNING id",
                PgParams() << QUuid::fromString(m_pastEvent)
                           << m_people.value(QStringLiteral("vera")) << QUuid::fromString(m_ops));
        QVERIFY(inserted.ok());
        const QString old = inserted.uuid(0, 0).toString(QUuid::WithoutBraces);
        QCOMPARE(
            TestClient::errorReason(m_manager.call(QStringLiteral("timeclock.updateEntry"),
                {{QStringLiteral("entryId"), old}, {QStringLiteral("notes"), QStringLiteral("x")},
                    {QStringLiteral("reason"), QStringLiteral("y")}})),
            QStringLiteral("event_closed"));
        QCOMPARE(TestClient::errorReason(m_manager.call(
                     QStringLiteral("timeclock.deleteEntry"), {{QStringLiteral("entryId"), old}})),
            QStringLiteral("event_closed"));
        QCOMPARE(TestClient::errorReason(m_admin.call(QStringLiteral("rewards.create"),
                     {{QStringLiteral("eventId"), m_pastEvent},
                         {QStringLiteral("name"), QStringLiteral("Late")},
                         {QStringLiteral("thresholdHours"), 1}})),
            QStringLiteral("event_closed"));
        QCOMPARE(
            TestClient::errorReason(m_admin.call(QStringLiteral("bonuses.create"),
                {{QStringLiteral("eventId"), m_pastEvent},
                    {QStringLiteral("start"), wireTime(QDateTime::currentDateTimeUtc())},
                    {QStringLiteral("end"), wireTime(QDateTime::currentDateTimeUtc().addSecs(60))},
                    {QStringLiteral("multiplier"), 2},
                    {QStringLiteral("teamIds"), QJsonArray {m_ops}}})),
            QStringLiteral("event_closed"));
        // Still readable.
        QCOMPARE(
            resultOf(
                m_manager.call(QStringLiteral("timeclock.entries"),
                    {{QStringLiteral("eventId"), m_pastEvent},
                        {QStringLiteral("userId"), id(m_people.value(QStringLiteral("vera")))}}))
                .value(QStringLiteral("entries"))
                .toArray()
                .size(),
            1);
        // An organisation without an active event has nothing to clock into.
        TestClient otherStaff;
        QVERIFY(otherStaff.signIn(m_server->wsUrl(), QStringLiteral("otherstaff")));
        QCOMPARE(
            TestClient::errorReason(otherStaff.call(QStringLiteral("timeclock.clockIn"),
                {{QStringLiteral("actionId"), newActionId()}, {QStringLiteral("teamId"), m_ops}})),
            QStringLiteral("no_active_event"));
    }

    void organisationsNeverReachEachOther()
    {
        const QString vera = id(m_people.value(QStringLiteral("vera")));
        const QString entry = resultOf(
            m_manager.call(QStringLiteral("timeclock.entries"), {{QStringLiteral("userId"), vera}}))
                                  .value(QStringLiteral("entries"))
                                  .toArray()
                                  .at(0)[QStringLiteral("id")]
                                  .toString();
        const QString reward = resultOf(m_manager.call(QStringLiteral("rewards.list")))
                                   .value(QStringLiteral("rewards"))
                                   .toArray()
                                   .at(0)[QStringLiteral("id")]
                                   .toString();
        const QString bonus = resultOf(m_manager.call(QStringLiteral("bonuses.list")))
                                  .value(QStringLiteral("bonuses"))
                                  .toArray()
                                  .at(0)[QStringLiteral("id")]
                                  .toString();
        QVERIFY(!entry.isEmpty() && !reward.isEmpty() && !bonus.isEmpty());
        const auto otherChanges = [this] {
            return m_server->sql()
                .exec("SELECT count(*) FROM activities a JOIN organisations o ON o.id = "
                      "a.organisation_id"
                      " WHERE o.name = 'Other'")
                .toInt(0, 0);
        };
        const qint64 before = otherChanges();
        const QList<std::pair<QString, QJsonObject>> attempts {
            {QStringLiteral("timeclock.updateEntry"),
                {{QStringLiteral("entryId"), entry},
                    {QStringLiteral("notes"), QStringLiteral("mine")},
                    {QStringLiteral("reason"), QStringLiteral("x")}}},
            {QStringLiteral("timeclock.deleteEntry"), {{QStringLiteral("entryId"), entry}}},
            {QStringLiteral("timeclock.stopEntry"), {{QStringLiteral("userId"), vera}}},
            {QStringLiteral("timeclock.totals"), {{QStringLiteral("userId"), vera}}},
            {QStringLiteral("timeclock.addEntry"),
                {{QStringLiteral("userId"), vera}, {QStringLiteral("teamId"), m_ops},
                    {QStringLiteral("start"), wireTime(QDateTime::currentDateTimeUtc())}}},
            {QStringLiteral("rewards.claim"),
                {{QStringLiteral("rewardId"), reward}, {QStringLiteral("userId"), vera}}},
            {QStringLiteral("rewards.update"),
                {{QStringLiteral("rewardId"), reward},
                    {QStringLiteral("name"), QStringLiteral("Mine")}}},
            {QStringLiteral("bonuses.update"),
                {{QStringLiteral("bonusId"), bonus}, {QStringLiteral("multiplier"), 5}}},
            {QStringLiteral("bonuses.delete"), {{QStringLiteral("bonusId"), bonus}}},
        };
        for (const auto &[method, params] : attempts) {
            const QString reason = TestClient::errorReason(m_otherAdmin.call(method, params));
            QVERIFY2(reason == QStringLiteral("not_found")
                    || reason == QStringLiteral("no_active_event"),
                qPrintable(method + u' ' + reason));
        }
        // Reads about another organisation's event or person answer not_found, not an empty
        // list that looks like "nothing there".
        const QJsonObject ofEvent {{QStringLiteral("eventId"), m_event}};
        const QList<std::pair<QString, QJsonObject>> reads {
            {QStringLiteral("timeclock.entries"), ofEvent},
            {QStringLiteral("timeclock.entries"), {{QStringLiteral("userId"), vera}}},
            {QStringLiteral("timeclock.ongoing"), ofEvent},
            {QStringLiteral("bonuses.list"), ofEvent},
            {QStringLiteral("rewards.list"), ofEvent},
            {QStringLiteral("rewards.list"), {{QStringLiteral("userId"), vera}}},
            {QStringLiteral("attendeeLogs.list"), ofEvent},
            {QStringLiteral("timeclock.entries"), {{QStringLiteral("eventId"), newActionId()}}},
        };
        for (const auto &[method, params] : reads) {
            const QString reason = TestClient::errorReason(m_otherAdmin.call(method, params));
            QVERIFY2(reason == QStringLiteral("not_found"), qPrintable(method + u' ' + reason));
        }
        // The same reads of one's own organisation still answer lists.
        QVERIFY(resultOf(m_manager.call(QStringLiteral("timeclock.ongoing"), ofEvent))
                    .value(QStringLiteral("entries"))
                    .isArray());
        // Nothing changed anywhere on their behalf.
        QCOMPARE(otherChanges(), before);
    }
};

QTEST_GUILESS_MAIN(TestTimeclock)
#include "tst_timeclock.moc"
