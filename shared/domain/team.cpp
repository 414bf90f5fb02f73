// See team.h.
#include "team.h"

namespace Muster {

QJsonObject Team::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), name},
        {QStringLiteral("archived"), archived}, {QStringLiteral("hidden"), hidden},
        {QStringLiteral("members"), members}};
}

Team Team::fromJson(const QJsonObject &o)
{
    Team t;
    t.id = o.value(QStringLiteral("id")).toString();
    t.name = o.value(QStringLiteral("name")).toString();
    t.archived = o.value(QStringLiteral("archived")).toBool();
    t.hidden = o.value(QStringLiteral("hidden")).toBool();
    t.members = o.value(QStringLiteral("members")).toInt();
    return t;
}

} // namespace Muster
