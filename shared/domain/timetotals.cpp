// See timetotals.h.
#include "timetotals.h"

#include "protocol/wireid.h"

namespace Muster {

QJsonObject TimeTotals::toJson() const
{
    return {
        {QStringLiteral("eventId"), toWireId(eventId)},
        {QStringLiteral("userId"), toWireId(userId)},
        {QStringLiteral("workedSeconds"), workedSeconds},
        {QStringLiteral("earnedSeconds"), earnedSeconds},
        {QStringLiteral("entries"), entries},
        {QStringLiteral("ongoing"), ongoing ? QJsonValue(ongoing->toJson()) : QJsonValue()},
    };
}

TimeTotals TimeTotals::fromJson(const QJsonObject &o)
{
    TimeTotals t;
    t.eventId = QUuid(o.value(QStringLiteral("eventId")).toString());
    t.userId = QUuid(o.value(QStringLiteral("userId")).toString());
    t.workedSeconds = o.value(QStringLiteral("workedSeconds")).toInteger();
    t.earnedSeconds = o.value(QStringLiteral("earnedSeconds")).toInteger();
    t.entries = o.value(QStringLiteral("entries")).toInt();
    const QJsonValue ongoing = o.value(QStringLiteral("ongoing"));
    if (ongoing.isObject())
        t.ongoing = TimeEntry::fromJson(ongoing.toObject());
    return t;
}

} // namespace Muster
