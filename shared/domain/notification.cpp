// See notification.h.
#include "notification.h"

#include "protocol/wiretime.h"

namespace Muster {

QJsonObject Notification::toJson() const
{
    return {
        {QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("userId"), userId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("title"), title},
        {QStringLiteral("body"), body},
        {QStringLiteral("data"), data},
        {QStringLiteral("requiresAck"), requiresAck},
        {QStringLiteral("acknowledged"), acknowledged},
        {QStringLiteral("createdAt"), toWireTime(createdAt)},
    };
}

Notification Notification::fromJson(const QJsonObject &o)
{
    Notification n;
    n.id = QUuid(o.value(QStringLiteral("id")).toString());
    n.userId = QUuid(o.value(QStringLiteral("userId")).toString());
    n.kind = o.value(QStringLiteral("kind")).toString();
    n.title = o.value(QStringLiteral("title")).toString();
    n.body = o.value(QStringLiteral("body")).toString();
    n.data = o.value(QStringLiteral("data")).toObject();
    n.requiresAck = o.value(QStringLiteral("requiresAck")).toBool();
    n.acknowledged = o.value(QStringLiteral("acknowledged")).toBool();
    n.createdAt = fromWireTime(o.value(QStringLiteral("createdAt")));
    return n;
}

} // namespace Muster
