// See shiftsclient.h.
#include "shiftsclient.h"

#include "client/connection.h"
#include "client/timeclockclient.h"
#include "protocol/wiretime.h"

namespace Muster {

ShiftsClient::ShiftsClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

RpcReply *ShiftsClient::ongoing(const QString &eventId)
{
    QJsonObject params;
    if (!eventId.isEmpty())
        params.insert(QStringLiteral("eventId"), eventId);
    return m_connection->request(QStringLiteral("timeclock.ongoing"), params);
}

RpcReply *ShiftsClient::add(const QString &userId, const QString &teamId, const QDateTime &start,
    const QDateTime &stop, const QString &notes)
{
    QJsonObject params {{QStringLiteral("userId"), userId}, {QStringLiteral("teamId"), teamId},
        {QStringLiteral("start"), toWireTime(start)}, {QStringLiteral("notes"), notes},
        // The same id again after a lost answer gets the first answer, not a second shift.
        {QStringLiteral("actionId"), TimeclockClient::newActionId()}};
    if (stop.isValid())
        params.insert(QStringLiteral("stop"), toWireTime(stop));
    return m_connection->request(QStringLiteral("timeclock.addEntry"), params);
}

RpcReply *ShiftsClient::update(
    const QString &entryId, const QJsonObject &changes, const QString &reason)
{
    QJsonObject params = changes;
    params.insert(QStringLiteral("entryId"), entryId);
    params.insert(QStringLiteral("reason"), reason);
    return m_connection->request(QStringLiteral("timeclock.updateEntry"), params);
}

RpcReply *ShiftsClient::remove(const QString &entryId, const QString &reason)
{
    return m_connection->request(QStringLiteral("timeclock.deleteEntry"),
        {{QStringLiteral("entryId"), entryId}, {QStringLiteral("reason"), reason}});
}

RpcReply *ShiftsClient::stop(const QString &userId)
{
    return m_connection->request(QStringLiteral("timeclock.stopEntry"),
        {{QStringLiteral("userId"), userId},
            {QStringLiteral("actionId"), TimeclockClient::newActionId()}});
}

} // namespace Muster
