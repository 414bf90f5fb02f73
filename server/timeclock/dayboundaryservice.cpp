// See dayboundaryservice.h.
#include "dayboundaryservice.h"

#include "notificationservice.h"
#include "timeclockservice.h"
#include "util/logging.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Muster {

DayBoundaryService::DayBoundaryService(
    Database &db, TimeclockService &timeclock, NotificationService &notifications, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_timeclock(timeclock)
    , m_notifications(notifications)
{
    connect(&m_timer, &QTimer::timeout, this, [this] { run(); });
}

void DayBoundaryService::start(std::chrono::milliseconds checkInterval)
{
    m_timer.start(checkInterval);
}

void DayBoundaryService::run(const QUuid &organisationId, bool force)
{
    if (m_running && !force)
        return; // the previous check is still out
    m_running = true;
    m_store.stopAtBoundaries(
        organisationId, force, this, [this](const QJsonArray &stops, const StoreError &e) {
            m_running = false;
            if (e) {
                qCWarning(lcTimeclock) << "day boundary check failed:" << e.message;
                return;
            }
            int entries = 0;
            for (const QJsonValue &item : stops) {
                const QJsonObject stop = item.toObject();
                const QUuid org
                    = QUuid::fromString(stop.value(QStringLiteral("organisationId")).toString());
                if (stop.contains(QStringLiteral("entry"))) {
                    ++entries;
                    m_timeclock.publish(org, QStringLiteral("stopped"), stop);
                }
                if (stop.contains(QStringLiteral("notification")))
                    m_notifications.deliver(NotificationStore::fromRow(
                        stop.value(QStringLiteral("notification")).toObject()));
            }
            if (entries > 0)
                qCInfo(lcTimeclock) << "day boundary: stopped" << entries << "ongoing entries";
            Q_EMIT stopped(entries);
        });
}

} // namespace Muster
