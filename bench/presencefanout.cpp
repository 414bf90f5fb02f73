// muster-bench-presence: how many sessions one muster-server holds and how fast a presence.set
// reaches the people who watch it. Starts a real muster-server (embedded PostgreSQL in a
// temporary directory), seeds the organisations, signs every session in over a real WebSocket
// (session.resume with seeded tokens, as clients do after a restart), then times state changes
// while all sessions stay connected. Prints latency percentiles, the resume rate, server memory
// per idle session and server CPU per push delivered. The load (wireload.h) runs on the same
// cores as the server.
//
// Two scenarios:
// - by default three organisations — a 50-person team, a 5,000-person board and everyone else —
//   and changes in the team (a small audience among many) and on the board (a large one);
// - with --crowd, one organisation of --team people holding all --sessions sessions (a person
//   on many devices, many tabs): every change reaches every session, the widest fan-out.
//
// With --servers N, N server processes share the database and the sessions are spread over them
// round-robin: the sender is on the first, so most watchers hear of the change through another
// process (PostgreSQL LISTEN/NOTIFY).
#include "benchsupport.h"
#include "db/directorystore.h"
#include "db/pgsyncconnection.h"
#include "services/passwordhasher.h"
#include "wireload.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Muster;
using namespace Muster::Bench;

namespace {

// One seeded member: who, in which organisation, and the session token they resume with.
struct Member
{
    QString login;
    QString organisation;
    QString token;
    QString userId;
};

} // namespace

