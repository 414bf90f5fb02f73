// See listenconnection.h.
#include "listenconnection.h"

#include "notifystore.h"
#include "util/logging.h"

namespace Muster {

namespace {
constexpr std::chrono::milliseconds kFirstRetry {250};
constexpr std::chrono::milliseconds kLongestRetry {10000};
} // namespace

ListenConnection::ListenConnection(
    const QByteArray &conninfo, const QString &applicationName, QObject *parent)
    : QObject(parent)
    , m_connection(conninfo)
    , m_applicationName(applicationName)
{
    connect(&m_connection, &PgConnection::ready, this, &ListenConnection::onReady);
    connect(&m_connection, &PgConnection::lost, this, &ListenConnection::onLost);
    connect(&m_connection, &PgConnection::notificationReceived, this,
        &ListenConnection::notificationReceived);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, &m_connection, &PgConnection::open);
}

void ListenConnection::listen(const QString &channel)
{
    m_connection.listen(channel);
}

void ListenConnection::open()
{
    m_connection.open();
}

void ListenConnection::onReady()
{
    m_retryDelay = kFirstRetry;
    // The connection has queued its LISTENs already; this runs after them.
    m_connection.submit({PgStatement {"SELECT set_config('application_name', $1, false)",
                            PgParams() << m_applicationName}},
        false, [this](const QList<PgResult> &results) {
            if (results.isEmpty() || !results.last().ok())
                return; // lost meanwhile: onLost runs and tries again
            m_listening = true;
            const bool afterLoss = std::exchange(m_wasLost, false);
            if (afterLoss)
                qCInfo(lcDb) << "listening for other servers again";
            Q_EMIT listening(afterLoss);
        });
}

void ListenConnection::onLost()
{
    if (m_listening || !m_wasLost)
        qCWarning(lcDb) << "lost the listening connection; reconnecting in" << m_retryDelay.count()
                        << "ms";
    m_listening = false;
    m_wasLost = true;
    Q_EMIT lost();
    m_retryTimer.start(m_retryDelay);
    m_retryDelay = std::min(m_retryDelay * 2, kLongestRetry);
}

void ListenConnection::notify(const QString &channel, const QByteArray &payload, Done done)
{
    m_connection.submit({PgStatement {NotifyStore::kNotifySql,
                            PgParams() << channel << QString::fromUtf8(payload)}},
        false, [done = std::move(done)](const QList<PgResult> &results) {
            done(!results.isEmpty() && results.last().ok());
        });
}

void ListenConnection::notifyThroughOutbox(
    const QString &channel, const QByteArray &prefix, const QByteArray &body, Done done)
{
    m_connection.submit(
        {PgStatement {NotifyStore::kNotifyThroughOutboxSql,
            PgParams() << channel << QString::fromUtf8(body) << QString::fromUtf8(prefix)}},
        false, [done = std::move(done)](const QList<PgResult> &results) {
            done(!results.isEmpty() && results.last().ok());
        });
}

void ListenConnection::readOutbox(
    qint64 id, std::function<void(const std::optional<QByteArray> &)> handler)
{
    m_connection.submit({PgStatement {NotifyStore::kReadOutboxSql, PgParams() << id}}, false,
        [handler = std::move(handler)](const QList<PgResult> &results) {
            if (results.isEmpty() || !results.last().ok() || results.last().rows() != 1)
                return handler(std::nullopt);
            handler(results.last().bytes(0, 0));
        });
}

void ListenConnection::sweepOutbox(std::chrono::seconds olderThan)
{
    m_connection.submit(
        {PgStatement {NotifyStore::kSweepOutboxSql, PgParams() << qint64(olderThan.count())}},
        false, [](const QList<PgResult> &) {});
}

} // namespace Muster
