// See durationtext.h.
#include "durationtext.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace Muster {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DurationText", text);
}

} // namespace

QString durationText(qint64 seconds)
{
    const qint64 minutes = std::max<qint64>(0, seconds) / 60;
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString hoursText(double hours)
{
    return tr("%1 h").arg(QLocale().toString(std::max(0.0, hours), 'f', 1));
}

} // namespace Muster
