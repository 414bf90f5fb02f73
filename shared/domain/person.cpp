// Wire form of a person, as listed by presence.list.
#include "person.h"

#include "protocol/wiretime.h"

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
    p.since = fromWireTime(o.value(QStringLiteral("since")));
    p.lastSeen = fromWireTime(o.value(QStringLiteral("lastSeen")));
    p.online = o.value(QStringLiteral("online")).toBool();
    p.message = o.value(QStringLiteral("message")).toString();
    p.highlight = o.value(QStringLiteral("highlight")).toString();
    p.avatar = o.value(QStringLiteral("avatar")).toString();
    p.until = fromWireTime(o.value(QStringLiteral("until")));
    p.chats = o.value(QStringLiteral("chats")).toInt();
    return p;
}

QJsonObject Person::toJson() const
{
    // Columns SQL leaves NULL travel as null, as they always have.
    const auto orNull
        = [](const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
    return {
        {QStringLiteral("userId"), userId},
        {QStringLiteral("login"), login},
        {QStringLiteral("displayName"), displayName},
        {QStringLiteral("role"), role},
        {QStringLiteral("teamId"), orNull(teamId)},
        {QStringLiteral("stateId"), orNull(stateId)},
        {QStringLiteral("since"), toWireTime(since)},
        {QStringLiteral("lastSeen"), toWireTime(lastSeen)},
        {QStringLiteral("message"), message},
        {QStringLiteral("until"), toWireTime(until)},
        {QStringLiteral("highlight"), orNull(highlight)},
        {QStringLiteral("avatar"), orNull(avatar)},
        {QStringLiteral("online"), online},
        {QStringLiteral("chats"), chats},
    };
}

} // namespace Muster
