// See elapsedtext.h. Coarser as time passes: minutes matter today, not next week.
#include "elapsedtext.h"

#include <QCoreApplication>

namespace Muster {

QString elapsedText(const QDateTime &since, const QDateTime &now)
{
    if (!since.isValid())
        return {};
    const qint64 seconds = std::max<qint64>(0, since.secsTo(now));
    const qint64 minutes = seconds / 60;
    const qint64 hours = minutes / 60;
    const qint64 days = hours / 24;
    auto tr = [](const char *text) { return QCoreApplication::translate("ElapsedText", text); };
    if (minutes < 1)
        return tr("just now");
    if (hours < 1)
        return tr("%1 min").arg(minutes);
    if (hours < 10 && minutes % 60 != 0)
        return tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    if (days < 1)
        return tr("%1 h").arg(hours);
    return tr("%1 d").arg(days);
}

} // namespace Muster
