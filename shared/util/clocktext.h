// Times of day and dates as people read them on a screen: hours and minutes in the local way, never
// seconds (the C locale's short time format has them), and a date with its weekday, which is what a
// convention's days are called. Both UIs use them.
#pragma once

#include <QDateTime>
#include <QString>

namespace Muster {

// "14:05" (or "2:05 PM", by the locale) of this moment where it is seen.
QString clockText(const QDateTime &moment);
// "Fri 4 Dec 2026, 14:05".
QString dateTimeText(const QDateTime &moment);
// "Fri 4 Dec, 14:05": the year only when it is not this one.
QString dayTimeText(const QDateTime &moment);
// "Fri 4 Dec 2026".
QString dateText(const QDate &date);

} // namespace Muster
