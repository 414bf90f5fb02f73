// users.list, users.update, users.create, users.resetPassword, users.history and users.delete:
// managers see the roster and a person's history with each person's time in an event, move people
// between teams, set highlight colours and badge numbers, change roles within the rules (never
// their own role, never above their own, never someone above them), create volunteers from a badge
// number and give someone a new password (never their own, never someone above them); admins delete
// people (never themselves, never someone above them).
#pragma once

#include "db/userstore.h"

#include <QObject>

namespace Muster {

class Database;
class PasswordHasher;
class PushRelay;
class RpcCall;

class UserService : public QObject
{
    Q_OBJECT
public:
    UserService(Database &db, PasswordHasher &hasher, PushRelay &relay, QObject *parent = nullptr);

    void list(const RpcCall &call);
    void update(const RpcCall &call);
    void create(const RpcCall &call);
    void resetPassword(const RpcCall &call);
    void history(const RpcCall &call);
    void remove(const RpcCall &call);

private:
    void apply(const RpcCall &call, const QUuid &userId, const UserStore::Edit &edit);
    // Runs `then` when userId is someone of the caller's organisation and not above them;
    // otherwise the call fails with not_found or forbidden (`refusal`). Callers refuse acting on
    // oneself first, each in their own words.
    void withSubordinate(const RpcCall &call, const QUuid &userId, const QString &refusal,
        std::function<void()> then);

    UserStore m_store;
    PasswordHasher &m_hasher;
    PushRelay &m_relay;
};

} // namespace Muster
