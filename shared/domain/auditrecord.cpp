// See auditrecord.h.
#include "auditrecord.h"

#include "protocol/wireid.h"
#include "protocol/wiretime.h"

namespace Muster {

QJsonObject AuditRecord::toJson() const
{
    return {
        {QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("at"), toWireTime(at)},
        {QStringLiteral("actorId"), toWireId(actorId)},
        {QStringLiteral("actorName"), actorName},
        {QStringLiteral("action"), action},
        {QStringLiteral("subjectType"), subjectType},
        {QStringLiteral("subjectId"), toWireId(subjectId)},
        {QStringLiteral("old"), oldValue},
        {QStringLiteral("new"), newValue},
    };
}

AuditRecord AuditRecord::fromJson(const QJsonObject &o)
{
    AuditRecord r;
    r.id = QUuid(o.value(QStringLiteral("id")).toString());
    r.at = fromWireTime(o.value(QStringLiteral("at")));
    r.actorId = QUuid(o.value(QStringLiteral("actorId")).toString());
    r.actorName = o.value(QStringLiteral("actorName")).toString();
    r.action = o.value(QStringLiteral("action")).toString();
    r.subjectType = o.value(QStringLiteral("subjectType")).toString();
    r.subjectId = QUuid(o.value(QStringLiteral("subjectId")).toString());
    r.oldValue = o.value(QStringLiteral("old"));
    r.newValue = o.value(QStringLiteral("new"));
    return r;
}

} // namespace Muster
