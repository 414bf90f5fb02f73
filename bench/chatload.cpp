// muster-bench-chat: durable chat messages under load. Starts a real muster-server (embedded
// PostgreSQL in a temporary directory), seeds an organisation with consultants on duty, lets
// anonymous clients join its anteroom over real WebSockets (anteroom.join, the public path) and
// the consultants take them (chat.accept), then has every client write as fast as its
// acknowledgements come back, several messages in flight each, for a while. Each chat.send is
// answered only after its commit. Prints messages per second, the acknowledgement latency
// percentiles, the server's CPU per message, and checks that every acknowledged message is in
// the database exactly once.
#include "benchsupport.h"
#include "db/directorystore.h"
#include "db/pgsyncconnection.h"
#include "epolldispatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QWebSocket>

#include <cstdio>
#include <memory>

using namespace Muster;
using namespace Muster::Bench;

namespace {

// One WebSocket with requests in flight, answered by id.
class Peer
{
public:
    using Answer = std::function<void(const QJsonObject &frame)>;

    explicit Peer(const QUrl &url)
    {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, [this](const QString &text) {
            const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
            const QJsonValue id = frame.value(QStringLiteral("id"));
            if (id.isUndefined()) {
                ++pushes;
                return;
            }
            if (Answer answer = m_pending.take(id.toInteger()))
                answer(frame);
        });
        m_socket.open(url);
    }

    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QString &method, const QJsonObject &params, Answer answer)
    {
        const qint64 id = ++m_nextId;
        m_pending.insert(id, std::move(answer));
        m_socket.sendTextMessage(frame(id, method, params));
    }
    QJsonObject call(const QString &method, const QJsonObject &params)
    {
        QJsonObject result;
        bool done = false;
        send(method, params, [&](const QJsonObject &frame) {
            result = frame;
            done = true;
        });
        waitFor([&] { return done; }, 60000);
        return result;
    }

    qint64 pushes = 0;

