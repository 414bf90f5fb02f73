// See zonedtime.h.
#include "zonedtime.h"

#include <QDateTimeEdit>

namespace Muster {

QTimeZone zoneOf(const QString &name)
{
    const QTimeZone zone(name.toUtf8());
    return zone.isValid() ? zone : QTimeZone::utc();
}

QDateTime wallClock(const QDateTime &moment, const QTimeZone &zone)
{
    const QDateTime there = moment.toTimeZone(zone);
    return QDateTime(there.date(), there.time(), Qt::UTC);
}

QDateTime fromWallClock(const QDateTime &shown, const QTimeZone &zone)
{
    return QDateTime(shown.date(), shown.time(), zone).toUTC();
}

void prepareWallClockEdit(QDateTimeEdit *edit)
{
    edit->setTimeSpec(Qt::UTC);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("ddd d MMM yyyy, HH:mm"));
}

} // namespace Muster
