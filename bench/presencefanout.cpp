// muster-bench-presence: how many sessions one muster-server holds and how fast a presence.set
// reaches the people who watch it. Starts a real muster-server (embedded PostgreSQL in a
// temporary directory), seeds three organisations — a 50-person team, a 5,000-person board and
// everyone else — signs every session in over a real WebSocket (session.resume with seeded
// tokens, as clients do after a restart), then times state changes in the team and on the board
// while all sessions stay connected. Prints latency percentiles, server memory per idle session
// and server CPU per phase. With --servers N, N server processes share the database and the
// sessions are spread over them round-robin: the sender is on the first, so most watchers hear
// of the change through another process (PostgreSQL LISTEN/NOTIFY).
#include "benchsupport.h"
#include "db/directorystore.h"
#include "db/pgsyncconnection.h"
#include "net/epolldispatcher.h"
#include "services/passwordhasher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QWebSocket>

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

// The load: every session, and what the current timing round is looking for.
class Load
{
public:
    explicit Load(const QList<QUrl> &urls)
        : m_urls(urls)
    { }

    // Opens and resumes sessions with at most `concurrency` handshakes under way at once.
    void connectAll(const std::vector<Member> &members, int concurrency)
    {
        m_members = &members;
        m_sockets.resize(members.size());
        m_next = 0;
        for (int i = 0; i < concurrency; ++i)
            openNext();
    }
    int signedIn() const { return m_signedIn; }
    int failed() const { return m_failed; }
    bool settled() const { return m_signedIn + m_failed == int(m_members->size()); }

    // Starts a round: member `sender` sets `stateId`; `watchers` are the indexes that must see it.
    void startRound(
        size_t sender, const QString &stateId, const std::vector<size_t> &watchers, qint64 id)
    {
        m_expectUser = QStringLiteral("\"userId\":\"%1\"").arg(m_members->at(sender).userId);
        m_expectState = QStringLiteral("\"stateId\":\"%1\"").arg(stateId);
        m_watching.assign(m_sockets.size(), false);
        for (size_t w : watchers)
            m_watching[w] = true;
        m_pending = int(watchers.size());
        m_slowest = 0;
        m_sentAt = m_clock.nsecsElapsed();
        m_sockets[sender]->sendTextMessage(
            frame(id, QStringLiteral("presence.set"), {{QStringLiteral("stateId"), stateId}}));
    }
    bool roundDone() const { return m_pending == 0; }

