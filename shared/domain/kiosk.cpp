// See kiosk.h.
#include "kiosk.h"

#include "protocol/wiretime.h"

namespace Muster {

QJsonObject Kiosk::toJson() const
{
    return {
        {QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("name"), name},
        {QStringLiteral("location"), location},
        {QStringLiteral("expiresAt"), toWireTime(expiresAt)},
        {QStringLiteral("lastSeen"), toWireTime(lastSeen)},
        {QStringLiteral("revoked"), revoked},
        {QStringLiteral("createdAt"), toWireTime(createdAt)},
        {QStringLiteral("approvedBy"), approvedBy.isEmpty() ? QJsonValue() : approvedBy},
    };
}

Kiosk Kiosk::fromJson(const QJsonObject &o)
{
    Kiosk k;
    k.id = QUuid(o.value(QStringLiteral("id")).toString());
    k.name = o.value(QStringLiteral("name")).toString();
    k.location = o.value(QStringLiteral("location")).toString();
    k.expiresAt = fromWireTime(o.value(QStringLiteral("expiresAt")));
    k.lastSeen = fromWireTime(o.value(QStringLiteral("lastSeen")));
    k.revoked = o.value(QStringLiteral("revoked")).toBool();
    k.createdAt = fromWireTime(o.value(QStringLiteral("createdAt")));
    k.approvedBy = o.value(QStringLiteral("approvedBy")).toString();
    return k;
}

} // namespace Muster
