// Running an organisation's directory: its teams, its statuses, its people (the roster, new
// volunteers, their role, team, highlight and password). What the administration and volunteer
// screens change (admins; managers for people).
#pragma once

#include "client/rpcreply.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Muster {

class Connection;

class AdminClient : public QObject
{
    Q_OBJECT
public:
    explicit AdminClient(Connection *connection, QObject *parent = nullptr);

    Q_INVOKABLE Muster::RpcReply *createTeam(const QString &name);
    Q_INVOKABLE Muster::RpcReply *renameTeam(const QString &teamId, const QString &name);
    Q_INVOKABLE Muster::RpcReply *setTeamArchived(const QString &teamId, bool archived);

    // color: "#rrggbb"; available: counts as reachable.
    Q_INVOKABLE Muster::RpcReply *createState(
        const QString &label, const QString &color, bool available);
    Q_INVOKABLE Muster::RpcReply *updateState(
        const QString &stateId, const QString &label, const QString &color, bool available);
    Q_INVOKABLE Muster::RpcReply *makeDefaultState(const QString &stateId);
    // Every state id of the organisation, in the new order.
    Q_INVOKABLE Muster::RpcReply *reorderStates(const QStringList &stateIds);
    // People in it move to the default state (the answer says how many).
    Q_INVOKABLE Muster::RpcReply *deleteState(const QString &stateId);

    // Any of {role, teamId, highlight, badge}.
    Q_INVOKABLE Muster::RpcReply *updateUser(const QString &userId, const QJsonObject &changes);
    // The roster with each person's time in the event ("": the active one).
    Q_INVOKABLE Muster::RpcReply *listPeople(const QString &eventId = QString());
    // A volunteer from a badge number; the answer carries the first password to hand over.
    Q_INVOKABLE Muster::RpcReply *createVolunteer(
        const QString &badge, const QString &displayName, const QString &teamId);
    // A new password for someone, shown once; their sessions end.
    Q_INVOKABLE Muster::RpcReply *resetPassword(const QString &userId);
    // A page of someone's history, newest first; `before` a record id for the page after it.
    Q_INVOKABLE Muster::RpcReply *history(
        const QString &userId, const QString &before = QString(), int limit = 100);

private:
    Connection *m_connection;
};

} // namespace Muster
