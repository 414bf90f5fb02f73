// SQL for the status board: the organisation's states and people, each person's state with its
// message and end, and the sweep that returns expired states to the default.
#pragma once

#include "domain/organisation.h"
#include "domain/person.h"
#include "domain/statusstate.h"
#include "domain/team.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

class Database;
class PgResult;
class PgSyncConnection;

class PresenceStore
{
public:
    struct PersonState
    {
        QUuid organisationId;
        QUuid userId;
        QUuid stateId;
        QString since; // ISO 8601 UTC
        QString lastSeen; // ISO 8601 UTC, empty when never seen
        QString message; // "" when none
        QString until; // ISO 8601 UTC, empty when the state does not clear itself
        bool online = false; // connected to some live server (see live_connections)
    };
    // What the board shows of one organisation, or of one of its teams.
    struct Snapshot
    {
        QList<StatusState> states; // in display order
        QList<Person> people; // by name; banned people are left out
        std::optional<Organisation> organisation; // absent: no such organisation
        std::optional<Team> team; // absent: everyone, or no such team of the organisation
    };
    using SnapshotHandler = std::function<void(const Snapshot &snapshot, const QString &error)>;
    using StateHandler
        = std::function<void(const std::optional<PersonState> &state, const QString &error)>;
    using StatesHandler
        = std::function<void(const QList<PersonState> &states, const QString &error)>;

    explicit PresenceStore(Database &db)
        : m_db(db)
    { }

    // One organisation's states and people, or only the members of one of its teams (a null
    // teamId: everyone), read in one transaction.
    void snapshot(const QUuid &organisationId, const QUuid &teamId, QObject *context,
        SnapshotHandler handler);
    // Sets the user's state, message and end (an invalid until: no end). An absent value means
    // the state is not one of the organisation's.
    void setState(const QUuid &organisationId, const QUuid &userId, const QUuid &stateId,
        const QString &message, const QDateTime &until, QObject *context, StateHandler handler);
    // The current states of several members of one organisation (unknown ids are skipped).
    void currentStates(const QUuid &organisationId, const QList<QUuid> &userIds, QObject *context,
        StatesHandler handler);
    // The person's first connection on this server opened: they are online here.
    void arrive(const QUuid &serverId, const QUuid &organisationId, const QUuid &userId,
        QObject *context, std::function<void(bool ok)> handler);
    // The person's last connection on this server closed; when no other server has them either,
    // "last seen" becomes now. Answers their state, online or not.
    void leave(const QUuid &serverId, const QUuid &organisationId, const QUuid &userId,
        QObject *context, StateHandler handler);
    // Records again everyone connected here, after the server's rows were lost (it was counted
    // dead while cut off, or PostgreSQL restarted and dropped its unlogged tables).
    void reassert(const QUuid &serverId, const QList<QPair<QUuid, QUuid>> &organisationAndUser,
        QObject *context, std::function<void(bool ok)> handler);
    // Returns every state whose end has come to its organisation's default, across organisations;
    // each row changes once even with several servers sweeping.
    void expireDue(QObject *context, StatesHandler handler);
    // The same, blocking, for the admin command line.
    static QList<PersonState> currentStates(
        PgSyncConnection &db, const QUuid &organisationId, const QList<QUuid> &userIds);
    // The columns statesOf() reads, of "users u" in a query or a RETURNING clause.
    static QByteArray stateColumns();
    static QList<PersonState> statesOf(const PgResult &result);
    // When the next state ends (invalid: none pending).
    void nextExpiry(QObject *context, std::function<void(const QDateTime &when)> handler);

private:
    Database &m_db;
};

} // namespace Muster
