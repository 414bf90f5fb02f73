// Wire form of a status state, as listed by presence.list.
#include "statusstate.h"

namespace Muster {

StatusState StatusState::fromJson(const QJsonObject &o)
{
    StatusState s;
    s.id = o.value(QStringLiteral("id")).toString();
    s.label = o.value(QStringLiteral("label")).toString();
    s.color = o.value(QStringLiteral("color")).toString();
    s.icon = o.value(QStringLiteral("icon")).toString();
    s.order = o.value(QStringLiteral("order")).toInt();
    s.available = o.value(QStringLiteral("available")).toBool();
    s.isDefault = o.value(QStringLiteral("isDefault")).toBool();
    s.shift = o.value(QStringLiteral("shift")).toBool();
    return s;
}

QJsonObject StatusState::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("label"), label},
        {QStringLiteral("color"), color},
        {QStringLiteral("icon"), icon},
        {QStringLiteral("order"), order},
        {QStringLiteral("available"), available},
        {QStringLiteral("isDefault"), isDefault},
        {QStringLiteral("shift"), shift},
    };
}

} // namespace Muster
