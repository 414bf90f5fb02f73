// Three muster-server processes on one database, as behind a load balancer without sticky
// sessions: every kind of push reaches people whichever server they are connected to, "online"
// is the same on every server, a killed server's people go offline everywhere within the stated
// bound, and after PostgreSQL itself restarts pushes flow again and clients were told to resync.
#include "cluster/pushrelay.h"
#include "db/listenconnection.h"
#include "testcluster.h"
#include "timeclockhelpers.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace Muster;
using namespace Muster::Test;

namespace {

// Short, so the suite runs in seconds; the defaults are 5 s and 20 s (docs/operations.md).
constexpr std::chrono::milliseconds kBeat {300};
constexpr std::chrono::milliseconds kSilence {1500};

QString id(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

QJsonObject personIn(const QJsonObject &snapshot, const QUuid &userId)
{
    for (const QJsonValue &p : snapshot.value(QStringLiteral("people")).toArray()) {
        if (p[QStringLiteral("userId")].toString() == id(userId))
            return p.toObject();
    }
    return {};
}

QString serverBinary()
{
    return qEnvironmentVariable("MUSTER_SERVER_BINARY");
}

} // namespace

class TestMultiServer : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_servers[3];
    QHash<QString, QUuid> m_people;
    QUuid m_org;
    QString m_event;

    TestServer &server(int i) { return *m_servers[i]; }
    QUrl url(int i) { return m_servers[i]->wsUrl(); }

    QUuid person(const QString &login, Role role, const QString &badge = {})
    {
        const QUuid uuid = createBadgeHolder(server(0), login, QStringLiteral("Con"), role, badge);
        m_people.insert(login, uuid);
        return uuid;
    }

