// SQL for a person's own profile: display name, email and password.
#pragma once

#include "domain/account.h"
#include "storeerror.h"

#include <QByteArray>
#include <QObject>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

class Database;

class ProfileStore
{
public:
    using ProfileHandler = std::function<void(const Account &account, const StoreError &error)>;

    explicit ProfileStore(Database &db)
        : m_db(db)
    { }

    void get(const QUuid &org, const QUuid &userId, QObject *context, ProfileHandler handler);
    // Changes what is given and answers the account as it is now. Audited.
    void update(const QUuid &org, const QUuid &userId, const std::optional<QString> &displayName,
        const std::optional<QString> &email, QObject *context, ProfileHandler handler);
    void passwordHash(const QUuid &org, const QUuid &userId, QObject *context,
        std::function<void(const QByteArray &hash, const StoreError &error)> handler);
    // Stores the new hash, revokes every other session of the user and tells every server.
    void setPassword(const QUuid &org, const QUuid &userId, const QUuid &keepSession,
        const QByteArray &hash, QObject *context,
        std::function<void(const StoreError &error)> handler);

private:
    Database &m_db;
};

} // namespace Muster