int main(int argc, char *argv[])
{
    raiseFileLimit();
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Presence fan-out and capacity benchmark for muster-server."));
    parser.addHelpOption();
    const QCommandLineOption sessionsOption(QStringLiteral("sessions"),
        QStringLiteral("Signed-in sessions in all (default 10000)."), QStringLiteral("N"),
        QStringLiteral("10000"));
    const QCommandLineOption teamOption(QStringLiteral("team"),
        QStringLiteral("Members of the small team, or of the crowd's organisation (default 50)."),
        QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption boardOption(QStringLiteral("board"),
        QStringLiteral("Members of the organisation-wide board (default 5000)."),
        QStringLiteral("N"), QStringLiteral("5000"));
    const QCommandLineOption crowdOption(QStringLiteral("crowd"),
        QStringLiteral("One organisation of --team people holding every session."));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
        QStringLiteral("State changes timed per scenario (default 100)."), QStringLiteral("R"),
        QStringLiteral("100"));
    const QCommandLineOption concurrencyOption(QStringLiteral("concurrency"),
        QStringLiteral("Sessions connecting at once (default 256)."), QStringLiteral("N"),
        QStringLiteral("256"));
    const QCommandLineOption serverOption(QStringLiteral("server-binary"),
        QStringLiteral("Path to muster-server."), QStringLiteral("PATH"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/../server/muster-server"));
    const QCommandLineOption threadsOption(QStringLiteral("socket-threads"),
        QStringLiteral("Passed to muster-server (default: the server's own default)."),
        QStringLiteral("N"));
    const QCommandLineOption serversOption(QStringLiteral("servers"),
        QStringLiteral("muster-server processes sharing the database (default 1)."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption nodeOption(QStringLiteral("node-reference"),
        QStringLiteral("Measure a plain Node.js server of the same contract instead (run `npm "
                       "install` in bench/node-reference first); muster-server only keeps the "
                       "database."),
        QStringLiteral("SCRIPT"));
    const QCommandLineOption afterUpgradeOption(QStringLiteral("resume-after-upgrade"),
        QStringLiteral("Resume once the 101 has come, not with the head (for a server that drops "
                       "early frames, such as muster-server before the wire)."));
    parser.addOptions(
        {sessionsOption, teamOption, boardOption, crowdOption, roundsOption, concurrencyOption,
            serverOption, threadsOption, serversOption, nodeOption, afterUpgradeOption});
    parser.process(app);
    const bool crowd = parser.isSet(crowdOption);
    const int team = std::max(2, parser.value(teamOption).toInt());
    const int board = crowd ? 0 : std::max(2, parser.value(boardOption).toInt());
    const int sessions = std::max(team + board, parser.value(sessionsOption).toInt());
    const int others = crowd ? 0 : sessions - team - board;
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    const int concurrency = std::max(1, parser.value(concurrencyOption).toInt());
    const int serverCount = std::clamp(parser.value(serversOption).toInt(), 1, 16);

    QStringList serverArguments;
    if (parser.isSet(threadsOption))
        serverArguments << QStringLiteral("--socket-threads") << parser.value(threadsOption);
    std::vector<std::unique_ptr<BenchServer>> servers;
    std::vector<quint16> ports;
    for (int i = 0; i < serverCount; ++i) {
        auto s = std::make_unique<BenchServer>();
        const bool started = i == 0
            ? s->start(parser.value(serverOption), serverArguments)
            : s->startSharing(*servers.front(), parser.value(serverOption), serverArguments);
        if (!started)
            return 1;
        ports.push_back(quint16(s->url().port()));
        servers.push_back(std::move(s));
    }
    BenchServer &server = *servers.front();
    // Figures over every server process measured.
    std::vector<qint64> measured;
    for (const auto &s : servers)
        measured.push_back(s->pid());
    const auto rssAll = [&] {
        qint64 sum = 0;
        for (const qint64 pid : measured)
            sum += rssKiB(pid);
        return sum;
    };
    const auto cpuAll = [&] {
        double sum = 0;
        for (const qint64 pid : measured)
            sum += cpuSeconds(pid);
        return sum;
    };

    // Seed: the organisations, their members (one shared argon2 hash) and a live session each,
    // whose token is known here (the database keeps only its SHA-256, as for real sessions).
    PgSyncConnection sql(server.conninfo());
    DirectoryStore directory(sql);
    const QString hash
        = QString::fromLatin1(PasswordHasher::hash(QStringLiteral("bench password")));
    std::vector<std::tuple<QString, QString, int>> organisations;
    if (crowd) {
        organisations.push_back({QStringLiteral("Crowd"), QStringLiteral("c"), team});
    } else {
        organisations.push_back({QStringLiteral("Team"), QStringLiteral("t"), team});
        organisations.push_back({QStringLiteral("Board"), QStringLiteral("b"), board});
        organisations.push_back({QStringLiteral("Others"), QStringLiteral("o"), others});
    }
    for (const auto &[name, prefix, count] : organisations) {
        if (count <= 0)
            continue;
        if (!directory.createOrganisation(name)) {
            std::fprintf(stderr, "seeding failed: %s\n", qPrintable(directory.errorMessage()));
            return 1;
        }
        mustExec(sql,
            "WITH o AS (SELECT id FROM organisations WHERE name = $1),"
            " u AS (INSERT INTO users (organisation_id, login, display_name, password_hash, role,"
            "   home_team_id, state_id)"
            "  SELECT o.id, $2 || g, 'Member ' || $2 || g, $3, 'staff',"
            "   (SELECT id FROM teams WHERE organisation_id = o.id LIMIT 1),"
            "   (SELECT id FROM states WHERE organisation_id = o.id AND is_default)"
            "  FROM o, generate_series(1, $4::int) g RETURNING organisation_id, id, login)"
            " INSERT INTO sessions (organisation_id, user_id, token_hash, expires_at)"
            " SELECT organisation_id, id, sha256(convert_to('bench-' || login, 'UTF8')),"
            "  now() + interval '1 day' FROM u",
            PgParams() << name << prefix << hash << count);
    }
    const PgResult rows = mustExec(sql,
        "SELECT u.login, o.name, u.id FROM users u JOIN organisations o ON o.id = u.organisation_id"
        " ORDER BY o.name DESC, u.created_at, u.login");
    std::vector<Member> people;
    for (int r = 0; r < rows.rows(); ++r) {
        people.push_back({rows.text(r, 0), rows.text(r, 1),
            QStringLiteral("bench-") + rows.text(r, 0), rows.text(r, 2)});
    }
    // One session per person; in the crowd, everyone's sessions in turn (person i % team).
    std::vector<Member> members;
    for (int i = 0; i < sessions; ++i)
        members.push_back(people[size_t(crowd ? i % int(people.size()) : i)]);
    std::vector<QByteArray> tokens;
    for (const Member &m : members)
        tokens.push_back(m.token.toUtf8());
    const auto indexesOf = [&](const QString &organisation) {
        std::vector<size_t> indexes;
        for (size_t i = 0; i < members.size(); ++i) {
            if (members[i].organisation == organisation)
                indexes.push_back(i);
        }
        return indexes;
    };
    const auto statesOf = [&](const QString &organisation) {
        const PgResult r = mustExec(sql,
            "SELECT s.id FROM states s JOIN organisations o ON"
            " o.id = s.organisation_id WHERE o.name = $1 ORDER BY s.sort_order LIMIT 2",
            PgParams() << organisation);
        return std::array<QString, 2> {r.text(0, 0), r.text(1, 0)};
    };

    // The reference: Node.js on the same database, the load pointed at it, its figures measured.
    QProcess node;
    if (parser.isSet(nodeOption)) {
        node.setStandardErrorFile(QProcess::nullDevice());
        node.start(QStringLiteral("node"), {parser.value(nodeOption), server.socketDirectory()});
        if (!node.waitForStarted(10000) || !waitFor([&] { return node.canReadLine(); }, 30000)) {
            std::fprintf(stderr, "the Node.js reference did not start\n");
            return 1;
        }
        ports = {node.readLine().trimmed().split(':').last().toUShort()};
        measured = {node.processId()};
    }

    const qint64 rssBefore = rssAll();
    double cpuMark = cpuAll();
    QElapsedTimer phase;
    phase.start();

    WireLoad load(ports);
    load.setResumeAfterUpgrade(parser.isSet(afterUpgradeOption));
    std::fprintf(stderr, "resuming %d sessions\n", sessions);
    if (!load.connectAll(tokens, concurrency, 900000)) {
        std::fprintf(stderr, "sign-in timed out: %d of %zu\n", load.signedIn(), members.size());
        return 1;
    }
    const double connectSeconds = double(phase.elapsed()) / 1000.0;
    const double connectCpu = cpuAll() - cpuMark;
    // Let the last arrivals' pushes drain and the server's housekeeping return what the storm
    // of arrivals needed only briefly (it checks every 5 s).
    load.idle(7000);
    const qint64 rssAfter = rssAll();
    // What holding the sessions costs with nothing happening (keep-alive, timers).
    const double idleMark = cpuAll();
    load.idle(5000);
    const double idleCpu = (cpuAll() - idleMark) / 5.0;

    // One scenario: the first session of an organisation toggles its state; all others watch.
    struct Outcome
    {
        std::vector<double> each;
        std::vector<double> first;
        std::vector<double> last;
        double cpu = 0;
        double seconds = 0;
    };
    const auto runRounds = [&](const QString &organisation) {
        Outcome out;
        const std::vector<size_t> everyone = indexesOf(organisation);
        const std::vector<size_t> watchers(everyone.begin() + 1, everyone.end());
        const std::array<QString, 2> states = statesOf(organisation);
        const QByteArray userNeedle
            = "\"userId\":\"" + members[everyone.front()].userId.toUtf8() + '"';
        load.latencies().clear();
        cpuMark = cpuAll();
        phase.restart();
        for (int round = 0; round < rounds; ++round) {
            // Start from the other state, so every round is a change.
            const QString state = states[size_t((round + 1) % 2)];
            const QByteArray request = frame(100 + round, QStringLiteral("presence.set"),
                {{QStringLiteral("stateId"),
                    state}}).toUtf8();
            if (!load.round(everyone.front(), request, watchers,
                    {userNeedle, "\"stateId\":\"" + state.toUtf8() + '"'}, 30000)) {
                std::fprintf(stderr, "%s round %d: %d sessions did not see the change\n",
                    qPrintable(organisation), round, load.roundMissing());
                break;
            }
            out.first.push_back(load.roundFastest());
            out.last.push_back(load.roundSlowest());
            // A short pause, as between real people's clicks; the server sits idle meanwhile.
            load.idle(20);
        }
        out.cpu = cpuAll() - cpuMark;
        out.seconds = double(phase.elapsed()) / 1000.0;
        out.each = load.latencies();
        return out;
    };
    const auto printOutcome = [](const Outcome &o) {
        printLatency("  presence.set -> first session", o.first);
        printLatency("  presence.set -> each session", o.each);
        printLatency("  presence.set -> last session", o.last);
        // Less the 20 ms pauses, in which the server does nothing; per push delivered.
        std::printf("  server CPU %.2f s over %.1f s: %.2f us per push delivered\n", o.cpu,
            o.seconds, o.each.empty() ? 0.0 : o.cpu * 1e6 / double(o.each.size()));
        const auto slowest = std::max_element(o.last.cbegin(), o.last.cend());
        if (slowest != o.last.cend()) {
            std::printf("  slowest round %zu of %zu: %.2f ms\n",
                size_t(slowest - o.last.cbegin()) + 1, o.last.size(), *slowest);
        }
    };

    if (parser.isSet(nodeOption))
        std::printf("THE NODE.JS REFERENCE (%s), not muster-server:\n",
            qPrintable(parser.value(nodeOption)));
    std::printf("muster-bench-presence: %d sessions (%s), %d rounds per scenario, %d server "
                "process%s, loopback, load tool on the same cores\n",
        sessions,
        crowd ? qPrintable(QStringLiteral("one organisation of %1 people").arg(team))
              : qPrintable(
                  QStringLiteral("team %1, board %2, others %3").arg(team).arg(board).arg(others)),
        rounds, serverCount, serverCount == 1 ? "" : "es");
    std::printf("sessions held                      %d (failed %d), all resumed in %.2f s: %.0f "
                "resumes/s (server CPU %.1f s)\n",
        load.signedIn(), load.failed(), connectSeconds,
        double(load.signedIn()) / std::max(0.001, connectSeconds), connectCpu);
    std::printf("server RSS                         %lld KiB before, %lld KiB with sessions: "
                "%.2f KiB per idle session\n",
        rssBefore, rssAfter, double(rssAfter - rssBefore) / std::max(1, load.signedIn()));
    std::printf("server CPU while idle              %.1f %% of one core\n", idleCpu * 100);
    if (crowd) {
        std::printf("everyone's change, to the %d other sessions:\n", sessions - 1);
        printOutcome(runRounds(QStringLiteral("Crowd")));
    } else {
        std::printf("team of %d, %d others connected:\n", team, sessions - team);
        printOutcome(runRounds(QStringLiteral("Team")));
        std::printf(
            "board of %d (organisation-wide), %d others connected:\n", board, sessions - board);
        printOutcome(runRounds(QStringLiteral("Board")));
        // What opening the board costs: the whole organisation's snapshot, one call at a time.
        const size_t caller = indexesOf(QStringLiteral("Board")).front();
        load.latencies().clear();
        for (int round = 0; round < std::min(rounds, 50); ++round) {
            const qint64 id = 100000 + round;
            if (!load.call(caller, frame(id, QStringLiteral("presence.list"), {}).toUtf8(),
                    "\"id\":" + QByteArray::number(id) + ',', 30000)) {
                std::fprintf(stderr, "presence.list %d: no answer\n", round);
                break;
            }
        }
        printLatency("  presence.list (whole board)", load.latencies());
    }
    std::fflush(stdout);

    if (node.state() != QProcess::NotRunning) {
        node.terminate();
        node.waitForFinished(10000);
    }
    // The others first: the first server owns the embedded cluster.
    for (auto it = servers.rbegin(); it != servers.rend(); ++it)
        (*it)->stop();
    return 0;
}
