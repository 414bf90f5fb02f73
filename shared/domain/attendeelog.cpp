// See attendeelog.h.
#include "attendeelog.h"

#include <QJsonArray>

namespace Muster {

QJsonObject AttendeeLog::toJson() const
{
    QJsonArray keepers;
    for (const Gatekeeper &g : gatekeepers) {
        keepers.append(
            QJsonObject {{QStringLiteral("userId"), g.userId.toString(QUuid::WithoutBraces)},
                {QStringLiteral("displayName"), g.displayName}});
    }
    return {
        {QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("eventId"), eventId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("name"), name},
        {QStringLiteral("attendees"), attendees},
        {QStringLiteral("gatekeepers"), keepers},
    };
}

AttendeeLog AttendeeLog::fromJson(const QJsonObject &o)
{
    AttendeeLog l;
    l.id = QUuid(o.value(QStringLiteral("id")).toString());
    l.eventId = QUuid(o.value(QStringLiteral("eventId")).toString());
    l.name = o.value(QStringLiteral("name")).toString();
    l.attendees = o.value(QStringLiteral("attendees")).toInt();
    for (const QJsonValue &g : o.value(QStringLiteral("gatekeepers")).toArray()) {
        l.gatekeepers.append({QUuid(g[QStringLiteral("userId")].toString()),
            g[QStringLiteral("displayName")].toString()});
    }
    return l;
}

} // namespace Muster
