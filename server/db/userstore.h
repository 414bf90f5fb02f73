// SQL for managing an organisation's people: their team, role and highlight colour.
#pragma once

#include "domain/account.h"
#include "domain/auditrecord.h"
#include "domain/rosterentry.h"
#include "storeerror.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

class Database;
class PgResult;

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
    using AccountHandler = std::function<void(const Account &account, const StoreError &error)>;
    using RosterHandler
        = std::function<void(const QList<RosterEntry> &people, const StoreError &error)>;
    using HistoryHandler
        = std::function<void(const QList<AuditRecord> &records, const StoreError &error)>;

    explicit UserStore(Database &db)
        : m_db(db)
    { }

    // The columns accountAt() reads, of "users u", for every read of an account.
    static QByteArray accountColumns();
    static Account accountAt(const PgResult &result, int row);

    // The person, if they belong to the organisation.
    void find(const QUuid &org, const QUuid &userId, QObject *context,
        std::function<void(const std::optional<Target> &target, const StoreError &error)> handler);
    // Applies the edit (the team must be an active team of the organisation), audits it with old
    // and new values, and tells every server when the role changed. Answers the account as it is
    // now.
    void update(const QUuid &org, const QUuid &actor, const QUuid &userId, const Edit &edit,
        QObject *context, AccountHandler handler);

    // A volunteer from a badge number (a placeholder attendee with that badge becomes them):
    // login "badge-<number>-…" unless given.
    void createFromBadge(const QUuid &org, const QUuid &actor, const QString &badge,
        const QString &displayName, const QString &login, const QUuid &teamId,
        const QByteArray &passwordHash, QObject *context, AccountHandler handler);
    // The organisation's people (not the placeholders attendee logs make) by name, with their
    // finished time in the event (null: the active one; none without one) and the shift under
    // way. not_found for an event of another organisation.
    void roster(const QUuid &org, const QUuid &eventId, QObject *context, RosterHandler handler);
    // A new password for someone: every session of theirs ends, on every server; audited as
    // user.password_reset by the actor.
    void resetPassword(const QUuid &org, const QUuid &actor, const QUuid &userId,
        const QByteArray &passwordHash, QObject *context,
        std::function<void(const StoreError &error)> handler);
    // The person's history, newest first: what they did, and what was done to them, their
    // shifts (deleted ones too) and their rewards; at most `limit` changes older than the
    // change `before` (null: from now; one of another organisation: none). not_found for a
    // person of another organisation.
    void history(const QUuid &org, const QUuid &userId, const QUuid &before, int limit,
        QObject *context, HistoryHandler handler);
    // Deletes the person and everything that is theirs; audited with who they were. Answers
    // the account as it was.
    void remove(const QUuid &org, const QUuid &actor, const QUuid &userId, QObject *context,
        AccountHandler handler);

private:
    Database &m_db;
};

} // namespace Muster