    // Waits until a presence push, single (presence.changed) or batched (presence.changes), says
    // this about the person. Takes nothing, so later checks see every push.
    static bool waitForPresence(
        TestClient &client, const QUuid &userId, bool online, int timeoutMs = 5000)
    {
        const auto says = [&](const QJsonObject &change) {
            return change.value(QStringLiteral("userId")).toString() == id(userId)
                && change.value(QStringLiteral("online")).toBool() == online;
        };
        return QTest::qWaitFor(
            [&] {
                for (const QJsonObject &push : client.pushes()) {
                    const QString method = push.value(QStringLiteral("method")).toString();
                    const QJsonObject params = push.value(QStringLiteral("params")).toObject();
                    if (method == QLatin1String("presence.changed") && says(params))
                        return true;
                    if (method == QLatin1String("presence.changes")) {
                        for (const QJsonValue &c :
                            params.value(QStringLiteral("changes")).toArray()) {
                            if (says(c.toObject()))
                                return true;
                        }
                    }
                }
                return false;
            },
            timeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (int i = 0; i < 3; ++i) {
            m_servers[i] = std::make_unique<TestServer>();
            server(i).config().heartbeat = {kBeat, kSilence};
            const bool started = i == 0 ? server(0).start() : server(i).startSharing(server(0));
            QVERIFY2(started, qPrintable(server(i).errorMessage()));
        }
        for (int i = 0; i < 3; ++i)
            QTRY_VERIFY(server(i).server().listener().isListening());
        m_org = server(0).createOrganisation(QStringLiteral("Con"));
        QVERIFY(!m_org.isNull());
        QVERIFY(!server(0).createOrganisation(QStringLiteral("Other")).isNull());
        person(QStringLiteral("admin"), Role::Admin);
        person(QStringLiteral("manager"), Role::Manager, QStringLiteral("100"));
        person(QStringLiteral("lead"), Role::Lead);
        person(QStringLiteral("sam"), Role::Staff);
        person(QStringLiteral("vera"), Role::Volunteer, QStringLiteral("301"));
        person(QStringLiteral("ben"), Role::Volunteer, QStringLiteral("302"));
        QVERIFY(!server(0)
                     .createUser(QStringLiteral("root"), QStringLiteral("Other"), Role::Admin)
                     .isNull());
        server(0).sql().exec("UPDATE users SET is_superadmin = true WHERE login = 'root'");
        TestClient admin;
        QVERIFY(admin.signIn(url(0), QStringLiteral("admin")));
        m_event = createActiveEvent(admin, QStringLiteral("Con 2026"));
        QVERIFY(!m_event.isEmpty());
    }

    void presenceAndOnlineAgreeOnEveryServer()
    {
        TestClient onFirst, onSecond, onThird;
        QVERIFY(onFirst.signIn(url(0), QStringLiteral("admin")));
        QVERIFY(onSecond.signIn(url(1), QStringLiteral("manager")));
        // Sam arrives on the third server: the others see him come online.
        QVERIFY(onThird.signIn(url(2), QStringLiteral("sam")));
        const QUuid sam = m_people.value(QStringLiteral("sam"));
        QVERIFY(waitForPresence(onFirst, sam, true));
        QVERIFY(waitForPresence(onSecond, sam, true));
        for (int i = 0; i < 3; ++i) {
            TestClient reader;
            QVERIFY(reader.signIn(url(i), QStringLiteral("lead")));
            QCOMPARE(personIn(resultOf(reader.call(QStringLiteral("presence.list"))), sam)
                         .value(QStringLiteral("online")),
                QJsonValue(true));
        }
        // His state, set on the third server, reaches the first and second.
        const QJsonObject board = resultOf(onThird.call(QStringLiteral("presence.list")));
        const QString busy = stateIdByLabel(board, QStringLiteral("In a meeting"));
        QVERIFY(!busy.isEmpty());
        QVERIFY(onThird
                    .call(QStringLiteral("presence.set"),
                        {{QStringLiteral("stateId"), busy},
                            {QStringLiteral("message"), QStringLiteral("room 4")}})
                    .contains(QStringLiteral("result")));
        const QJsonObject match {{QStringLiteral("userId"), id(sam)},
            {QStringLiteral("stateId"), busy},
            {QStringLiteral("message"), QStringLiteral("room 4")}};
        QVERIFY(!onFirst.waitForPush(QStringLiteral("presence.changed"), match).isEmpty());
        QVERIFY(!onSecond.waitForPush(QStringLiteral("presence.changed"), match).isEmpty());

        // A second connection of Sam's on another server: closing the first keeps him online.
        TestClient samAgain;
        QVERIFY(samAgain.signIn(url(1), QStringLiteral("sam")));
        onFirst.clearPushes();
        onThird.socket().close();
        QVERIFY(onThird.waitForDisconnect());
        QVERIFY(waitForPresence(onFirst, sam, true)); // the departure from server 3 says: still on
        QVERIFY(!waitForPresence(onFirst, sam, false, 300));
        // Closing the last one makes him offline everywhere, with a "last seen".
        samAgain.socket().close();
        QVERIFY(waitForPresence(onFirst, sam, false));
        QVERIFY(waitForPresence(onSecond, sam, false));
        for (int i = 0; i < 3; ++i) {
            TestClient reader;
            QVERIFY(reader.signIn(url(i), QStringLiteral("lead")));
            const QJsonObject p
                = personIn(resultOf(reader.call(QStringLiteral("presence.list"))), sam);
            QCOMPARE(p.value(QStringLiteral("online")), QJsonValue(false));
            QVERIFY(!p.value(QStringLiteral("lastSeen")).toString().isEmpty());
        }
    }

    void boardChangesReachEveryServer()
    {
        TestClient admin, manager, lead, sam;
        QVERIFY(admin.signIn(url(0), QStringLiteral("admin")));
        QVERIFY(manager.signIn(url(1), QStringLiteral("manager")));
        QVERIFY(lead.signIn(url(2), QStringLiteral("lead")));
        QVERIFY(sam.signIn(url(2), QStringLiteral("sam")));
        // States.
        QVERIFY(admin
                    .call(QStringLiteral("states.create"),
                        {{QStringLiteral("label"), QStringLiteral("On stage")},
                            {QStringLiteral("color"), QStringLiteral("#aa3300")}})
                    .contains(QStringLiteral("result")));
        QVERIFY(!manager.waitForPush(QStringLiteral("states.changed")).isEmpty());
        QVERIFY(!lead.waitForPush(QStringLiteral("states.changed")).isEmpty());
        // Teams: managers see every team, the others only the visible ones (two audiences).
        QVERIFY(admin
                    .call(QStringLiteral("teams.create"),
                        {{QStringLiteral("name"), QStringLiteral("Stage crew")},
                            {QStringLiteral("hidden"), true}})
                    .contains(QStringLiteral("result")));
        const QJsonObject managers = manager.waitForPush(QStringLiteral("teams.changed"));
        const QJsonObject others = sam.waitForPush(QStringLiteral("teams.changed"));
        const auto names = [](const QJsonObject &push) {
            QStringList n;
            for (const QJsonValue &t : push.value(QStringLiteral("teams")).toArray())
                n << t[QStringLiteral("name")].toString();
            return n;
        };
        QVERIFY(names(managers).contains(QStringLiteral("Stage crew")));
        QVERIFY(!names(others).isEmpty());
        QVERIFY(!names(others).contains(QStringLiteral("Stage crew")));
        // Profiles.
        QVERIFY(sam.call(QStringLiteral("profile.update"),
                       {{QStringLiteral("displayName"), QStringLiteral("Samuel")}})
                    .contains(QStringLiteral("result")));
        QVERIFY(!admin
                     .waitForPush(QStringLiteral("profile.changed"),
                         {{QStringLiteral("displayName"), QStringLiteral("Samuel")}})
                     .isEmpty());
        // Roles, changed by an admin on the first server, reach the board on the second and the
        // person's own connection on the third, whose rights change at once.
        QVERIFY(admin
                    .call(QStringLiteral("users.update"),
                        {{QStringLiteral("userId"), id(m_people.value(QStringLiteral("sam")))},
                            {QStringLiteral("role"), QStringLiteral("lead")}})
                    .contains(QStringLiteral("result")));
        QVERIFY(!manager
                     .waitForPush(QStringLiteral("profile.changed"),
                         {{QStringLiteral("role"), QStringLiteral("lead")}})
                     .isEmpty());
        QTRY_COMPARE(TestClient::errorReason(sam.call(QStringLiteral("kiosks.list"))), QString());
        QVERIFY(admin
                    .call(QStringLiteral("users.update"),
                        {{QStringLiteral("userId"), id(m_people.value(QStringLiteral("sam")))},
                            {QStringLiteral("role"), QStringLiteral("staff")}})
                    .contains(QStringLiteral("result")));
    }

    void superadminsWatchAcrossServers()
    {
        TestClient root, admin;
        QVERIFY(root.signIn(url(2), QStringLiteral("root")));
        QVERIFY(admin.signIn(url(0), QStringLiteral("admin")));
        QVERIFY(root.call(QStringLiteral("organisations.watch"),
                        {{QStringLiteral("organisationId"), id(m_org)}})
                    .contains(QStringLiteral("result")));
        QVERIFY(admin
                    .call(QStringLiteral("states.create"),
                        {{QStringLiteral("label"), QStringLiteral("Watched")},
                            {QStringLiteral("color"), QStringLiteral("#003366")}})
                    .contains(QStringLiteral("result")));
        QVERIFY(!root.waitForPush(QStringLiteral("states.changed"),
                         {{QStringLiteral("organisationId"), id(m_org)}})
                     .isEmpty());
    }

    void theClearAfterSweepReachesEveryServer()
    {
        TestClient ben, manager;
        QVERIFY(ben.signIn(url(0), QStringLiteral("ben")));
        QVERIFY(manager.signIn(url(2), QStringLiteral("manager")));
        const QJsonObject board = resultOf(ben.call(QStringLiteral("presence.list")));
        const QString busy = stateIdByLabel(board, QStringLiteral("In a meeting"));
        const QString until = wireTime(QDateTime::currentDateTimeUtc().addMSecs(1500));
        QVERIFY(ben.call(QStringLiteral("presence.set"),
                       {{QStringLiteral("stateId"), busy}, {QStringLiteral("until"), until}})
                    .contains(QStringLiteral("result")));
        // Whichever server sweeps it, the manager on the third sees Ben back in the default.
        const QString available = stateIdByLabel(board, QStringLiteral("Available"));
        QVERIFY(!manager
                     .waitForPush(QStringLiteral("presence.changed"),
                         {{QStringLiteral("userId"), id(m_people.value(QStringLiteral("ben")))},
                             {QStringLiteral("stateId"), available}},
                         10000)
                     .isEmpty());
    }

    void kioskPairedClockedAndRevokedAcrossServers()
    {
        TestClient lead, manager, veraAtDesk, kiosk;
        QVERIFY(lead.signIn(url(0), QStringLiteral("lead")));
        QVERIFY(manager.signIn(url(2), QStringLiteral("manager")));
        QVERIFY(veraAtDesk.signIn(url(0), QStringLiteral("vera")));
        QVERIFY(veraAtDesk
                    .call(QStringLiteral("profile.setPin"),
                        {{QStringLiteral("pin"), QStringLiteral("2468")}})
                    .contains(QStringLiteral("result")));
        // The kiosk waits on the second server; the lead approves it on the first.
        QVERIFY(kiosk.open(url(1)));
        const QJsonObject pairing = resultOf(kiosk.call(QStringLiteral("kiosk.register")));
        const QString code = pairing.value(QStringLiteral("pairingCode")).toString();
        QVERIFY(!code.isEmpty());
        const QJsonObject approved = resultOf(lead.call(QStringLiteral("kiosks.approve"),
            {{QStringLiteral("pairingCode"), code},
                {QStringLiteral("name"), QStringLiteral("Front")}}));
        const QString kioskId = approved[QStringLiteral("kiosk")][QStringLiteral("id")].toString();
        QVERIFY(!kioskId.isEmpty());
        const QJsonObject told = kiosk.waitForPush(QStringLiteral("kiosk.approved"));
        QCOMPARE(told[QStringLiteral("kiosk")][QStringLiteral("id")].toString(), kioskId);
        QVERIFY(resultOf(
            kiosk.call(QStringLiteral("kiosk.resume"),
                {{QStringLiteral("deviceToken"), pairing.value(QStringLiteral("deviceToken"))}}))
                    .contains(QStringLiteral("kiosk")));

        // Vera clocks in at the kiosk (server 2): the manager (server 3) sees the entry, her own
        // desk connection (server 1) her totals.
        QVERIFY(kiosk
                    .call(QStringLiteral("kiosk.signIn"),
                        {{QStringLiteral("badge"), QStringLiteral("301")},
                            {QStringLiteral("pin"), QStringLiteral("2468")}})
                    .contains(QStringLiteral("result")));
        const QJsonObject teams = resultOf(kiosk.call(QStringLiteral("teams.list")));
        const QString team = teams[QStringLiteral("teams")][0][QStringLiteral("id")].toString();
        QVERIFY(
            kiosk
                .call(QStringLiteral("timeclock.clockIn"),
                    {{QStringLiteral("teamId"), team}, {QStringLiteral("actionId"), newActionId()}})
                .contains(QStringLiteral("result")));
        QVERIFY(!manager
                     .waitForPush(QStringLiteral("timeclock.entryChanged"),
                         {{QStringLiteral("change"), QStringLiteral("started")}})
                     .isEmpty());
        QVERIFY(!veraAtDesk
                     .waitForPush(QStringLiteral("presence.changed"),
                         {{QStringLiteral("userId"), id(m_people.value(QStringLiteral("vera")))}})
                     .isEmpty());

        // The day boundary, run by the third server, stops her shift: the notice reaches her on
        // the first, the entry change the manager.
        server(0).sql().exec("UPDATE time_entries SET start_at = now() - interval '3 hours'"
                             " WHERE stop_at IS NULL");
        server(0).sql().exec(
            "UPDATE events SET last_boundary_at = last_boundary_at - interval '1 day'");
        manager.clearPushes();
        DayBoundaryService &boundary = server(2).server().timeclock().dayBoundary;
        QSignalSpy stopped(&boundary, &DayBoundaryService::stopped);
        boundary.run();
        QVERIFY(stopped.wait(5000));
        QCOMPARE(stopped.takeFirst().at(0).toInt(), 1);
        QVERIFY(!veraAtDesk
                     .waitForPush(QStringLiteral("notifications.added"),
                         {{QStringLiteral("kind"), QStringLiteral("auto_stop")}})
                     .isEmpty());
        QVERIFY(!manager.waitForPush(QStringLiteral("timeclock.entryChanged")).isEmpty());

        // Revoked on the first server, the kiosk is told and cut off on the second.
        QVERIFY(lead.call(QStringLiteral("kiosks.revoke"), {{QStringLiteral("kioskId"), kioskId}})
                    .contains(QStringLiteral("result")));
        QVERIFY(!kiosk.waitForPush(QStringLiteral("kiosk.revoked")).isEmpty());
        QVERIFY(kiosk.waitForDisconnect());
        QCOMPARE(kiosk.socket().closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    }

    void burstsShareNotifies()
    {
        // 40 people each setting a state at once: 40 pushes, far fewer NOTIFYs.
        QList<std::shared_ptr<TestClient>> clients;
        for (int i = 0; i < 40; ++i) {
            const QString login = QStringLiteral("burst%1").arg(i);
            person(login, Role::Staff);
            auto c = std::make_shared<TestClient>();
            QVERIFY(c->signIn(url(0), login));
            clients.append(c);
        }
        TestClient watcher;
        QVERIFY(watcher.signIn(url(1), QStringLiteral("admin")));
        const QJsonObject board = resultOf(watcher.call(QStringLiteral("presence.list")));
        const QString busy = stateIdByLabel(board, QStringLiteral("In a meeting"));
        QTest::qWait(300); // let the arrivals' batches leave first
        const PushRelay::Counters before = server(0).server().relay().counters();
        for (const auto &c : clients)
            c->post(QStringLiteral("presence.set"), {{QStringLiteral("stateId"), busy}});
        for (const auto &c : clients)
            QCOMPARE(c->waitForReplies(1).size(), 1);
        QTRY_COMPARE(server(0).server().relay().counters().published - before.published, 40);
        const qint64 notifies = server(0).server().relay().counters().notifies - before.notifies;
        qInfo() << "40 pushes left server 1 in" << notifies << "NOTIFYs";
        QVERIFY(notifies < 40);
        int seen = 0;
        QVERIFY(QTest::qWaitFor(
            [&] {
                seen = 0;
                for (int i = 0; i < 40; ++i) {
                    const QUuid who = m_people.value(QStringLiteral("burst%1").arg(i));
                    if (!watcher.noPush(QStringLiteral("presence.changed"),
                            {{QStringLiteral("userId"), id(who)},
                                {QStringLiteral("stateId"), busy}},
                            0))
                        ++seen;
                }
                return seen == 40;
            },
            5000));
    }

    void largeBatchesTravelThroughTheOutbox()
    {
        TestClient admin, manager;
        QVERIFY(admin.signIn(url(0), QStringLiteral("admin")));
        QVERIFY(manager.signIn(url(2), QStringLiteral("manager")));
        // Enough teams that the teams.changed push is larger than a NOTIFY payload.
        for (int i = 0; i < 90; ++i) {
            server(0).sql().exec("INSERT INTO teams (organisation_id, name) VALUES ($1, $2)",
                PgParams() << m_org << QStringLiteral("A team with a long enough name %1").arg(i));
        }
        const qint64 before = server(0).server().relay().counters().throughOutbox;
        QVERIFY(admin
                    .call(QStringLiteral("teams.create"),
                        {{QStringLiteral("name"), QStringLiteral("The last team")}})
                    .contains(QStringLiteral("result")));
        const QJsonObject push = manager.waitForPush(QStringLiteral("teams.changed"));
        QVERIFY(push.value(QStringLiteral("teams")).toArray().size() > 90);
        QVERIFY(server(0).server().relay().counters().throughOutbox > before);
        // Swept later; read once by every listener meanwhile.
        QVERIFY(server(0).sql().exec("SELECT count(*) FROM push_outbox").toInt(0, 0) >= 1);
    }

    void aServerAloneStartsPublishingWhenAnotherJoins()
    {
        // A database of its own, with one server: it publishes nothing.
        TestServer alone;
        alone.config().heartbeat = {kBeat, kSilence};
        QVERIFY2(alone.start(), qPrintable(alone.errorMessage()));
        QVERIFY(!alone.createOrganisation(QStringLiteral("Solo")).isNull());
        QVERIFY(!alone.createUser(QStringLiteral("solo"), QStringLiteral("Solo"), Role::Admin)
                     .isNull());
        QVERIFY(
            !alone.createUser(QStringLiteral("duo"), QStringLiteral("Solo"), Role::Staff).isNull());
        TestClient admin;
        QVERIFY(admin.signIn(alone.wsUrl(), QStringLiteral("solo")));
        QTRY_VERIFY(alone.server().relay().counters().unshared > 0);
        QVERIFY(!alone.server().relay().othersListening());
        // A second one joins: the first hears its hello and publishes from then on.
        TestServer joining;
        joining.config().heartbeat = {kBeat, kSilence};
        QVERIFY2(joining.startSharing(alone), qPrintable(joining.errorMessage()));
        QTRY_VERIFY(alone.server().relay().othersListening());
        TestClient there;
        QVERIFY(there.signIn(joining.wsUrl(), QStringLiteral("duo")));
        QVERIFY(admin
                    .call(QStringLiteral("states.create"),
                        {{QStringLiteral("label"), QStringLiteral("Joined")},
                            {QStringLiteral("color"), QStringLiteral("#123456")}})
                    .contains(QStringLiteral("result")));
        QVERIFY(!there.waitForPush(QStringLiteral("states.changed")).isEmpty());
    }

    void malformedRelayPayloadsAreDroppedAndNothingElse()
    {
        // What another program (or a server of another version) might NOTIFY on the channel.
        const QByteArray stranger = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const QList<QByteArray> payloads {
            "short",
            stranger + " not json",
            stranger + " [{\"k\":\"nobody\",\"m\":\"x\"}]",
            stranger + " [{\"k\":\"role\",\"o\":\"" + m_org.toByteArray(QUuid::WithoutBraces)
                + "\",\"r\":\"emperor\",\"m\":\"x\"}]",
            stranger + " [{\"k\":\"org\",\"m\":\"states.changed\"}]", // no organisation
            stranger + "#not-a-number",
            stranger + "#999999999", // an outbox row that does not exist
            stranger + "?what",
        };
        const PushRelay &relay = server(1).server().relay();
        const qint64 droppedBefore = relay.counters().dropped;
        for (const QByteArray &payload : payloads) {
            QVERIFY(server(0)
                        .sql()
                        .exec("SELECT pg_notify($1, $2)",
                            PgParams() << PushRelay::kChannel << QString::fromUtf8(payload))
                        .ok());
        }
        // The body that is not JSON, the three malformed pushes and the missing outbox row are
        // counted as dropped; the rest is not even a payload.
        QTRY_COMPARE(relay.counters().dropped - droppedBefore, 5);
        // The server is unharmed: a real push still crosses.
        TestClient admin, onSecond;
        QVERIFY(admin.signIn(url(0), QStringLiteral("admin")));
        QVERIFY(onSecond.signIn(url(1), QStringLiteral("manager")));
        QVERIFY(admin
                    .call(QStringLiteral("states.create"),
                        {{QStringLiteral("label"), QStringLiteral("After garbage")},
                            {QStringLiteral("color"), QStringLiteral("#654321")}})
                    .contains(QStringLiteral("result")));
        QVERIFY(!onSecond.waitForPush(QStringLiteral("states.changed")).isEmpty());
        QVERIFY(onSecond.noPush(QStringLiteral("x"), {}, 0));
    }

    void aListeningGapMakesClientsResync()
    {
        TestClient onSecond, admin;
        QVERIFY(onSecond.signIn(url(1), QStringLiteral("manager")));
        QVERIFY(admin.signIn(url(0), QStringLiteral("admin")));
        QSignalSpy resynced(&server(1).server().relay(), &PushRelay::resynced);
        // Cut only the second server's listening connection, as a network blip would.
        const QString name = QStringLiteral("muster-listener ") + id(server(1).server().serverId());
        QVERIFY(server(0)
                    .sql()
                    .exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                          " WHERE application_name = $1",
                        PgParams() << name)
                    .ok());
        QVERIFY(!onSecond.waitForPush(PushRelay::kResyncMethod, {}, 10000).isEmpty());
        QCOMPARE(resynced.size(), 1);
        // And pushes from the others flow to it again.
        QVERIFY(admin
                    .call(QStringLiteral("states.create"),
                        {{QStringLiteral("label"), QStringLiteral("After the gap")},
                            {QStringLiteral("color"), QStringLiteral("#336600")}})
                    .contains(QStringLiteral("result")));
        QVERIFY(!onSecond.waitForPush(QStringLiteral("states.changed")).isEmpty());
    }

    void adminCommandsReachLiveClients()
    {
        if (serverBinary().isEmpty())
            QSKIP("MUSTER_SERVER_BINARY is not set (ctest sets it)");
        const auto run = [this](const QStringList &args) {
            QProcess admin;
            admin.start(serverBinary(),
                QStringList {QStringLiteral("--database"), QString::fromUtf8(server(0).conninfo())}
                    + args);
            if (!admin.waitForFinished(60000) || admin.exitCode() != 0) {
                qWarning() << args << admin.readAllStandardError();
                return false;
            }
            return true;
        };
        TestClient manager, lead, ben, kiosk;
        QVERIFY(manager.signIn(url(1), QStringLiteral("manager")));
        QVERIFY(lead.signIn(url(2), QStringLiteral("lead")));
        QVERIFY(ben.signIn(url(2), QStringLiteral("ben")));

        // --set-role: the boards show it, the person's own connection gets the new rights.
        QVERIFY(
            run({QStringLiteral("--set-role"), QStringLiteral("ben"), QStringLiteral("staff")}));
        QVERIFY(!manager
                     .waitForPush(QStringLiteral("profile.changed"),
                         {{QStringLiteral("userId"), id(m_people.value(QStringLiteral("ben")))},
                             {QStringLiteral("role"), QStringLiteral("staff")}})
                     .isEmpty());

        // --authorize-kiosk: the kiosk waiting on server 3 is told.
        QVERIFY(kiosk.open(url(2)));
        const QString code = resultOf(kiosk.call(QStringLiteral("kiosk.register")))
                                 .value(QStringLiteral("pairingCode"))
                                 .toString();
        QVERIFY(run({QStringLiteral("--authorize-kiosk"), code, QStringLiteral("--name"),
            QStringLiteral("Back door"), QStringLiteral("--org"), QStringLiteral("Con")}));
        QVERIFY(!kiosk.waitForPush(QStringLiteral("kiosk.approved")).isEmpty());

        // Staff may clock in at their desk, which a volunteer may not: Ben's own connection (on
        // another server than the command) has his new rights.
        const QJsonObject teams = resultOf(ben.call(QStringLiteral("teams.list")));
        const QJsonObject clockIn {
            {QStringLiteral("teamId"), teams[QStringLiteral("teams")][0][QStringLiteral("id")]},
            {QStringLiteral("actionId"), newActionId()}};
        QVERIFY(QTest::qWaitFor(
            [&] {
                return ben.call(QStringLiteral("timeclock.clockIn"), clockIn)
                    .contains(QStringLiteral("result"));
            },
            5000));
        QVERIFY(!manager
                     .waitForPush(QStringLiteral("timeclock.entryChanged"),
                         {{QStringLiteral("change"), QStringLiteral("started")}})
                     .isEmpty());
        // --stop-ongoing: the manager sees the stop, Ben his notice and his presence back.
        QVERIFY(run(
            {QStringLiteral("--stop-ongoing"), QStringLiteral("--org"), QStringLiteral("Con")}));
        QVERIFY(!manager
                     .waitForPush(QStringLiteral("timeclock.entryChanged"),
                         {{QStringLiteral("change"), QStringLiteral("stopped")}})
                     .isEmpty());
        QVERIFY(!ben.waitForPush(QStringLiteral("notifications.added")).isEmpty());
        QVERIFY(!ben.waitForPush(QStringLiteral("timeclock.ownTotalsChanged")).isEmpty());
        const QString available = stateIdByLabel(
            resultOf(manager.call(QStringLiteral("presence.list"))), QStringLiteral("Available"));
        QVERIFY(!manager
                     .waitForPush(QStringLiteral("presence.changed"),
                         {{QStringLiteral("userId"), id(m_people.value(QStringLiteral("ben")))},
                             {QStringLiteral("stateId"), available}})
                     .isEmpty());
    }

    void aKilledServersPeopleGoOfflineEverywhere()
    {
        if (serverBinary().isEmpty())
            QSKIP("MUSTER_SERVER_BINARY is not set (ctest sets it)");
        QProcess other;
        const quint16 port = startServerProcess(other, server(0).conninfo(),
            {QStringLiteral("--heartbeat"), QString::number(kBeat.count() / 1000.0),
                QStringLiteral("--server-timeout"), QString::number(kSilence.count() / 1000.0)});
        QVERIFY(port != 0);
        TestClient ben, manager;
        QVERIFY(manager.signIn(url(0), QStringLiteral("manager")));
        QVERIFY(ben.signIn(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)), QStringLiteral("ben")));
        const QUuid benId = m_people.value(QStringLiteral("ben"));
        QVERIFY(waitForPresence(manager, benId, true));
        manager.clearPushes();