private:
    QWebSocket m_socket;
    QHash<qint64, Answer> m_pending;
    qint64 m_nextId = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    raiseFileLimit();
    QCoreApplication::setEventDispatcher(new EpollDispatcher);
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Chat message benchmark for muster-server."));
    parser.addHelpOption();
    const QCommandLineOption chatsOption(QStringLiteral("chats"),
        QStringLiteral("Chats at once (default 200)."), QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption windowOption(QStringLiteral("window"),
        QStringLiteral("Messages in flight per client (default 4)."), QStringLiteral("N"),
        QStringLiteral("4"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
        QStringLiteral("How long the clients write (default 10)."), QStringLiteral("S"),
        QStringLiteral("10"));
    const QCommandLineOption serverOption(QStringLiteral("server-binary"),
        QStringLiteral("Path to muster-server."), QStringLiteral("PATH"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/../server/muster-server"));
    parser.addOptions({chatsOption, windowOption, secondsOption, serverOption});
    parser.process(app);
    const int chats = std::clamp(parser.value(chatsOption).toInt(), 1, 5000);
    const int window = std::clamp(parser.value(windowOption).toInt(), 1, 32);
    const int seconds = std::clamp(parser.value(secondsOption).toInt(), 1, 600);
    constexpr int kPerConsultant = 20;
    const int consultants = (chats + kPerConsultant - 1) / kPerConsultant;

    BenchServer server;
    if (!server.start(parser.value(serverOption),
            {QStringLiteral("--limit"), QStringLiteral("anteroom-joins-per-address=1000000"),
                QStringLiteral("--limit"),
                QStringLiteral("anteroom-joins-per-organisation=1000000")}))
        return 1;
    PgSyncConnection sql(server.conninfo());
    DirectoryStore directory(sql);
    if (!directory.createOrganisation(QStringLiteral("Helpline"))) {
        std::fprintf(stderr, "seeding failed: %s\n", qPrintable(directory.errorMessage()));
        return 1;
    }
    const QUuid org
        = mustExec(sql, "SELECT id FROM organisations WHERE name = 'Helpline'").uuid(0, 0);
    const QString key = QStringLiteral("benchbenchbenchbench");
    mustExec(sql,
        "INSERT INTO chat_settings (organisation_id, public_key, max_chats_per_consultant,"
        " max_waiting) VALUES ($1, $2, 20, 1000)",
        PgParams() << org << key);
    // Consultants on duty, each with a known session token.
    mustExec(sql,
        "WITH u AS (INSERT INTO users (organisation_id, login, display_name, password_hash, role)"
        "  SELECT $1, 'c' || g, 'Consultant ' || g, '', 'staff' FROM generate_series(1, $2::int) g"
        "  RETURNING id, login),"
        " s AS (INSERT INTO sessions (organisation_id, user_id, token_hash, expires_at)"
        "  SELECT $1, id, sha256(convert_to('bench-' || login, 'UTF8')), now() + interval '1 day'"
        "  FROM u)"
        " INSERT INTO chat_duty (organisation_id, user_id, chat_name) SELECT $1, id, login FROM u",
        PgParams() << org << consultants);

    std::vector<std::unique_ptr<Peer>> staff, clients;
    for (int c = 1; c <= consultants; ++c)
        staff.push_back(std::make_unique<Peer>(server.url()));
    for (int i = 0; i < chats; ++i)
        clients.push_back(std::make_unique<Peer>(server.url()));
    auto allOpen = [](const std::vector<std::unique_ptr<Peer>> &peers) {
        return std::all_of(peers.cbegin(), peers.cend(), [](const auto &p) { return p->isOpen(); });
    };
    if (!waitFor([&] { return allOpen(staff) && allOpen(clients); }, 60000)) {
        std::fprintf(stderr, "connections did not open\n");
        return 1;
    }
    for (int c = 0; c < consultants; ++c) {
        const QJsonObject r = staff[c]->call(QStringLiteral("session.resume"),
            {{QStringLiteral("token"), QStringLiteral("bench-c%1").arg(c + 1)}});
        if (!r.contains(QStringLiteral("result"))) {
            std::fprintf(stderr, "consultant sign-in failed\n");
            return 1;
        }
    }
    // The clients join, the consultants take them: the public path, as in real life.
    QList<QString> chatIds;
    for (int i = 0; i < chats; ++i) {
        const QJsonObject r = clients[i]->call(QStringLiteral("anteroom.join"),
            {{QStringLiteral("key"), key},
                {QStringLiteral("alias"), QStringLiteral("Client %1").arg(i)},
                {QStringLiteral("consent"), true}});
        chatIds.append(
            r[QStringLiteral("result")][QStringLiteral("chat")][QStringLiteral("id")].toString());
        const QJsonObject a = staff[i / kPerConsultant]->call(
            QStringLiteral("chat.accept"), {{QStringLiteral("chatId"), chatIds.last()}});
        if (!a.contains(QStringLiteral("result"))) {
            std::fprintf(stderr, "could not set up chat %d: %s\n", i,
                QJsonDocument(a).toJson(QJsonDocument::Compact).constData());
            return 1;
        }
    }
    std::printf("chat: %d chats with %d consultants, %d messages in flight per client, %d s\n",
        chats, consultants, window, seconds);

    // Every client keeps `window` messages in flight until the time is up.
    std::vector<double> latencies;
    latencies.reserve(size_t(chats) * 20000);
    qint64 acked = 0, failed = 0, sent = 0;
    bool writing = true;
    std::function<void(int)> next = [&](int i) {
        if (!writing)
            return;
        const qint64 n = ++sent;
        auto started = std::make_shared<QElapsedTimer>();
        started->start();
        clients[i]->send(QStringLiteral("chat.send"),
            {{QStringLiteral("chatId"), chatIds[i]},
                {QStringLiteral("text"),
                    QStringLiteral("message %1, a sentence of ordinary length").arg(n)},
                {QStringLiteral("clientMsgId"), QStringLiteral("m%1").arg(n)}},
            [&, i, started](const QJsonObject &frame) {
                if (frame.contains(QStringLiteral("result"))) {
                    ++acked;
                    latencies.push_back(double(started->nsecsElapsed()) / 1e6);
                } else {
                    ++failed;
                }
                next(i);
            });
    };
    const double cpuBefore = cpuSeconds(server.pid());
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < chats; ++i) {
        for (int w = 0; w < window; ++w)
            next(i);
    }
    waitFor([&] { return clock.elapsed() >= seconds * 1000; }, seconds * 1000 + 1000);
    writing = false;
    const double elapsed = double(clock.nsecsElapsed()) / 1e9;
    waitFor([&] { return acked + failed >= sent; }, 30000);
    const double cpu = cpuSeconds(server.pid()) - cpuBefore;

    std::printf("  acknowledged %lld messages (%lld failed) in %.1f s: %.0f messages/s\n", acked,
        failed, elapsed, double(acked) / elapsed);
    printLatency("chat.send ack", latencies);
    std::printf("  server CPU %.1f µs per message (%.2f cores)\n",
        cpu * 1e6 / double(std::max<qint64>(1, acked)), cpu / elapsed);
    qint64 pushes = 0;
    for (const auto &s : staff)
        pushes += s->pushes;
    std::printf("  consultants received %lld pushes\n", pushes);
    const qint64 stored
        = mustExec(sql, "SELECT count(*) FROM chat_messages WHERE sender = 'client'")
              .text(0, 0)
              .toLongLong();
    std::printf("  stored client messages: %lld (acknowledged %lld)%s\n", stored, acked,
        stored == acked ? "" : "  MISMATCH");
    server.stop();
    return stored == acked ? 0 : 1;
}
