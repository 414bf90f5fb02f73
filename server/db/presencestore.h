// SQL for the status board: the organisation's states and people, and each person's state.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

class Database;

class PresenceStore
{
public:
    struct PersonState
    {
        QUuid stateId;
        QString since; // ISO 8601 UTC
        QString lastSeen; // ISO 8601 UTC, empty when never seen
    };
    using SnapshotHandler = std::function<void(const QByteArray &json, const QString &error)>;
    using StateHandler
        = std::function<void(const std::optional<PersonState> &state, const QString &error)>;

    explicit PresenceStore(Database &db)
        : m_db(db)
    { }

    // {"states": […], "people": […], "team": {…}|null} for one organisation, or only the members
    // of one of its teams (a null teamId: everyone), built by PostgreSQL in one round trip.
    // "team" is null when teamId is null or names no team of the organisation.
    void snapshot(const QUuid &organisationId, const QUuid &teamId, QObject *context,
        SnapshotHandler handler);
    // Sets the user's state; an absent value means the state is not one of the organisation's.
    void setState(const QUuid &organisationId, const QUuid &userId, const QUuid &stateId,
        QObject *context, StateHandler handler);
    void currentState(
        const QUuid &organisationId, const QUuid &userId, QObject *context, StateHandler handler);
    // Records "last seen now" as the user's last connection closes.
    void markSeen(
        const QUuid &organisationId, const QUuid &userId, QObject *context, StateHandler handler);

private:
    Database &m_db;
};

} // namespace Muster
