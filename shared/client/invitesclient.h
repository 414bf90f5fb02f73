// Invitations: a manager invites someone with a role (invites.create, .list, .revoke); the
// invitee, before having an account, turns the code into one (invites.accept, on a connection
// that is open but not signed in).
#pragma once

#include "client/rpcreply.h"

#include <QObject>
#include <QString>

namespace Muster {

class Connection;

class InvitesClient : public QObject
{
    Q_OBJECT
public:
    explicit InvitesClient(Connection *connection, QObject *parent = nullptr);

    Q_INVOKABLE Muster::RpcReply *create(
        const QString &role, const QString &email = {}, const QString &displayName = {});
    Q_INVOKABLE Muster::RpcReply *list();
    Q_INVOKABLE Muster::RpcReply *revoke(const QString &inviteId);
    // Empty displayName: the name the invitation carries.
    Q_INVOKABLE Muster::RpcReply *accept(const QString &code, const QString &login,
        const QString &displayName, const QString &password);

private:
    Connection *m_connection;
};

} // namespace Muster
