// See rosterentry.h.
#include "rosterentry.h"

#include "protocol/wireid.h"
#include "protocol/wiretime.h"

namespace Muster {

QJsonObject RosterEntry::toJson() const
{
    return {
        {QStringLiteral("userId"), userId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("login"), login},
        {QStringLiteral("displayName"), displayName},
        {QStringLiteral("role"), roleName(role)},
        {QStringLiteral("teamId"), toWireId(teamId)},
        {QStringLiteral("badge"), badge.isEmpty() ? QJsonValue() : QJsonValue(badge)},
        {QStringLiteral("workedSeconds"), workedSeconds},
        {QStringLiteral("earnedSeconds"), earnedSeconds},
        {QStringLiteral("entries"), entries},
        {QStringLiteral("shiftStart"), toWireTime(shiftStart)},
        {QStringLiteral("shiftTeamId"), toWireId(shiftTeamId)},
    };
}

RosterEntry RosterEntry::fromJson(const QJsonObject &o)
{
    RosterEntry r;
    r.userId = QUuid(o.value(QStringLiteral("userId")).toString());
    r.login = o.value(QStringLiteral("login")).toString();
    r.displayName = o.value(QStringLiteral("displayName")).toString();
    r.role = roleFromName(o.value(QStringLiteral("role")).toString()).value_or(Role::Banned);
    r.teamId = QUuid(o.value(QStringLiteral("teamId")).toString());
    r.badge = o.value(QStringLiteral("badge")).toString();
    r.workedSeconds = qint64(o.value(QStringLiteral("workedSeconds")).toDouble());
    r.earnedSeconds = qint64(o.value(QStringLiteral("earnedSeconds")).toDouble());
    r.entries = o.value(QStringLiteral("entries")).toInt();
    r.shiftStart = fromWireTime(o.value(QStringLiteral("shiftStart")));
    r.shiftTeamId = QUuid(o.value(QStringLiteral("shiftTeamId")).toString());
    return r;
}

} // namespace Muster
