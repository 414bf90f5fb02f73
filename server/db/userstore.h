// SQL for managing an organisation's people: their team, role and highlight colour.
#pragma once

#include "domain/role.h"
#include "storeerror.h"

#include <QJsonObject>
#include <QObject>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

class Database;

class UserStore
{
public:
    struct Target
    {
        QUuid userId;
        Role role = Role::Banned;
    };
    struct Edit
    {
        std::optional<QUuid> teamId;
        std::optional<Role> role;
        std::optional<QString> highlight; // "" clears it
        std::optional<QString> badge; // "" clears it
    };
    using UserHandler = std::function<void(const QJsonObject &user, const StoreError &error)>;

    explicit UserStore(Database &db)
        : m_db(db)
    { }

    // The person, if they belong to the organisation.
    void find(const QUuid &org, const QUuid &userId, QObject *context,
        std::function<void(const std::optional<Target> &target, const StoreError &error)> handler);
    // Applies the edit (the team must be an active team of the organisation), audits it with old
    // and new values, and tells every server when the role changed. Result: {userId, teamId, role,
    // highlight}.
    void update(const QUuid &org, const QUuid &actor, const QUuid &userId, const Edit &edit,
        QObject *context, UserHandler handler);

    // A volunteer from a badge number (a placeholder attendee with that badge becomes them):
    // login "badge-<number>-…" unless given. Result: {user: {id, login, displayName, badge,
    // role, teamId}}.
    void createFromBadge(const QUuid &org, const QUuid &actor, const QString &badge,
        const QString &displayName, const QString &login, const QUuid &teamId,
        const QByteArray &passwordHash, QObject *context, UserHandler handler);
    // Deletes the person and everything that is theirs; audited with who they were.
    void remove(const QUuid &org, const QUuid &actor, const QUuid &userId, QObject *context,
        UserHandler handler);

private:
    Database &m_db;
};

} // namespace Muster
