// See boardclient.h.
#include "boardclient.h"

#include "client/connection.h"
#include "protocol/wiretime.h"

#include <QJsonObject>

namespace Muster {

BoardClient::BoardClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

RpcReply *BoardClient::presence(const QString &teamId, const QString &organisationId)
{
    QJsonObject params;
    if (!teamId.isEmpty())
        params.insert(QStringLiteral("teamId"), teamId);
    if (!organisationId.isEmpty())
        params.insert(QStringLiteral("organisationId"), organisationId);
    return m_connection->request(QStringLiteral("presence.list"), params);
}

RpcReply *BoardClient::setState(
    const QString &stateId, const QString &message, const QDateTime &until)
{
    QJsonObject params {{QStringLiteral("stateId"), stateId}, {QStringLiteral("message"), message}};
    if (until.isValid())
        params.insert(QStringLiteral("until"), toWireTime(until));
    return m_connection->request(QStringLiteral("presence.set"), params);
}

RpcReply *BoardClient::teams()
{
    return m_connection->request(QStringLiteral("teams.list"));
}

RpcReply *BoardClient::organisations()
{
    return m_connection->request(QStringLiteral("organisations.list"));
}

RpcReply *BoardClient::watchOrganisation(const QString &organisationId)
{
    return m_connection->request(QStringLiteral("organisations.watch"),
        {{QStringLiteral("organisationId"),
            organisationId.isEmpty() ? QJsonValue() : QJsonValue(organisationId)}});
}

} // namespace Muster
