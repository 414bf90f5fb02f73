// profile.update and profile.changePassword: what each person may change about themselves.
#pragma once

#include "db/attemptstore.h"
#include "db/profilestore.h"
#include "throttlelimits.h"

#include <QObject>

namespace Muster {

class Database;
class PasswordHasher;
class PushRelay;
class RpcCall;
struct Caller;

class ProfileService : public QObject
{
    Q_OBJECT
public:
    ProfileService(
        Database &db, PasswordHasher &hasher, PushRelay &relay, QObject *parent = nullptr);

    void get(const RpcCall &call);
    void update(const RpcCall &call);
    void changePassword(const RpcCall &call);

    void setThrottleLimits(const ThrottleLimits &limits) { m_limits = limits; }

private:
    void checkAndChange(const RpcCall &call, const Caller &caller, const QString &current,
        const QString &next, const QUuid &attemptId);

    ProfileStore m_store;
    PasswordHasher &m_hasher;
    PushRelay &m_relay;
    // Wrong current passwords are throttled like failed sign-ins.
    AttemptStore m_attempts;
    ThrottleLimits m_limits;
};

} // namespace Muster
