// See offlineclock.h.
#include "offlineclock.h"

#include "client/connection.h"
#include "client/kioskclient.h"
#include "client/timeclockclient.h"
#include "outbox.h"
#include "util/logging.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Muster {

OfflineClock::OfflineClock(
    Connection &connection, KioskClient &client, Outbox &outbox, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_client(client)
    , m_outbox(outbox)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(std::chrono::seconds(10));
    connect(&m_retry, &QTimer::timeout, this, &OfflineClock::replay);
    connect(&m_connection, &Connection::signedIn, this, [this] {
        if (m_connection.isKiosk())
            replay();
    });
    // Queued while online (an answer that did not come): send it at once.
    connect(&m_outbox, &Outbox::countsChanged, this, [this] {
        if (m_connection.isReady() && m_connection.isKiosk() && !m_replaying)
            QMetaObject::invokeMethod(this, &OfflineClock::replay, Qt::QueuedConnection);
    });
}

bool OfflineClock::clockIn(const QString &badge, const QString &teamId, const QString &teamName)
{
    return enqueue(QStringLiteral("clockIn"), badge, teamId, teamName);
}

bool OfflineClock::clockOut(const QString &badge)
{
    return enqueue(QStringLiteral("clockOut"), badge, QString(), QString());
}

bool OfflineClock::enqueue(
    const QString &kind, const QString &badge, const QString &teamId, const QString &teamName)
{
    const bool kept = m_outbox.enqueue({TimeclockClient::newActionId(), kind, badge.trimmed(),
        QDateTime::currentDateTimeUtc(), teamId, teamName, false, QString(), QString()});
    if (kept)
        qCInfo(lcKiosk) << "offline" << kind << "queued;" << m_outbox.queuedCount() << "waiting";
    else
        qCWarning(lcKiosk) << "could not queue an offline" << kind << ":" << m_outbox.errorString();
    return kept;
}

QString OfflineClock::likelyNext(const QString &badge) const
{
    const QString last = m_outbox.lastQueuedKind(badge.trimmed());
    if (last == QLatin1String("clockIn"))
        return QStringLiteral("clockOut");
    if (last == QLatin1String("clockOut"))
        return QStringLiteral("clockIn");
    return {};
}

void OfflineClock::setReplaying(bool replaying)
{
    if (replaying == m_replaying)
        return;
    m_replaying = replaying;
    Q_EMIT replayingChanged();
}

void OfflineClock::replay()
{
    if (m_replaying || !m_connection.isReady() || !m_connection.isKiosk())
        return;
    const QList<Outbox::Action> batch = m_outbox.queued(500);
    if (batch.isEmpty())
        return;
    QJsonArray actions;
    for (const Outbox::Action &a : batch)
        actions.append(Outbox::toReplay(a));
    setReplaying(true);
    qCInfo(lcKiosk) << "replaying" << actions.size() << "queued clock actions";
    m_client.replay(actions)->then(this, [this](const QJsonValue &result, const RpcError &error) {
        if (error.isValid()) {
            setReplaying(false);
            // Lost on the way, or the server is busy: the queue stays as it was.
            qCInfo(lcKiosk) << "replay not answered:" << error.reason;
            if (error.code != RpcError::Disconnected)
                m_retry.start();
            return;
        }
        int placed = 0;
        int refused = 0;
        bool again = false;
        for (const QJsonValue &v : result[QStringLiteral("results")].toArray()) {
            const QJsonObject r = v.toObject();
            const QString actionId = r.value(QStringLiteral("actionId")).toString();
            if (r.value(QStringLiteral("ok")).toBool()) {
                m_outbox.remove(actionId);
                ++placed;
                continue;
            }
            const QJsonObject e = r.value(QStringLiteral("error")).toObject();
            const QString reason = e.value(QStringLiteral("data"))
                                       .toObject()
                                       .value(QStringLiteral("reason"))
                                       .toString();
            if (reason == QLatin1String("unavailable")) {
                again = true; // the database had a moment: try this one again
                continue;
            }
            m_outbox.markRefused(actionId, reason, e.value(QStringLiteral("message")).toString());
            ++refused;
            qCWarning(lcKiosk) << "the server refused a queued action:" << reason;
        }
        setReplaying(false);
        Q_EMIT replayed(placed, refused);
        if (again)
            m_retry.start();
        else if (m_outbox.queuedCount() > 0)
            replay(); // more than one batch
    });
}

} // namespace Muster
