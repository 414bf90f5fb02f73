// See event.h.
#include "event.h"

#include "protocol/wiretime.h"

#include <QTimeZone>

namespace Muster {

QJsonObject Event::toJson() const
{
    return {
        {QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("name"), name},
        {QStringLiteral("timeZone"), timeZone},
        {QStringLiteral("start"), toWireTime(start)},
        {QStringLiteral("end"), toWireTime(end)},
        {QStringLiteral("dayBoundaryHour"), dayBoundaryHour},
        {QStringLiteral("archived"), archived},
        {QStringLiteral("readOnly"), readOnly},
        {QStringLiteral("active"), active},
    };
}

QDateTime Event::dayStart(const QDateTime &at) const
{
    QTimeZone zone(timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    const QDateTime local = at.toTimeZone(zone);
    QDate day = local.date();
    if (local.time().hour() < dayBoundaryHour)
        day = day.addDays(-1);
    // A boundary hour skipped by a daylight-saving change is taken as the next valid instant,
    // which is what QDateTime makes of it.
    return QDateTime(day, QTime(dayBoundaryHour, 0), zone).toUTC();
}

Event Event::fromJson(const QJsonObject &o)
{
    Event e;
    e.id = QUuid(o.value(QStringLiteral("id")).toString());
    e.name = o.value(QStringLiteral("name")).toString();
    e.timeZone = o.value(QStringLiteral("timeZone")).toString();
    e.start = fromWireTime(o.value(QStringLiteral("start")));
    e.end = fromWireTime(o.value(QStringLiteral("end")));
    e.dayBoundaryHour = o.value(QStringLiteral("dayBoundaryHour")).toInt(4);
    e.archived = o.value(QStringLiteral("archived")).toBool();
    e.readOnly = o.value(QStringLiteral("readOnly")).toBool();
    e.active = o.value(QStringLiteral("active")).toBool();
    return e;
}

} // namespace Muster
