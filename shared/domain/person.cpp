// Wire form of a person, as listed by presence.list.
#include "person.h"

namespace Muster {

Person Person::fromJson(const QJsonObject &o)
{
    Person p;
    p.userId = o.value(QStringLiteral("userId")).toString();
    p.displayName = o.value(QStringLiteral("displayName")).toString();
    p.login = o.value(QStringLiteral("login")).toString();
    p.role = o.value(QStringLiteral("role")).toString();
    p.teamId = o.value(QStringLiteral("teamId")).toString();
    p.stateId = o.value(QStringLiteral("stateId")).toString();
    p.since = QDateTime::fromString(o.value(QStringLiteral("since")).toString(), Qt::ISODateWithMs);
    p.online = o.value(QStringLiteral("online")).toBool();
    p.message = o.value(QStringLiteral("message")).toString();
    p.highlight = o.value(QStringLiteral("highlight")).toString();
    p.avatar = o.value(QStringLiteral("avatar")).toString();
    p.until = QDateTime::fromString(o.value(QStringLiteral("until")).toString(), Qt::ISODateWithMs);
    return p;
}

} // namespace Muster
