// Invites to join an organisation, and registrations of new organisations: the SQL of both.
// People come into being through muster_add_person (resources/sql/16_directory.sql), as on the
// command line.
#pragma once

#include "domain/role.h"
#include "storeerror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUuid>

#include <functional>

namespace Muster {

class Database;

class InviteStore
{
public:
    struct Invite
    {
        QUuid id;
        Role role = Role::Staff;
        QString email;
        QString displayName;
        QString createdByName;
        QDateTime expiresAt;
        QDateTime usedAt;
        QString usedByLogin;
        QDateTime revokedAt;
        QDateTime mailedAt;
        QDateTime createdAt;

        // "open", "used", "revoked" or "expired".
        QString status() const;
        QJsonObject toJson() const;
    };

    // Who came into being: the organisation, the person, and their role.
    struct Joined
    {
        QUuid organisationId;
        QUuid userId;
        Role role = Role::Staff;
    };

    template <typename T>
    using Handler = std::function<void(const T &value, const StoreError &error)>;

    explicit InviteStore(Database &db)
        : m_db(db)
    { }

    void create(const QUuid &org, const QUuid &actor, Role role, const QString &email,
        const QString &displayName, const QByteArray &codeHash, const QDateTime &expiresAt,
        QObject *context, Handler<Invite> handler);
    // The newest 200.
    void list(const QUuid &org, QObject *context, Handler<QList<Invite>> handler);
    void revoke(const QUuid &org, const QUuid &actor, const QUuid &inviteId, QObject *context,
        Handler<Invite> handler);
    void markMailed(const QUuid &inviteId);
    // NotFound for a code that is unknown, used, revoked or expired; Conflict "login_taken".
    void accept(const QByteArray &codeHash, const QString &login, const QString &displayName,
        const QString &email, const QByteArray &passwordHash, QObject *context,
        Handler<Joined> handler);
    // Conflict "name_taken" or "login_taken".
    void registerOrganisation(const QString &name, const QString &login, const QString &displayName,
        const QString &email, const QByteArray &passwordHash, QObject *context,
        Handler<Joined> handler);

private:
    Database &m_db;
};

} // namespace Muster
