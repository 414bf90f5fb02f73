// muster-bench-presence: measures how fast a presence.set reaches every member of an organisation.
// Starts a real muster-server (embedded PostgreSQL in a temporary directory), signs in N members
// over real WebSockets, has one member change state R times, and prints latency percentiles
// (to each member and to the last member of each round) plus the server's memory per session.
#include "db/directorystore.h"
#include "db/pgsyncconnection.h"
#include "services/passwordhasher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Muster;

namespace {

qint64 rssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    // /proc files report no size, so read them whole rather than testing atEnd().
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = std::min(values.size() - 1, size_t(p / 100.0 * double(values.size())));
    return values[index];
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

QString frame(qint64 id, const QString &method, const QJsonObject &params)
{
    return QString::fromUtf8(QJsonDocument(
        QJsonObject {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id},
            {QStringLiteral("method"), method},
            {QStringLiteral("params"),
                params}}).toJson(QJsonDocument::Compact));
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Presence fan-out benchmark for muster-server."));
    parser.addHelpOption();
    const QCommandLineOption membersOption(QStringLiteral("members"),
        QStringLiteral("Members in the organisation (default 500)."), QStringLiteral("N"),
        QStringLiteral("500"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
        QStringLiteral("State changes to time (default 200)."), QStringLiteral("R"),
        QStringLiteral("200"));
    const QCommandLineOption serverOption(QStringLiteral("server-binary"),
        QStringLiteral("Path to muster-server."), QStringLiteral("PATH"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/../server/muster-server"));
    parser.addOptions({membersOption, roundsOption, serverOption});
    parser.process(app);
    const int members = std::max(2, parser.value(membersOption).toInt());
    const int rounds = std::max(1, parser.value(roundsOption).toInt());

    QTemporaryDir dir(QStringLiteral("/tmp/muster-bench-XXXXXX"));
    QProcess server;
    server.setProcessChannelMode(QProcess::SeparateChannels);
    server.start(parser.value(serverOption),
        {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--port"), QStringLiteral("0")});
    if (!server.waitForStarted(10000) || !waitFor([&] { return server.canReadLine(); }, 120000)) {
        std::fprintf(stderr, "muster-server did not start\n");
        return 1;
    }
    const quint16 port = server.readLine().trimmed().split(':').last().toUShort();
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port));

    // Seed one organisation with N members sharing one password (one argon2 hash, bulk insert).
    PgSyncConnection sql(
        "host='" + dir.path().toUtf8() + "/postgresql' port=5432 user=muster dbname=muster");
    DirectoryStore directory(sql);
    if (!directory.createOrganisation(QStringLiteral("Bench"))) {
        std::fprintf(stderr, "seeding failed: %s\n", qPrintable(directory.errorMessage()));
        return 1;
    }
    const PgResult seeded = sql.exec(
        "INSERT INTO users (organisation_id, login, display_name, password_hash, role, "
        "home_team_id, state_id)"
        " SELECT o.id, 'm' || g, 'Member ' || g, $1, 'staff',"
        "  (SELECT id FROM teams WHERE organisation_id = o.id LIMIT 1),"
        "  (SELECT id FROM states WHERE organisation_id = o.id AND is_default)"
        " FROM organisations o, generate_series(1, $2::int) g WHERE o.name = 'Bench'",
        PgParams() << QString::fromLatin1(PasswordHasher::hash(QStringLiteral("bench password")))
                   << members);
    const PgResult states
        = sql.exec("SELECT s.id FROM states s JOIN organisations o ON o.id = s.organisation_id"
                   " WHERE o.name = 'Bench' ORDER BY s.sort_order LIMIT 2");
    if (!seeded.ok() || states.rows() != 2) {
        std::fprintf(stderr, "seeding failed: %s\n", qPrintable(seeded.errorMessage()));
        return 1;
    }
    const QString stateIds[2] = {states.text(0, 0), states.text(1, 0)};
    const qint64 rssBefore = rssKiB(server.processId());

    // Sign everyone in.
    std::vector<std::unique_ptr<QWebSocket>> sockets;
    int signedIn = 0;
    int failed = 0;
    QElapsedTimer clock;
    clock.start();
    std::vector<double> latencies;
    std::vector<double> lastPerRound;
    int round = -1;
    int receivedThisRound = 0;
    qint64 sentAtNs = 0;
    double slowestThisRound = 0;
    for (int i = 0; i < members; ++i) {
        auto socket = std::make_unique<QWebSocket>();
        QWebSocket *ws = socket.get();
        QObject::connect(ws, &QWebSocket::connected, ws, [ws, i] {
            ws->sendTextMessage(frame(1, QStringLiteral("session.login"),
                {{QStringLiteral("login"), QStringLiteral("m%1").arg(i + 1)},
                    {QStringLiteral("password"), QStringLiteral("bench password")}}));
        });
        QObject::connect(ws, &QWebSocket::textMessageReceived, ws, [&, i](const QString &text) {
            const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
            if (message.value(QStringLiteral("id")).toInt() == 1) {
                message.contains(QStringLiteral("result")) ? ++signedIn : ++failed;
                return;
            }
            if (i == 0 || round < 0
                || message.value(QStringLiteral("method")).toString()
                    != QStringLiteral("presence.changed"))
                return;
            const QJsonObject p = message.value(QStringLiteral("params")).toObject();
            if (p.value(QStringLiteral("userId")).toString().isEmpty()
                || p.value(QStringLiteral("stateId")).toString() != stateIds[round % 2])
                return;
            const double ms = double(clock.nsecsElapsed() - sentAtNs) / 1e6;
            latencies.push_back(ms);
            slowestThisRound = std::max(slowestThisRound, ms);
            ++receivedThisRound;
        });
        ws->open(url);
        sockets.push_back(std::move(socket));
    }
    if (!waitFor([&] { return signedIn + failed == members; }, 600000)) {
        std::fprintf(stderr, "sign-in timed out: %d of %d\n", signedIn, members);
        return 1;
    }
    const double signInSeconds = double(clock.elapsed()) / 1000.0;
    waitFor([] { return false; }, 500); // let the "online" pushes settle before timing
    const qint64 rssAfter = rssKiB(server.processId());

    // Rounds: member 1 changes state; every other member must see it.
    for (round = 0; round < rounds; ++round) {
        receivedThisRound = 0;
        slowestThisRound = 0;
        sentAtNs = clock.nsecsElapsed();
        sockets[0]->sendTextMessage(frame(100 + round, QStringLiteral("presence.set"),
            {{QStringLiteral("stateId"), stateIds[round % 2]}}));
        if (!waitFor([&] { return receivedThisRound >= signedIn - 1; }, 10000)) {
            std::fprintf(stderr, "round %d: only %d of %d members saw the change\n", round,
                receivedThisRound, signedIn - 1);
            break;
        }
        lastPerRound.push_back(slowestThisRound);
    }

    std::printf(
        "muster-bench-presence: %d members, %d rounds, one process, loopback\n", members, rounds);
    std::printf(
        "sessions signed in        %d (failed %d) in %.2f s\n", signedIn, failed, signInSeconds);
    std::printf("fan-out to each member    p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms\n",
        percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
        percentile(latencies, 100));
    std::printf("fan-out to last member    p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms\n",
        percentile(lastPerRound, 50), percentile(lastPerRound, 95), percentile(lastPerRound, 99),
        percentile(lastPerRound, 100));
    std::printf(
        "server RSS                %lld KiB idle, %lld KiB with sessions: %.1f KiB per session\n",
        rssBefore, rssAfter, double(rssAfter - rssBefore) / std::max(1, signedIn));

    sockets.clear();
    server.terminate();
    server.waitForFinished(30000);
    return 0;
}
