// The status board's calls, named for what they do: who is where (presence), my state, the
// organisation's teams, and for superadmins the other organisations. Both UIs and the models
// call these instead of writing method names and params themselves.
#pragma once

#include "client/rpcreply.h"

#include <QDateTime>
#include <QObject>
#include <QString>

namespace Muster {

class Connection;

class BoardClient : public QObject
{
    Q_OBJECT
public:
    explicit BoardClient(Connection *connection, QObject *parent = nullptr);

    // presence.list: the board of one team (teamId), of everyone (empty), or of a watched
    // organisation (organisationId, superadmins).
    Q_INVOKABLE Muster::RpcReply *presence(
        const QString &teamId = QString(), const QString &organisationId = QString());
    // presence.set: message "" for none; until invalid when the state does not clear itself.
    Q_INVOKABLE Muster::RpcReply *setState(
        const QString &stateId, const QString &message, const QDateTime &until = QDateTime());
    Q_INVOKABLE Muster::RpcReply *teams();
    Q_INVOKABLE Muster::RpcReply *organisations();
    // organisations.watch: "" stops watching.
    Q_INVOKABLE Muster::RpcReply *watchOrganisation(const QString &organisationId);

private:
    Connection *m_connection;
};

} // namespace Muster
