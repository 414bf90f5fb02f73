// See account.h.
#include "account.h"

#include "protocol/wireid.h"

namespace Muster {

namespace {

// Columns the database leaves NULL travel as null.
QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace

QJsonObject Account::publicJson() const
{
    return {
        {QStringLiteral("userId"), userId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("login"), login},
        {QStringLiteral("displayName"), displayName},
        {QStringLiteral("role"), roleName(role)},
        {QStringLiteral("teamId"), toWireId(teamId)},
        {QStringLiteral("badge"), orNull(badge)},
        {QStringLiteral("highlight"), orNull(highlight)},
        {QStringLiteral("avatar"), orNull(avatar)},
    };
}

QJsonObject Account::toJson() const
{
    QJsonObject o = publicJson();
    o.insert(QStringLiteral("email"), email);
    return o;
}

Account Account::fromJson(const QJsonObject &o)
{
    Account a;
    a.userId = QUuid(o.value(QStringLiteral("userId")).toString());
    a.login = o.value(QStringLiteral("login")).toString();
    a.displayName = o.value(QStringLiteral("displayName")).toString();
    a.email = o.value(QStringLiteral("email")).toString();
    a.role = roleFromName(o.value(QStringLiteral("role")).toString()).value_or(Role::Banned);
    a.teamId = QUuid(o.value(QStringLiteral("teamId")).toString());
    a.badge = o.value(QStringLiteral("badge")).toString();
    a.highlight = o.value(QStringLiteral("highlight")).toString();
    a.avatar = o.value(QStringLiteral("avatar")).toString();
    return a;
}

} // namespace Muster
