// Times typed in another place's time zone. QDateTimeEdit in Qt 6.4 knows no time zone of its
// own, so a moment is shown as the wall-clock time of the zone (in a UTC-spec edit, which never
// shifts it for daylight saving) and read back in that zone. An event's times are typed this way,
// as its volunteers live them.
#pragma once

#include <QDateTime>
#include <QTimeZone>

class QDateTimeEdit;

namespace Muster {

// The zone of that IANA name, or UTC for a name that is none.
QTimeZone zoneOf(const QString &name);
// A moment as the wall clock of `zone` shows it, in a form a UTC-spec edit keeps unchanged.
QDateTime wallClock(const QDateTime &moment, const QTimeZone &zone);
// What a UTC-spec edit shows, read as the wall clock of `zone`: the moment, in UTC.
QDateTime fromWallClock(const QDateTime &shown, const QTimeZone &zone);
// Makes an edit show wall-clock times to the minute, with its calendar.
void prepareWallClockEdit(QDateTimeEdit *edit);

} // namespace Muster
