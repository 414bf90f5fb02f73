// See timeclockclient.h.
#include "timeclockclient.h"

#include "client/connection.h"

#include <QJsonObject>
#include <QUuid>

namespace Muster {

namespace {

// {eventId?, userId?}: the server's defaults stand for what is left out.
QJsonObject scope(const QString &eventId, const QString &userId)
{
    QJsonObject params;
    if (!eventId.isEmpty())
        params.insert(QStringLiteral("eventId"), eventId);
    if (!userId.isEmpty())
        params.insert(QStringLiteral("userId"), userId);
    return params;
}

} // namespace

TimeclockClient::TimeclockClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

QString TimeclockClient::newActionId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

RpcReply *TimeclockClient::events()
{
    return m_connection->request(QStringLiteral("events.list"));
}

RpcReply *TimeclockClient::clockIn(const QString &teamId, const QString &actionId)
{
    return m_connection->request(QStringLiteral("timeclock.clockIn"),
        {{QStringLiteral("teamId"), teamId},
            {QStringLiteral("actionId"), actionId.isEmpty() ? newActionId() : actionId}});
}

RpcReply *TimeclockClient::clockOut(const QString &actionId)
{
    return m_connection->request(QStringLiteral("timeclock.clockOut"),
        {{QStringLiteral("actionId"), actionId.isEmpty() ? newActionId() : actionId}});
}

RpcReply *TimeclockClient::totals(const QString &eventId, const QString &userId)
{
    return m_connection->request(QStringLiteral("timeclock.totals"), scope(eventId, userId));
}

RpcReply *TimeclockClient::entries(const QString &eventId, const QString &userId)
{
    return m_connection->request(QStringLiteral("timeclock.entries"), scope(eventId, userId));
}

RpcReply *TimeclockClient::rewards(const QString &eventId, const QString &userId)
{
    return m_connection->request(QStringLiteral("rewards.list"), scope(eventId, userId));
}

RpcReply *TimeclockClient::bonuses(const QString &eventId)
{
    return m_connection->request(QStringLiteral("bonuses.list"), scope(eventId, QString()));
}

RpcReply *TimeclockClient::notifications(bool unreadOnly, const QString &userId)
{
    QJsonObject params;
    if (unreadOnly)
        params.insert(QStringLiteral("unreadOnly"), true);
    if (!userId.isEmpty())
        params.insert(QStringLiteral("userId"), userId);
    return m_connection->request(QStringLiteral("notifications.list"), params);
}

RpcReply *TimeclockClient::acknowledge(const QString &notificationId)
{
    return m_connection->request(QStringLiteral("notifications.acknowledge"),
        {{QStringLiteral("notificationId"), notificationId}});
}

RpcReply *TimeclockClient::createQuickCode()
{
    return m_connection->request(QStringLiteral("quickCodes.create"));
}

RpcReply *TimeclockClient::setPin(const QString &pin)
{
    return m_connection->request(QStringLiteral("profile.setPin"),
        {{QStringLiteral("pin"), pin.isEmpty() ? QJsonValue() : QJsonValue(pin)}});
}

} // namespace Muster