        QElapsedTimer sinceKill;
        sinceKill.start();
        ::kill(pid_t(other.processId()), SIGKILL);
        QVERIFY(other.waitForFinished(10000));
        const int bound = int((kSilence + 2 * kBeat).count()) + 1000;
        QVERIFY(waitForPresence(manager, benId, false, bound));
        qInfo() << "offline everywhere" << sinceKill.elapsed() << "ms after kill -9 (silence"
                << kSilence.count() << "ms, heartbeat" << kBeat.count() << "ms)";
        for (int i = 0; i < 3; ++i) {
            TestClient reader;
            QVERIFY(reader.signIn(url(i), QStringLiteral("lead")));
            const QJsonObject p
                = personIn(resultOf(reader.call(QStringLiteral("presence.list"))), benId);
            QCOMPARE(p.value(QStringLiteral("online")), QJsonValue(false));
            // Last seen is the dead server's last heartbeat, not the moment it was noticed.
            const QDateTime seen = QDateTime::fromString(
                p.value(QStringLiteral("lastSeen")).toString(), Qt::ISODateWithMs);
            QVERIFY(seen.isValid());
            QVERIFY(seen.msecsTo(QDateTime::currentDateTimeUtc()) >= kSilence.count() - 200);
        }
    }

    // Last: it restarts the cluster every other test uses.
    void afterPostgresRestartsPushesFlowAndClientsResync()
    {
        TestClient admin, onSecond, onThird;
        QVERIFY(admin.signIn(url(0), QStringLiteral("admin")));
        QVERIFY(onSecond.signIn(url(1), QStringLiteral("manager")));
        QVERIFY(onThird.signIn(url(2), QStringLiteral("lead")));
        QVERIFY(TestCluster::instance().crashAndRestart());
        QVERIFY(!onSecond.waitForPush(PushRelay::kResyncMethod, {}, 20000).isEmpty());
        QVERIFY(!onThird.waitForPush(PushRelay::kResyncMethod, {}, 20000).isEmpty());
        for (int i = 0; i < 3; ++i)
            QTRY_VERIFY_WITH_TIMEOUT(server(i).server().listener().isListening(), 20000);
        // The crash emptied the unlogged tables: every server registered again, and the people
        // connected to them are online again.
        // (The servers' own test connections died with PostgreSQL; this one is new.)
        QTRY_VERIFY_WITH_TIMEOUT(PgSyncConnection(server(0).conninfo())
                                     .exec("SELECT count(*) FROM server_instances")
                                     .toInt(0, 0)
                >= 3,
            20000);
        QTRY_VERIFY_WITH_TIMEOUT(personIn(resultOf(admin.call(QStringLiteral("presence.list"))),
                                     m_people.value(QStringLiteral("manager")))
                                     .value(QStringLiteral("online"))
                                     .toBool(),
            20000);
        QVERIFY(admin
                    .call(QStringLiteral("states.create"),
                        {{QStringLiteral("label"), QStringLiteral("After the restart")},
                            {QStringLiteral("color"), QStringLiteral("#660033")}})
                    .contains(QStringLiteral("result")));
        QVERIFY(!onSecond.waitForPush(QStringLiteral("states.changed")).isEmpty());
        QVERIFY(!onThird.waitForPush(QStringLiteral("states.changed")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMultiServer)
#include "tst_multiserver.moc"
