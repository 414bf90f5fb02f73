// See attendee.h.
#include "attendee.h"

#include "protocol/wiretime.h"

namespace Muster {

QJsonObject Attendee::toJson() const
{
    return {
        {QStringLiteral("userId"), userId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("badge"), badge.isNull() ? QJsonValue() : badge},
        {QStringLiteral("displayName"), displayName},
        {QStringLiteral("placeholder"), placeholder},
        {QStringLiteral("arrivedAt"), toWireTime(arrivedAt)},
    };
}

Attendee Attendee::fromJson(const QJsonObject &o)
{
    Attendee a;
    a.userId = QUuid(o.value(QStringLiteral("userId")).toString());
    a.badge = o.value(QStringLiteral("badge")).toString();
    a.displayName = o.value(QStringLiteral("displayName")).toString();
    a.placeholder = o.value(QStringLiteral("placeholder")).toBool();
    a.arrivedAt = fromWireTime(o.value(QStringLiteral("arrivedAt")));
    return a;
}

} // namespace Muster
