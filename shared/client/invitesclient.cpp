// See invitesclient.h.
#include "invitesclient.h"

#include "client/connection.h"

#include <QJsonObject>

namespace Muster {

InvitesClient::InvitesClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

RpcReply *InvitesClient::create(
    const QString &role, const QString &email, const QString &displayName)
{
    QJsonObject params {{QStringLiteral("role"), role}};
    if (!email.trimmed().isEmpty())
        params.insert(QStringLiteral("email"), email.trimmed());
    if (!displayName.trimmed().isEmpty())
        params.insert(QStringLiteral("displayName"), displayName.trimmed());
    return m_connection->request(QStringLiteral("invites.create"), params);
}

RpcReply *InvitesClient::list()
{
    return m_connection->request(QStringLiteral("invites.list"));
}

RpcReply *InvitesClient::revoke(const QString &inviteId)
{
    return m_connection->request(
        QStringLiteral("invites.revoke"), {{QStringLiteral("inviteId"), inviteId}});
}

RpcReply *InvitesClient::accept(
    const QString &code, const QString &login, const QString &displayName, const QString &password)
{
    QJsonObject params {{QStringLiteral("code"), code.trimmed()},
        {QStringLiteral("login"), login.trimmed()}, {QStringLiteral("password"), password}};
    if (!displayName.trimmed().isEmpty())
        params.insert(QStringLiteral("displayName"), displayName.trimmed());
    return m_connection->request(QStringLiteral("invites.accept"), params);
}

} // namespace Muster