    // Member `caller` calls `method`; the round ends with the answer.
    void startCall(size_t caller, const QString &method, qint64 id)
    {
        m_callIndex = caller;
        m_callReply = QStringLiteral("\"id\":%1,").arg(id);
        m_callDone = false;
        m_sentAt = m_clock.nsecsElapsed();
        m_sockets[caller]->sendTextMessage(frame(id, method, {}));
    }
    bool callDone() const { return m_callDone; }
    int roundMissing() const { return m_pending; }
    double roundSlowest() const { return m_slowest; }
    std::vector<double> &latencies() { return m_latencies; }

private:
    void openNext()
    {
        if (m_next >= m_members->size())
            return;
        const size_t i = m_next++;
        auto socket = std::make_unique<QWebSocket>();
        QWebSocket *ws = socket.get();
        const QString resume = frame(1, QStringLiteral("session.resume"),
            {{QStringLiteral("token"), m_members->at(i).token}});
        QObject::connect(
            ws, &QWebSocket::connected, ws, [ws, resume] { ws->sendTextMessage(resume); });
        QObject::connect(
            ws, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), ws, [this, ws, i] {
                if (ws->property("settled").toBool())
                    return;
                ws->setProperty("settled", true);
                ++m_failed;
                std::fprintf(stderr, "session %zu: %s\n", i, qPrintable(ws->errorString()));
                openNext();
            });
        QObject::connect(ws, &QWebSocket::textMessageReceived, ws,
            [this, ws, i](const QString &text) { onText(ws, i, text); });
        ws->open(m_urls.at(int(i % size_t(m_urls.size()))));
        m_sockets[i] = std::move(socket);
    }

    void onText(QWebSocket *ws, size_t i, const QString &text)
    {
        if (!ws->property("settled").toBool()) {
            // The first reply is the resume's; pushes may come before it.
            if (!text.contains(QLatin1String("\"id\":1")))
                return;
            ws->setProperty("settled", true);
            text.contains(QLatin1String("\"result\"")) ? ++m_signedIn : ++m_failed;
            openNext();
            return;
        }
        if (!m_callDone && i == m_callIndex && text.contains(m_callReply)) {
            m_latencies.push_back(double(m_clock.nsecsElapsed() - m_sentAt) / 1e6);
            m_callDone = true;
            return;
        }
        // Cheap matching: the load tool shares the server's two cores, so it must not parse
        // thousands of JSON documents per round to find the one push it times.
        if (m_pending == 0 || !m_watching[i] || !text.contains(m_expectUser)
            || !text.contains(m_expectState))
            return;
        m_watching[i] = false;
        const double ms = double(m_clock.nsecsElapsed() - m_sentAt) / 1e6;
        m_latencies.push_back(ms);
        m_slowest = std::max(m_slowest, ms);
        --m_pending;
    }

    QList<QUrl> m_urls; // member i connects to m_urls[i % size]
    const std::vector<Member> *m_members = nullptr;
    std::vector<std::unique_ptr<QWebSocket>> m_sockets;
    size_t m_next = 0;
    int m_signedIn = 0;
    int m_failed = 0;
    QElapsedTimer m_clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    QString m_expectUser;
    QString m_expectState;
    std::vector<bool> m_watching;
    int m_pending = 0;
    double m_slowest = 0;
    qint64 m_sentAt = 0;
    std::vector<double> m_latencies;
    size_t m_callIndex = 0;
    QString m_callReply;
    bool m_callDone = true;
};

} // namespace

