// See reward.h.
#include "reward.h"

namespace Muster {

QJsonObject Reward::toJson() const
{
    QJsonObject json {
        {QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("eventId"), eventId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("name"), name},
        {QStringLiteral("description"), description},
        {QStringLiteral("thresholdHours"), thresholdHours},
    };
    if (standing) {
        json.insert(QStringLiteral("claimed"), standing->claimed);
        json.insert(QStringLiteral("eligible"), standing->eligible);
    }
    return json;
}

Reward Reward::fromJson(const QJsonObject &o)
{
    Reward r;
    r.id = QUuid(o.value(QStringLiteral("id")).toString());
    r.eventId = QUuid(o.value(QStringLiteral("eventId")).toString());
    r.name = o.value(QStringLiteral("name")).toString();
    r.description = o.value(QStringLiteral("description")).toString();
    r.thresholdHours = o.value(QStringLiteral("thresholdHours")).toDouble();
    if (o.contains(QStringLiteral("claimed")))
        r.standing = Standing {o.value(QStringLiteral("claimed")).toBool(),
            o.value(QStringLiteral("eligible")).toBool()};
    return r;
}

} // namespace Muster
