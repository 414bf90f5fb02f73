// See dayboundaryservice.h.
#include "dayboundaryservice.h"

#include "notificationservice.h"
#include "timeclockservice.h"
#include "util/logging.h"

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
    m_store.stopAtBoundaries(organisationId, force, this,
        [this](const TimeclockStore::Boundary &boundary, const StoreError &e) {
            m_running = false;
            if (e) {
                qCWarning(lcTimeclock) << "day boundary check failed:" << e.message;
                return;
            }
            for (const TimeclockStore::BoundaryStop &stop : boundary.stops)
                m_timeclock.publish(stop.organisationId, QStringLiteral("stopped"), stop.change);
            for (const Notification &notice : boundary.notices)
                m_notifications.deliver(notice);
            const int entries = int(boundary.stops.size());
            if (entries > 0)
                qCInfo(lcTimeclock) << "day boundary: stopped" << entries << "ongoing entries";
            Q_EMIT stopped(entries);
        });
}

} // namespace Muster
