// See timeclockhelpers.h.
#include "timeclockhelpers.h"

namespace Muster::Test {

QString wireTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString newActionId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QUuid createBadgeHolder(TestServer &server, const QString &login, const QString &organisation,
    Role role, const QString &badge)
{
    const QUuid id = server.createUser(login, organisation, role);
    if (!id.isNull() && !badge.isEmpty())
        server.sql().exec("UPDATE users SET badge = $2 WHERE id = $1", PgParams() << id << badge);
    return id;
}

QString createActiveEvent(TestClient &admin, const QString &name, const QString &timeZone)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonObject reply = admin.call(QStringLiteral("events.create"),
        {{QStringLiteral("name"), name}, {QStringLiteral("timeZone"), timeZone},
            {QStringLiteral("start"), wireTime(now.addDays(-1))},
            {QStringLiteral("end"), wireTime(now.addDays(3))}, {QStringLiteral("activate"), true}});
    const QString id = resultOf(reply)
                           .value(QStringLiteral("event"))
                           .toObject()
                           .value(QStringLiteral("id"))
                           .toString();
    if (id.isEmpty())
        qWarning() << "events.create failed:" << reply;
    return id;
}

PairedKiosk pairKiosk(TestClient &kiosk, TestClient &lead, const QString &name)
{
    const QJsonObject pairing = resultOf(kiosk.call(QStringLiteral("kiosk.register")));
    const QString code = pairing.value(QStringLiteral("pairingCode")).toString();
    const QString token = pairing.value(QStringLiteral("deviceToken")).toString();
    const QJsonObject approved = resultOf(lead.call(QStringLiteral("kiosks.approve"),
        {{QStringLiteral("pairingCode"), code.toLower()}, {QStringLiteral("name"), name},
            {QStringLiteral("location"), QStringLiteral("Hall A")}}));
    const QString id
        = approved.value(QStringLiteral("kiosk")).toObject().value(QStringLiteral("id")).toString();
    if (id.isEmpty())
        return {};
    if (!resultOf(
            kiosk.call(QStringLiteral("kiosk.resume"), {{QStringLiteral("deviceToken"), token}}))
             .contains(QStringLiteral("kiosk")))
        return {};
    return {id, token};
}

} // namespace Muster::Test
