// SQL for the operator's directory work (organisations, users, roles, passwords), as the command
// line runs it: blocking, each operation in its own transaction, every change audited.
#pragma once

#include "domain/role.h"

#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace Muster {

class PgSyncConnection;

class DirectoryStore
{
public:
    // NOTIFY channel telling running servers that a user's role or sessions changed.
    static constexpr const char *kUserChangedChannel = "muster_user_changed";

    struct UserRow
    {
        QString login;
        QString displayName;
        QString organisation;
        QString role;
        bool superadmin = false;
        QString lastSeen;
    };

    explicit DirectoryStore(PgSyncConnection &connection)
        : m_db(connection)
    { }

    // Each returns the new or changed row's id, or nullopt with errorMessage() set.
    std::optional<QUuid> createOrganisation(const QString &name);
    std::optional<QUuid> createUser(const QString &login, const QString &organisation, Role role,
        const QByteArray &passwordHash, const QString &displayName);
    struct Person
    {
        QUuid userId;
        QUuid organisationId;
    };
    std::optional<Person> setRole(const QString &login, Role role);
    // The server-wide flag that shows every organisation; audited, and live at once.
    std::optional<QUuid> setSuperadmin(const QString &login, bool superadmin);
    // Replaces the password and revokes every session of the user.
    std::optional<QUuid> setPasswordHash(const QString &login, const QByteArray &passwordHash);
    std::optional<QList<UserRow>> listUsers(const QString &organisation = {});

    // Found by name, whatever its case.
    std::optional<QUuid> organisationNamed(const QString &name);
    struct EventRef
    {
        QUuid organisationId;
        QUuid eventId;
        QString name; // as the organisation spells it
        QString timeZone;
    };
    // Events by name, whatever its case, in the organisation named (empty: any): several when
    // organisations share the name.
    std::optional<QList<EventRef>> eventsNamed(const QString &name, const QString &organisation);

    QString errorMessage() const { return m_error; }

private:
    bool begin();
    bool commit();
    bool notifyUserChanged(const QUuid &userId);
    std::nullopt_t fail(const QString &message);

    PgSyncConnection &m_db;
    QString m_error;
};

} // namespace Muster
