// users.update: managers move people between teams, set highlight colours and change roles within
// the rules (never their own role, never above their own, never someone above them).
#pragma once

#include "db/userstore.h"

#include <QObject>

namespace Muster {

class Database;
class PushHub;
class RpcCall;

class UserService : public QObject
{
    Q_OBJECT
public:
    UserService(Database &db, PushHub &hub, QObject *parent = nullptr);

    void update(const RpcCall &call);

private:
    void apply(const RpcCall &call, const QUuid &userId, const UserStore::Edit &edit);

    UserStore m_store;
    PushHub &m_hub;
};

} // namespace Muster
