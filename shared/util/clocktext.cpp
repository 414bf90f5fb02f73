// See clocktext.h.
#include "clocktext.h"

#include <QLocale>
#include <QRegularExpression>

namespace Muster {

namespace {

QString minutesFormat()
{
    // The locale's short time format without its seconds field and the separator before it.
    static const QRegularExpression seconds(QStringLiteral("[:.]ss"));
    return QLocale().timeFormat(QLocale::ShortFormat).remove(seconds);
}

} // namespace

QString clockText(const QDateTime &moment)
{
    return moment.isValid() ? QLocale().toString(moment.time(), minutesFormat()) : QString();
}

QString dateText(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QStringLiteral("ddd d MMM yyyy")) : QString();
}

QString dateTimeText(const QDateTime &moment)
{
    if (!moment.isValid())
        return {};
    return dateText(moment.date()) + QStringLiteral(", ") + clockText(moment);
}

QString dayTimeText(const QDateTime &moment)
{
    if (!moment.isValid())
        return {};
    if (moment.date().year() != QDate::currentDate().year())
        return dateTimeText(moment);
    return QLocale().toString(moment.date(), QStringLiteral("ddd d MMM")) + QStringLiteral(", ")
        + clockText(moment);
}

} // namespace Muster
