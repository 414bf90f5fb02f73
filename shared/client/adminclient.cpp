// See adminclient.h.
#include "adminclient.h"

#include "client/connection.h"

#include <QJsonArray>

namespace Muster {

AdminClient::AdminClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

RpcReply *AdminClient::createTeam(const QString &name)
{
    return m_connection->request(QStringLiteral("teams.create"), {{QStringLiteral("name"), name}});
}

RpcReply *AdminClient::renameTeam(const QString &teamId, const QString &name)
{
    return m_connection->request(QStringLiteral("teams.update"),
        {{QStringLiteral("teamId"), teamId}, {QStringLiteral("name"), name}});
}

RpcReply *AdminClient::setTeamArchived(const QString &teamId, bool archived)
{
    return m_connection->request(QStringLiteral("teams.update"),
        {{QStringLiteral("teamId"), teamId}, {QStringLiteral("archived"), archived}});
}

RpcReply *AdminClient::createState(const QString &label, const QString &color, bool available)
{
    return m_connection->request(QStringLiteral("states.create"),
        {{QStringLiteral("label"), label}, {QStringLiteral("color"), color},
            {QStringLiteral("available"), available}});
}

RpcReply *AdminClient::updateState(
    const QString &stateId, const QString &label, const QString &color, bool available)
{
    return m_connection->request(QStringLiteral("states.update"),
        {{QStringLiteral("stateId"), stateId}, {QStringLiteral("label"), label},
            {QStringLiteral("color"), color}, {QStringLiteral("available"), available}});
}

RpcReply *AdminClient::makeDefaultState(const QString &stateId)
{
    return m_connection->request(QStringLiteral("states.update"),
        {{QStringLiteral("stateId"), stateId}, {QStringLiteral("isDefault"), true}});
}

RpcReply *AdminClient::reorderStates(const QStringList &stateIds)
{
    return m_connection->request(QStringLiteral("states.reorder"),
        {{QStringLiteral("stateIds"), QJsonArray::fromStringList(stateIds)}});
}

RpcReply *AdminClient::deleteState(const QString &stateId)
{
    return m_connection->request(
        QStringLiteral("states.delete"), {{QStringLiteral("stateId"), stateId}});
}

RpcReply *AdminClient::updateUser(const QString &userId, const QJsonObject &changes)
{
    QJsonObject params = changes;
    params.insert(QStringLiteral("userId"), userId);
    return m_connection->request(QStringLiteral("users.update"), params);
}

RpcReply *AdminClient::listPeople(const QString &eventId)
{
    QJsonObject params;
    if (!eventId.isEmpty())
        params.insert(QStringLiteral("eventId"), eventId);
    return m_connection->request(QStringLiteral("users.list"), params);
}

RpcReply *AdminClient::createVolunteer(
    const QString &badge, const QString &displayName, const QString &teamId)
{
    QJsonObject params {
        {QStringLiteral("badge"), badge}, {QStringLiteral("displayName"), displayName}};
    if (!teamId.isEmpty())
        params.insert(QStringLiteral("teamId"), teamId);
    return m_connection->request(QStringLiteral("users.create"), params);
}

RpcReply *AdminClient::resetPassword(const QString &userId)
{
    return m_connection->request(
        QStringLiteral("users.resetPassword"), {{QStringLiteral("userId"), userId}});
}

RpcReply *AdminClient::history(const QString &userId, const QString &before, int limit)
{
    QJsonObject params {{QStringLiteral("userId"), userId}, {QStringLiteral("limit"), limit}};
    if (!before.isEmpty())
        params.insert(QStringLiteral("before"), before);
    return m_connection->request(QStringLiteral("users.history"), params);
}

} // namespace Muster
