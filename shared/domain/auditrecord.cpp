// See auditrecord.h.
#include "auditrecord.h"

#include "protocol/wiretime.h"

namespace Muster {

namespace {

QJsonValue idValue(const QUuid &id)
{
    return id.isNull() ? QJsonValue() : QJsonValue(id.toString(QUuid::WithoutBraces));
}

} // namespace

QJsonObject AuditRecord::toJson() const
{
    return {
        {QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("at"), toWireTime(at)},
        {QStringLiteral("actorId"), idValue(actorId)},
        {QStringLiteral("actorName"), actorName},
        {QStringLiteral("action"), action},
        {QStringLiteral("subjectType"), subjectType},
        {QStringLiteral("subjectId"), idValue(subjectId)},
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
