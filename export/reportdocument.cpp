// See reportdocument.h.
#include "reportdocument.h"

#include "util/clocktext.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace Muster {

QString ReportDocument::titleOf(const QString &type)
{
    const auto tr
        = [](const char *text) { return QCoreApplication::translate("ReportDocument", text); };
    if (type == QLatin1String("hours"))
        return tr("Hours");
    if (type == QLatin1String("teams"))
        return tr("Teams");
    if (type == QLatin1String("onshift"))
        return tr("On shift through the day");
    if (type == QLatin1String("unclocked"))
        return tr("Automatic stops");
    if (type == QLatin1String("rewards"))
        return tr("Rewards");
    if (type == QLatin1String("attendees"))
        return tr("Attendee log");
    if (type == QLatin1String("audit"))
        return tr("Audit");
    return type;
}

ReportDocument ReportDocument::of(const QString &type, const Event &event, const Report &table)
{
    const QTimeZone zone(event.timeZone.toUtf8());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString made = dateTimeText(zone.isValid() ? now.toTimeZone(zone) : now);
    return {titleOf(type),
        QCoreApplication::translate("ReportDocument", "%1 · times in %2 · made %3")
            .arg(event.name, event.timeZone, made),
        table};
}

} // namespace Muster
