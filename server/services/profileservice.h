// profile.update and profile.changePassword: what each person may change about themselves.
#pragma once

#include "db/profilestore.h"
#include "loginthrottle.h"

#include <QObject>

namespace Muster {

class Database;
class PasswordHasher;
class PushHub;
class RpcCall;

class ProfileService : public QObject
{
    Q_OBJECT
public:
    ProfileService(Database &db, PasswordHasher &hasher, PushHub &hub, QObject *parent = nullptr);

    void get(const RpcCall &call);
    void update(const RpcCall &call);
    void changePassword(const RpcCall &call);

private:
    ProfileStore m_store;
    PasswordHasher &m_hasher;
    PushHub &m_hub;
    LoginThrottle m_throttle; // wrong current passwords count like failed sign-ins
};

} // namespace Muster
