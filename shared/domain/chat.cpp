// See chat.h.
#include "chat.h"

#include "protocol/wireid.h"
#include "protocol/wiretime.h"

namespace Muster {

namespace {
constexpr std::pair<Chat::Status, QLatin1StringView> kStatusNames[] = {
    {Chat::Status::Waiting, QLatin1StringView("waiting")},
    {Chat::Status::Active, QLatin1StringView("active")},
    {Chat::Status::Closed, QLatin1StringView("closed")},
    {Chat::Status::Abandoned, QLatin1StringView("abandoned")},
};
} // namespace

QString Chat::statusName(Status status)
{
    for (const auto &[s, name] : kStatusNames) {
        if (s == status)
            return name.toString();
    }
    return {};
}

std::optional<Chat::Status> Chat::statusFromName(const QString &name)
{
    for (const auto &[s, n] : kStatusNames) {
        if (name == n)
            return s;
    }
    return std::nullopt;
}

QJsonObject Chat::toJson() const
{
    return {
        {QStringLiteral("id"), toWireId(id)},
        {QStringLiteral("status"), statusName(status)},
        {QStringLiteral("alias"), alias},
        {QStringLiteral("topic"), topic},
        {QStringLiteral("answers"), answers},
        {QStringLiteral("teamId"), toWireId(teamId)},
        {QStringLiteral("consultantId"), toWireId(consultantId)},
        {QStringLiteral("consultantName"), consultantName},
        {QStringLiteral("transferNote"), transferNote},
        {QStringLiteral("clientOnline"), clientOnline},
        {QStringLiteral("lastSeq"), lastSeq},
        {QStringLiteral("clientReadSeq"), clientReadSeq},
        {QStringLiteral("consultantReadSeq"), consultantReadSeq},
        {QStringLiteral("unread"), unread},
        {QStringLiteral("createdAt"), toWireTime(createdAt)},
        {QStringLiteral("acceptedAt"), toWireTime(acceptedAt)},
        {QStringLiteral("closedAt"), toWireTime(closedAt)},
        {QStringLiteral("closedBy"), closedBy.isEmpty() ? QJsonValue() : QJsonValue(closedBy)},
        {QStringLiteral("position"), position},
    };
}

QJsonObject Chat::toClientJson() const
{
    return {
        {QStringLiteral("id"), toWireId(id)},
        {QStringLiteral("status"), statusName(status)},
        {QStringLiteral("alias"), alias},
        {QStringLiteral("topic"), topic},
        {QStringLiteral("consultantName"), consultantName},
        {QStringLiteral("lastSeq"), lastSeq},
        {QStringLiteral("consultantReadSeq"), consultantReadSeq},
        {QStringLiteral("createdAt"), toWireTime(createdAt)},
        {QStringLiteral("closedBy"), closedBy.isEmpty() ? QJsonValue() : QJsonValue(closedBy)},
        {QStringLiteral("position"), position},
    };
}

Chat Chat::fromJson(const QJsonObject &o)
{
    Chat c;
    c.id = QUuid(o.value(QStringLiteral("id")).toString());
    c.status
        = statusFromName(o.value(QStringLiteral("status")).toString()).value_or(Status::Closed);
    c.alias = o.value(QStringLiteral("alias")).toString();
    c.topic = o.value(QStringLiteral("topic")).toString();
    c.answers = o.value(QStringLiteral("answers")).toArray();
    c.teamId = QUuid(o.value(QStringLiteral("teamId")).toString());
    c.consultantId = QUuid(o.value(QStringLiteral("consultantId")).toString());
    c.consultantName = o.value(QStringLiteral("consultantName")).toString();
    c.transferNote = o.value(QStringLiteral("transferNote")).toString();
    c.clientOnline = o.value(QStringLiteral("clientOnline")).toBool();
    c.lastSeq = o.value(QStringLiteral("lastSeq")).toInteger();
    c.clientReadSeq = o.value(QStringLiteral("clientReadSeq")).toInteger();
    c.consultantReadSeq = o.value(QStringLiteral("consultantReadSeq")).toInteger();
    c.unread = o.value(QStringLiteral("unread")).toInt();
    c.createdAt = fromWireTime(o.value(QStringLiteral("createdAt")));
    c.acceptedAt = fromWireTime(o.value(QStringLiteral("acceptedAt")));
    c.closedAt = fromWireTime(o.value(QStringLiteral("closedAt")));
    c.closedBy = o.value(QStringLiteral("closedBy")).toString();
    c.position = o.value(QStringLiteral("position")).toInt();
    return c;
}

} // namespace Muster
