// muster-bench-timeclock: the time clock at convention scale. Starts a real muster-server
// (embedded PostgreSQL in a temporary directory), seeds one event with 5,000 volunteers, 20
// teams, 1,000,000 finished time entries and 50 bonus windows, then times, over real WebSockets:
// the hours and teams reports a manager asks for, and a burst of 500 clock-ins from 500
// kiosks within a few seconds (each volunteer already signed in at their kiosk, as in a queue
// at the volunteer desk). Prints latency percentiles and what the seeding took.
#include "benchsupport.h"
#include "db/directorystore.h"
#include "db/pgsyncconnection.h"
#include "epolldispatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUuid>
#include <QWebSocket>

#include <cstdio>
#include <memory>

using namespace Muster;
using namespace Muster::Bench;

namespace {

// One WebSocket that answers requests one at a time and remembers how long each took.
class Peer
{
public:
    explicit Peer(const QUrl &url) { m_socket.open(url); }

    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QWebSocket &socket() { return m_socket; }

    // Sends and waits for the answer; the answer, or an empty object on timeout.
    QJsonObject call(const QString &method, const QJsonObject &params, double *ms = nullptr)
    {
        QJsonObject answer;
        const qint64 id = ++m_nextId;
        const auto connection = QObject::connect(
            &m_socket, &QWebSocket::textMessageReceived, [&](const QString &text) {
                const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
                if (frame.value(QStringLiteral("id")).toInteger() == id)
                    answer = frame;
            });
        QElapsedTimer t;
        t.start();
        m_socket.sendTextMessage(frame(id, method, params));
        waitFor([&] { return !answer.isEmpty(); }, 60000);
        if (ms)
            *ms = double(t.nsecsElapsed()) / 1e6;
        QObject::disconnect(connection);
        return answer;
    }

private:
    QWebSocket m_socket;
    qint64 m_nextId = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    raiseFileLimit();
    QCoreApplication::setEventDispatcher(new EpollDispatcher);
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Time clock benchmark for muster-server."));
    parser.addHelpOption();
    const QCommandLineOption volunteersOption(QStringLiteral("volunteers"),
        QStringLiteral("Volunteers in the event (default 5000)."), QStringLiteral("N"),
        QStringLiteral("5000"));
    const QCommandLineOption entriesOption(QStringLiteral("entries"),
        QStringLiteral("Finished time entries (default 1000000)."), QStringLiteral("N"),
        QStringLiteral("1000000"));
    const QCommandLineOption burstOption(QStringLiteral("burst"),
        QStringLiteral("Clock-ins in the burst (default 500)."), QStringLiteral("N"),
        QStringLiteral("500"));
    const QCommandLineOption reportsOption(QStringLiteral("reports"),
        QStringLiteral("Times each report is asked for (default 20)."), QStringLiteral("N"),
        QStringLiteral("20"));
    const QCommandLineOption serverOption(QStringLiteral("server-binary"),
        QStringLiteral("Path to muster-server."), QStringLiteral("PATH"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/../server/muster-server"));
    const QCommandLineOption asyncCommitOption(QStringLiteral("async-commit"),
        QStringLiteral("Diagnostic only: run the cluster with synchronous_commit off, to see how "
                       "much of the clock-in latency is waiting for the disk."));
    parser.addOptions({volunteersOption, entriesOption, burstOption, reportsOption, serverOption,
        asyncCommitOption});
    parser.process(app);
    const int volunteers = std::max(10, parser.value(volunteersOption).toInt());
    const int entries = std::max(volunteers, parser.value(entriesOption).toInt());
    const int burst = std::clamp(parser.value(burstOption).toInt(), 1, volunteers);
    const int reportRounds = std::max(1, parser.value(reportsOption).toInt());
    constexpr int kTeams = 20;
    constexpr int kBonuses = 50;

    BenchServer server;
    if (!server.start(parser.value(serverOption)))
        return 1;
    PgSyncConnection sql(server.conninfo());
    DirectoryStore directory(sql);
    if (!directory.createOrganisation(QStringLiteral("Con"))) {
        std::fprintf(stderr, "seeding failed: %s\n", qPrintable(directory.errorMessage()));
        return 1;
    }
    if (parser.isSet(asyncCommitOption)) {
        mustExec(sql, "ALTER SYSTEM SET synchronous_commit = off");
        mustExec(sql, "SELECT pg_reload_conf()");
    }
    QElapsedTimer seeding;
    seeding.start();
    const QUuid org = mustExec(sql, "SELECT id FROM organisations WHERE name = 'Con'").uuid(0, 0);
    mustExec(sql,
        "INSERT INTO teams (organisation_id, name) SELECT $1, 'Team ' || g"
        " FROM generate_series(1, $2::int) g",
        PgParams() << org << kTeams);
    // The event: the last ten days and two more. A manager with a known session token.
    const QUuid event = mustExec(sql,
        "WITH e AS (INSERT INTO events (organisation_id, name, time_zone, starts_at, ends_at)"
        " VALUES ($1, 'Con', 'Europe/Berlin', date_trunc('hour', now()) - interval '10 days',"
        "  now() + interval '2 days') RETURNING id)"
        " UPDATE organisations SET active_event_id = (SELECT id FROM e) WHERE id = $1"
        " RETURNING active_event_id",
        PgParams() << org)
                            .uuid(0, 0);
    mustExec(sql,
        "WITH u AS (INSERT INTO users (organisation_id, login, display_name, password_hash, role)"
        " VALUES ($1, 'manager', 'Manager', '', 'manager') RETURNING id)"
        " INSERT INTO sessions (organisation_id, user_id, token_hash, expires_at)"
        " SELECT $1, id, sha256(convert_to('bench-manager', 'UTF8')), now() + interval '1 day' "
        "FROM u",
        PgParams() << org);
    mustExec(sql,
        "INSERT INTO users (organisation_id, login, display_name, password_hash, role, badge,"
        "  home_team_id)"
        " SELECT $1, 'v' || g, 'Volunteer ' || g, '', 'volunteer', g::text,"
        "  (SELECT id FROM teams WHERE organisation_id = $1 ORDER BY name OFFSET g % $3 LIMIT 1)"
        " FROM generate_series(1, $2::int) g",
        PgParams() << org << volunteers << kTeams);
    // 50 bonus windows of 1–4 h across the event, each for 1–5 teams.
    mustExec(sql,
        "WITH b AS (INSERT INTO time_bonuses (organisation_id, event_id, starts_at, ends_at, "
        "multiplier)"
        " SELECT $1, $2, e.starts_at + (g * 4 || ' hours')::interval,"
        "  e.starts_at + (g * 4 + 1 + g % 4 || ' hours')::interval, 1.5 + (g % 3) * 0.5"
        " FROM events e, generate_series(1, $3::int) g WHERE e.id = $2 RETURNING id)"
        " INSERT INTO time_bonus_teams (organisation_id, bonus_id, team_id)"
        " SELECT DISTINCT $1, b.id, t.id FROM b CROSS JOIN LATERAL (SELECT id FROM teams"
        "  WHERE organisation_id = $1 ORDER BY md5(b.id::text || name) LIMIT 1 + "
        "abs(hashtext(b.id::text)) % 5) t",
        PgParams() << org << event << kBonuses);
    // A million finished entries: for each volunteer, back-to-back-free shifts of 20–50 minutes
    // an hour apart. Totals are built once afterwards (as after a restore), not row by row.
    const int perVolunteer = (entries + volunteers - 1) / volunteers;
    mustExec(sql, "ALTER TABLE time_entries DISABLE TRIGGER time_entries_totals");
    mustExec(sql,
        "INSERT INTO time_entries (organisation_id, event_id, user_id, team_id, start_at, stop_at,"
        "  source)"
        " SELECT $1, $2, u.id, u.home_team_id, e.starts_at + make_interval(hours => k, mins => n % "
        "10),"
        "  e.starts_at + make_interval(hours => k, mins => (n % 10 + 20 + (n + k) % 31)::int), "
        "'kiosk'"
        " FROM events e"
        " CROSS JOIN (SELECT id, home_team_id, (row_number() OVER (ORDER BY login))::int AS n FROM "
        "users"
        "  WHERE organisation_id = $1 AND role = 'volunteer') u"
        " CROSS JOIN generate_series(0, $3::int - 1) k"
        " WHERE e.id = $2 AND (u.n - 1) * $3 + k < $4",
        PgParams() << org << event << perVolunteer << entries);
    mustExec(sql, "ALTER TABLE time_entries ENABLE TRIGGER time_entries_totals");
    // The audit trail those shifts leave: a clock-in and a clock-out each, by the volunteer, as
    // the clock functions write them; and 20 sign-ins a volunteer. users.history reads it.
    mustExec(sql,
        "INSERT INTO activities (organisation_id, actor_id, action, subject_type, subject_id,"
        "  old_value, new_value, created_at)"
        " SELECT t.organisation_id, t.user_id, 'timeclock.clockIn', 'time_entry', t.id, NULL,"
        "  jsonb_build_object('userId', t.user_id, 'teamId', t.team_id, 'start',"
        "   muster_iso(t.start_at), 'source', 'kiosk'), t.start_at"
        " FROM time_entries t WHERE t.organisation_id = $1"
        " UNION ALL SELECT t.organisation_id, t.user_id, 'timeclock.clockOut', 'time_entry', t.id,"
        "  jsonb_build_object('stop', NULL), jsonb_build_object('stop', muster_iso(t.stop_at)),"
        "  t.stop_at FROM time_entries t WHERE t.organisation_id = $1",
        PgParams() << org);
    mustExec(sql,
        "INSERT INTO activities (organisation_id, actor_id, action, subject_type, subject_id,"
        "  created_at)"
        " SELECT $1, u.id, 'session.login', 'user', u.id, now() - random() * interval '10 days'"
        " FROM users u CROSS JOIN generate_series(1, 20) WHERE u.organisation_id = $1",
        PgParams() << org);
    mustExec(sql, "SELECT muster_recompute_totals($1, $2)", PgParams() << org << event);
    // 500 kiosks with known device tokens, and a quick code for each volunteer in the burst.
    mustExec(sql,
        "INSERT INTO kiosks (organisation_id, name, token_hash, expires_at)"
        " SELECT $1, 'Kiosk ' || g, sha256(convert_to('bench-kiosk-' || g, 'UTF8')),"
        "  now() + interval '1 day' FROM generate_series(1, $2::int) g",
        PgParams() << org << burst);
    mustExec(sql,
        "INSERT INTO quick_codes (organisation_id, user_id, code_hash, expires_at)"
        " SELECT $1, id, sha256(convert_to('AB12', 'UTF8')), now() + interval '1 hour' FROM users"
        " WHERE organisation_id = $1 AND role = 'volunteer' AND badge::int <= $2",
        PgParams() << org << burst);
    // A convention's database is not in the middle of a bulk load when the queue forms: let
    // vacuum and the checkpoint the seeding caused finish before anything is timed.
    mustExec(sql, "VACUUM ANALYZE");
    mustExec(sql, "CHECKPOINT");
    const double seedSeconds = double(seeding.elapsed()) / 1000.0;
    const qint64 entryCount = mustExec(sql, "SELECT count(*) FROM time_entries").toInt(0, 0);

    // Reports, as a manager asks for them.
    Peer manager(server.url());
    if (!waitFor([&] { return manager.isOpen(); }, 10000)
        || manager
               .call(QStringLiteral("session.resume"),
                   {{QStringLiteral("token"), QStringLiteral("bench-manager")}})
               .contains(QStringLiteral("error"))) {
        std::fprintf(stderr, "manager could not sign in\n");
        return 1;
    }
    std::vector<double> hours, teams;
    int hoursRows = 0, teamRows = 0;
    for (int round = 0; round < reportRounds; ++round) {
        double ms = 0;
        const QJsonObject h = manager.call(QStringLiteral("reports.get"),
            {{QStringLiteral("type"), QStringLiteral("hours")}}, &ms);
        hours.push_back(ms);
        hoursRows = int(h[QStringLiteral("result")][QStringLiteral("rows")].toArray().size());
        const QJsonObject t = manager.call(QStringLiteral("reports.get"),
            {{QStringLiteral("type"), QStringLiteral("teams")}}, &ms);
        teams.push_back(ms);
        teamRows = int(t[QStringLiteral("result")][QStringLiteral("rows")].toArray().size());
    }

    // A person's history, as the Volunteers place shows it: the first page, and the next.
    std::vector<double> history, historyNext;
    int historyRows = 0;
    const qint64 auditRows = mustExec(sql, "SELECT count(*) FROM activities").toInt(0, 0);
    for (int round = 0; round < reportRounds; ++round) {
        const QString someone
            = mustExec(sql, "SELECT id FROM users WHERE organisation_id = $1 AND badge = $2",
                PgParams() << org << QString::number(1 + (round * 7919) % volunteers))
                  .uuid(0, 0)
                  .toString(QUuid::WithoutBraces);
        double ms = 0;
        const QJsonArray page
            = manager
                  .call(QStringLiteral("users.history"), {{QStringLiteral("userId"), someone}},
                      &ms)[QStringLiteral("result")][QStringLiteral("records")]
                  .toArray();
        history.push_back(ms);
        historyRows = int(page.size());
        if (page.isEmpty())
            continue;
        manager.call(QStringLiteral("users.history"),
            {{QStringLiteral("userId"), someone},
                {QStringLiteral("before"), page.last()[QStringLiteral("id")]}},
            &ms);
        historyNext.push_back(ms);
    }

    // The burst: every kiosk has its volunteer signed in, then all clock in within ~2 s.
    std::vector<std::unique_ptr<Peer>> kiosks;
    for (int k = 1; k <= burst; ++k)
        kiosks.push_back(std::make_unique<Peer>(server.url()));
    if (!waitFor(
            [&] {
                return std::all_of(
                    kiosks.begin(), kiosks.end(), [](const auto &p) { return p->isOpen(); });
            },
            60000)) {
        std::fprintf(stderr, "kiosks could not connect\n");
        return 1;
    }
    const QString ops = mustExec(sql,
        "SELECT id FROM teams WHERE organisation_id = $1 ORDER BY name LIMIT 1", PgParams() << org)
                            .uuid(0, 0)
                            .toString(QUuid::WithoutBraces);
    for (int k = 1; k <= burst; ++k) {
        Peer &kiosk = *kiosks[size_t(k - 1)];
        const bool ready
            = !kiosk
                   .call(QStringLiteral("kiosk.resume"),
                       {{QStringLiteral("deviceToken"), QStringLiteral("bench-kiosk-%1").arg(k)}})
                   .contains(QStringLiteral("error"))
            && !kiosk
                    .call(QStringLiteral("kiosk.signIn"),
                        {{QStringLiteral("badge"), QString::number(k)},
                            {QStringLiteral("code"), QStringLiteral("AB12")}})
                    .contains(QStringLiteral("error"));
        if (!ready) {
            std::fprintf(stderr, "kiosk %d could not sign its volunteer in\n", k);
            return 1;
        }
    }
    // Warm-up, as on a server that has been running: every pool connection has planned the
    // clock functions once (the first call on a connection plans them and costs ~50 ms).
    {
        const PgResult others = mustExec(sql,
            "SELECT id FROM users WHERE organisation_id = $1 AND role = 'volunteer'"
            " AND badge::int > $2 ORDER BY badge::int LIMIT 40",
            PgParams() << org << burst);
        int answers = 0;
        const auto counting = QObject::connect(
            &manager.socket(), &QWebSocket::textMessageReceived, [&](const QString &text) {
                answers += text.contains(QLatin1String("\"id\":7")) ? 1 : 0;
            });
        for (const char *method : {"timeclock.addEntry", "timeclock.stopEntry"}) {
            answers = 0;
            for (int r = 0; r < others.rows(); ++r) {
                manager.socket().sendTextMessage(frame(7, QString::fromLatin1(method),
                    {{QStringLiteral("userId"), others.uuid(r, 0).toString(QUuid::WithoutBraces)},
                        {QStringLiteral("teamId"), ops},
                        {QStringLiteral("start"),
                            QDateTime::currentDateTimeUtc().addSecs(-60).toString(
                                Qt::ISODateWithMs)}}));
            }
            waitFor([&] { return answers == others.rows(); }, 30000);
        }
        QObject::disconnect(counting);
    }
    std::vector<double> clockIns;
    std::vector<qint64> sentAt(size_t(burst), 0);
    int answered = 0, failed = 0;
    QElapsedTimer clock;
    clock.start();
    for (int k = 0; k < burst; ++k) {
        QObject::connect(&kiosks[size_t(k)]->socket(), &QWebSocket::textMessageReceived,
            [&, k](const QString &text) {
                if (!text.contains(QLatin1String("\"id\":999")))
                    return;
                clockIns.push_back(double(clock.nsecsElapsed() - sentAt[size_t(k)]) / 1e6);
                text.contains(QLatin1String("\"result\"")) ? ++answered : ++failed;
            });
    }
    const double spreadMs = 2000;
    const double pid = double(server.pid());
    const double cpuMark = cpuSeconds(qint64(pid));
    // Evenly spread over ~2 s by a precise timer (a busy wait would steal the cores the server
    // needs; a coarse one would send in clumps).
    int sent = 0;
    QTimer pacer;
    pacer.setTimerType(Qt::PreciseTimer);
    pacer.setInterval(std::max(1, int(spreadMs / burst)));
    QObject::connect(&pacer, &QTimer::timeout, [&] {
        if (sent == burst)
            return pacer.stop();
        sentAt[size_t(sent)] = clock.nsecsElapsed();
        kiosks[size_t(sent)]->socket().sendTextMessage(
            frame(999, QStringLiteral("timeclock.clockIn"),
                {{QStringLiteral("actionId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                    {QStringLiteral("teamId"), ops}}));
        ++sent;
    });
    pacer.start();
    waitFor([&] { return answered + failed == burst; }, 60000);
    const double burstSeconds = double(clock.elapsed()) / 1000.0;
    const double burstCpu = cpuSeconds(qint64(pid)) - cpuMark;

    std::printf("muster-bench-timeclock: one event, %d volunteers, %d teams, %lld time entries, "
                "%d bonus windows; one server process, loopback, load tool on the same cores\n",
        volunteers, kTeams, entryCount, kBonuses);
    std::printf("seeding (bulk insert, totals rebuilt once)  %.1f s\n", seedSeconds);
    std::printf("hours report: %d rows\n", hoursRows);
    printLatency("  reports.get hours", hours);
    std::printf("teams report: %d rows\n", teamRows);
    printLatency("  reports.get teams", teams);
    std::printf("history: %d records a page, among %lld in the audit trail\n", historyRows,
        static_cast<long long>(auditRows));
    printLatency("  users.history", history);
    printLatency("  users.history next page", historyNext);
    std::printf("burst: %d clock-ins from %d kiosks over %.1f s (%d acknowledged, %d refused); "
                "server CPU %.2f s%s\n",
        burst, burst, burstSeconds, answered, failed, burstCpu,
        parser.isSet(asyncCommitOption) ? " [diagnostic: synchronous_commit off]" : "");
    printLatency("  timeclock.clockIn -> answer", clockIns);
    std::fflush(stdout);
    server.stop();
    return failed == 0 ? 0 : 1;
}
