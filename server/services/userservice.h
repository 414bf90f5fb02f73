// users.update, users.create and users.delete: managers move people between teams, set
// highlight colours and badge numbers, change roles within the rules (never their own role,
// never above their own, never someone above them) and create volunteers from a badge number;
// admins delete people (never themselves, never someone above them).
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

    void update(const RpcCall &call);
    void create(const RpcCall &call);
    void remove(const RpcCall &call);

private:
    void apply(const RpcCall &call, const QUuid &userId, const UserStore::Edit &edit);

    UserStore m_store;
    PasswordHasher &m_hasher;
    PushRelay &m_relay;
};

} // namespace Muster
