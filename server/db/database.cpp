// See database.h.
#include "database.h"

#include "util/logging.h"

#include <algorithm>

namespace Muster {

namespace {
constexpr int kMaxWaitMs = 5000; // how long a job may wait for a usable connection
constexpr int kLongestRetryMs = 10000;
} // namespace

Database::Database(const QByteArray &conninfo, int poolSize, QObject *parent)
    : QObject(parent)
{
    for (int i = 0; i < std::max(1, poolSize); ++i) {
        auto *c = new PgConnection(conninfo, this);
        connect(c, &PgConnection::ready, this, &Database::onConnectionReady);
        connect(c, &PgConnection::lost, this, [this, c] { onConnectionLost(c); });
        m_connections.append(c);
    }
    m_waitingTimer.setInterval(250);
    connect(&m_waitingTimer, &QTimer::timeout, this, &Database::expireWaiting);
}

void Database::open()
{
    for (PgConnection *c : std::as_const(m_connections))
        c->open();
}

bool Database::isReady() const
{
    return std::any_of(m_connections.cbegin(), m_connections.cend(),
        [](const PgConnection *c) { return c->isReady(); });
}

static PgConnection::JobHandler guarded(QObject *context, PgConnection::JobHandler handler)
{
    return [context = QPointer<QObject>(context), hasContext = context != nullptr,
               handler = std::move(handler)](const QList<PgResult> &results) {
        if (!hasContext || context)
            handler(results);
    };
}

void Database::exec(
    const QByteArray &sql, const PgParams &params, QObject *context, ResultHandler handler)
{
    dispatch({PgStatement {sql, params}}, false,
        guarded(context, [handler = std::move(handler)](const QList<PgResult> &results) {
            handler(results.isEmpty() ? PgResult::failure(QStringLiteral("no result"))
                                      : results.last());
        }));
}

void Database::transaction(QList<PgStatement> statements, QObject *context, ResultsHandler handler)
{
    dispatch(std::move(statements), true, guarded(context, std::move(handler)));
}

void Database::dispatch(
    QList<PgStatement> statements, bool transactional, PgConnection::JobHandler handler)
{
    PgConnection *best = nullptr;
    for (PgConnection *c : std::as_const(m_connections)) {
        if (c->isReady() && (!best || c->load() < best->load()))
            best = c;
    }
    if (best) {
        best->submit(std::move(statements), transactional, std::move(handler));
        return;
    }
    Waiting w {std::move(statements), transactional, std::move(handler), {}};
    w.waited.start();
    m_waiting.append(std::move(w));
    if (!m_waitingTimer.isActive())
        m_waitingTimer.start();
}

void Database::onConnectionReady()
{
    m_retryDelayMs = 250;
    QList<Waiting> waiting = std::move(m_waiting);
    m_waiting.clear();
    m_waitingTimer.stop();
    for (Waiting &w : waiting)
        dispatch(std::move(w.statements), w.transactional, std::move(w.handler));
}

void Database::onConnectionLost(PgConnection *connection)
{
    const int delay = m_retryDelayMs;
    m_retryDelayMs = std::min(m_retryDelayMs * 2, kLongestRetryMs);
    qCInfo(lcDb) << "reconnecting to the database in" << delay << "ms";
    QTimer::singleShot(delay, connection, &PgConnection::open);
}

void Database::expireWaiting()
{
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (it->waited.elapsed() < kMaxWaitMs) {
            ++it;
            continue;
        }
        PgConnection::JobHandler handler = std::move(it->handler);
        it = m_waiting.erase(it);
        handler({PgResult::failure(QStringLiteral("database unavailable"), "08006")});
    }
    if (m_waiting.isEmpty())
        m_waitingTimer.stop();
}

} // namespace Muster
