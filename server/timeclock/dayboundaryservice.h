// The day boundary: at each active event's boundary hour, in its time zone, ongoing entries
// stop at min(start + 1 h, now), flagged, and their owners get a notice to acknowledge. The
// check runs often and is cheap; which process does the work is settled in the database (see
// muster_stop_at_boundaries), so several servers on one database stop each entry once.
#pragma once

#include "db/timeclockstore.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace Muster {

class Database;
class NotificationService;
class TimeclockService;

class DayBoundaryService : public QObject
{
    Q_OBJECT
public:
    DayBoundaryService(Database &db, TimeclockService &timeclock,
        NotificationService &notifications, QObject *parent = nullptr);

    void start(std::chrono::milliseconds checkInterval = std::chrono::seconds(15));
    // Checks now; with force, stops the active events' ongoing entries whether or not a
    // boundary passed (org null: every organisation). Emits stopped(count) when done.
    void run(const QUuid &organisationId = {}, bool force = false);

Q_SIGNALS:
    void stopped(int entries);

private:
    TimeclockStore m_store;
    TimeclockService &m_timeclock;
    NotificationService &m_notifications;
    QTimer m_timer;
    bool m_running = false;
};

} // namespace Muster
