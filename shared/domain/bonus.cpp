// See bonus.h.
#include "bonus.h"

#include "protocol/wiretime.h"

#include <QJsonArray>

namespace Muster {

QJsonObject Bonus::toJson() const
{
    QJsonArray teams;
    for (const QUuid &team : teamIds)
        teams.append(team.toString(QUuid::WithoutBraces));
    return {
        {QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("eventId"), eventId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("start"), toWireTime(start)},
        {QStringLiteral("end"), toWireTime(end)},
        {QStringLiteral("multiplier"), multiplier},
        {QStringLiteral("teamIds"), teams},
    };
}

Bonus Bonus::fromJson(const QJsonObject &o)
{
    Bonus b;
    b.id = QUuid(o.value(QStringLiteral("id")).toString());
    b.eventId = QUuid(o.value(QStringLiteral("eventId")).toString());
    b.start = fromWireTime(o.value(QStringLiteral("start")));
    b.end = fromWireTime(o.value(QStringLiteral("end")));
    b.multiplier = o.value(QStringLiteral("multiplier")).toDouble(1);
    for (const QJsonValue &team : o.value(QStringLiteral("teamIds")).toArray())
        b.teamIds.append(QUuid(team.toString()));
    return b;
}

} // namespace Muster