int main(int argc, char *argv[])
{
    raiseFileLimit();
    // The load tool holds every client socket on one thread: with Qt's poll-based dispatcher its
    // own wakeups would cost more than the server's work and swamp the figures.
    QCoreApplication::setEventDispatcher(new EpollDispatcher);
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Presence fan-out and capacity benchmark for muster-server."));
    parser.addHelpOption();
    const QCommandLineOption sessionsOption(QStringLiteral("sessions"),
        QStringLiteral("Signed-in sessions in all (default 10000)."), QStringLiteral("N"),
        QStringLiteral("10000"));
    const QCommandLineOption teamOption(QStringLiteral("team"),
        QStringLiteral("Members of the small team (default 50)."), QStringLiteral("N"),
        QStringLiteral("50"));
    const QCommandLineOption boardOption(QStringLiteral("board"),
        QStringLiteral("Members of the organisation-wide board (default 5000)."),
        QStringLiteral("N"), QStringLiteral("5000"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
        QStringLiteral("State changes timed per scenario (default 100)."), QStringLiteral("R"),
        QStringLiteral("100"));
    const QCommandLineOption serverOption(QStringLiteral("server-binary"),
        QStringLiteral("Path to muster-server."), QStringLiteral("PATH"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/../server/muster-server"));
    const QCommandLineOption threadsOption(QStringLiteral("socket-threads"),
        QStringLiteral("Passed to muster-server (default: the server's own default)."),
        QStringLiteral("N"));
    const QCommandLineOption serversOption(QStringLiteral("servers"),
        QStringLiteral("muster-server processes sharing the database (default 1)."),
        QStringLiteral("N"), QStringLiteral("1"));
    parser.addOptions({sessionsOption, teamOption, boardOption, roundsOption, serverOption,
        threadsOption, serversOption});
    parser.process(app);
    const int team = std::max(2, parser.value(teamOption).toInt());
    const int board = std::max(2, parser.value(boardOption).toInt());
    const int sessions = std::max(team + board, parser.value(sessionsOption).toInt());
    const int others = sessions - team - board;
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    const int serverCount = std::clamp(parser.value(serversOption).toInt(), 1, 16);

    QStringList serverArguments;
    if (parser.isSet(threadsOption))
        serverArguments << QStringLiteral("--socket-threads") << parser.value(threadsOption);
    std::vector<std::unique_ptr<BenchServer>> servers;
    QList<QUrl> urls;
    for (int i = 0; i < serverCount; ++i) {
        auto s = std::make_unique<BenchServer>();
        const bool started = i == 0
            ? s->start(parser.value(serverOption), serverArguments)
            : s->startSharing(*servers.front(), parser.value(serverOption), serverArguments);
        if (!started)
            return 1;
        urls.append(s->url());
        servers.push_back(std::move(s));
    }
    BenchServer &server = *servers.front();
    // Figures over every server process.
    const auto rssAll = [&] {
        qint64 sum = 0;
        for (const auto &s : servers)
            sum += rssKiB(s->pid());
        return sum;
    };
    const auto cpuAll = [&] {
        double sum = 0;
        for (const auto &s : servers)
            sum += cpuSeconds(s->pid());
        return sum;
    };

    // Seed: three organisations, their members (one shared argon2 hash) and a live session each,
    // whose token is known here (the database keeps only its SHA-256, as for real sessions).
    PgSyncConnection sql(server.conninfo());
    DirectoryStore directory(sql);
    const QString hash
        = QString::fromLatin1(PasswordHasher::hash(QStringLiteral("bench password")));
    const std::array<std::tuple<QString, QString, int>, 3> organisations {{
        {QStringLiteral("Team"), QStringLiteral("t"), team},
        {QStringLiteral("Board"), QStringLiteral("b"), board},
        {QStringLiteral("Others"), QStringLiteral("o"), others},
    }};
    for (const auto &[name, prefix, count] : organisations) {
        if (!directory.createOrganisation(name)) {
            std::fprintf(stderr, "seeding failed: %s\n", qPrintable(directory.errorMessage()));
            return 1;
        }
        const PgResult seeded = sql.exec(
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
        if (!seeded.ok()) {
            std::fprintf(stderr, "seeding failed: %s\n", qPrintable(seeded.errorMessage()));
            return 1;
        }
    }
    const PgResult rows = sql.exec(
        "SELECT u.login, o.name, u.id FROM users u JOIN organisations o ON o.id = u.organisation_id"
        " ORDER BY o.name DESC, u.created_at, u.login");
    std::vector<Member> members;
    for (int r = 0; r < rows.rows(); ++r) {
        members.push_back({rows.text(r, 0), rows.text(r, 1),
            QStringLiteral("bench-") + rows.text(r, 0), rows.text(r, 2)});
    }
    const auto indexesOf = [&](const QString &organisation) {
        std::vector<size_t> indexes;
        for (size_t i = 0; i < members.size(); ++i) {
            if (members[i].organisation == organisation)
                indexes.push_back(i);
        }
        return indexes;
    };
    const auto statesOf = [&](const QString &organisation) {
        const PgResult r = sql.exec("SELECT s.id FROM states s JOIN organisations o ON"
                                    " o.id = s.organisation_id WHERE o.name = $1"
                                    " ORDER BY s.sort_order LIMIT 2",
            PgParams() << organisation);
        return std::array<QString, 2> {r.text(0, 0), r.text(1, 0)};
    };

    const qint64 rssBefore = rssAll();
    double cpuMark = cpuAll();
    QElapsedTimer phase;
    phase.start();

    Load load(urls);
    load.connectAll(members, 256);
    if (!waitFor([&] { return load.settled(); }, 900000)) {
        std::fprintf(stderr, "sign-in timed out: %d of %zu\n", load.signedIn(), members.size());
        return 1;
    }
    const double connectSeconds = double(phase.elapsed()) / 1000.0;
    const double connectCpu = cpuAll() - cpuMark;
    // Let the last arrivals' pushes drain and the server's housekeeping return what the storm
    // of arrivals needed only briefly (it checks every 5 s).
    waitFor([] { return false; }, 7000);
    const qint64 rssAfter = rssAll();
    // What holding the sessions costs with nothing happening (keep-alive, timers).
    const double idleMark = cpuAll();
    waitFor([] { return false; }, 5000);
    const double idleCpu = (cpuAll() - idleMark) / 5.0;

    // One scenario: the first member of an organisation toggles state; all the others watch.
    struct Outcome
    {
        std::vector<double> each;
        std::vector<double> last;
        double cpu = 0;
        double seconds = 0;
    };
    const auto runRounds = [&](const QString &organisation) {
        Outcome out;
        const std::vector<size_t> everyone = indexesOf(organisation);
        const std::vector<size_t> watchers(everyone.begin() + 1, everyone.end());
        const std::array<QString, 2> states = statesOf(organisation);
        load.latencies().clear();
        cpuMark = cpuAll();
        phase.restart();
        for (int round = 0; round < rounds; ++round) {
            // Start from the other state, so every round is a change.
            load.startRound(everyone.front(), states[(round + 1) % 2], watchers, 100 + round);
            if (!waitFor([&] { return load.roundDone(); }, 30000)) {
                std::fprintf(stderr, "%s round %d: %d members did not see the change\n",
                    qPrintable(organisation), round, load.roundMissing());
                break;
            }
            out.last.push_back(load.roundSlowest());
            // A short pause, as between real people's clicks; the server sits idle meanwhile.
            waitFor([] { return false; }, 20);
        }
        out.cpu = cpuAll() - cpuMark;
        out.seconds = double(phase.elapsed()) / 1000.0;
        out.each = load.latencies();
        return out;
    };
    const Outcome teamOutcome = runRounds(QStringLiteral("Team"));
    const Outcome boardOutcome = runRounds(QStringLiteral("Board"));
    // What opening the board costs: the whole organisation's snapshot, one call at a time.
    std::vector<double> boardList;
    {
        const size_t caller = indexesOf(QStringLiteral("Board")).front();
        load.latencies().clear();
        for (int round = 0; round < std::min(rounds, 50); ++round) {
            load.startCall(caller, QStringLiteral("presence.list"), 100000 + round);
            if (!waitFor([&] { return load.callDone(); }, 30000)) {
                std::fprintf(stderr, "presence.list %d: no answer\n", round);
                break;
            }
        }
        boardList = load.latencies();
    }

    std::printf("muster-bench-presence: %d sessions (team %d, board %d, others %d), %d rounds per "
                "scenario, %d server process%s, loopback, load tool on the same cores\n",
        sessions, team, board, others, rounds, serverCount, serverCount == 1 ? "" : "es");
    std::printf("sessions held                      %d (failed %d), all resumed in %.1f s "
                "(server CPU %.1f s)\n",
        load.signedIn(), load.failed(), connectSeconds, connectCpu);
    std::printf("server RSS                         %lld KiB before, %lld KiB with sessions: "
                "%.1f KiB per idle session\n",
        rssBefore, rssAfter, double(rssAfter - rssBefore) / std::max(1, load.signedIn()));
    std::printf("server CPU while idle              %.1f %% of one core\n", idleCpu * 100);
    std::printf("team of %d, %d others connected:\n", team, sessions - team);
    printLatency("  presence.set -> each member", teamOutcome.each);
    printLatency("  presence.set -> last member", teamOutcome.last);
    std::printf("  server CPU %.2f s over %.1f s\n", teamOutcome.cpu, teamOutcome.seconds);
    std::printf("board of %d (organisation-wide), %d others connected:\n", board, sessions - board);
    printLatency("  presence.set -> each member", boardOutcome.each);
    printLatency("  presence.set -> last member", boardOutcome.last);
    std::printf("  server CPU %.2f s over %.1f s\n", boardOutcome.cpu, boardOutcome.seconds);
    printLatency("  presence.list (whole board)", boardList);
    std::fflush(stdout);

    // The others first: the first server owns the embedded cluster.
    for (auto it = servers.rbegin(); it != servers.rend(); ++it)
        (*it)->stop();
    return 0;
}
