// session.login, session.resume and session.logout: turns an anonymous socket into a caller.
#pragma once

#include "db/attemptstore.h"
#include "db/sessionstore.h"
#include "signintally.h"
#include "throttlelimits.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace Muster {

class ClientSocket;
class Database;
class PasswordHasher;
class PushHub;
class RpcCall;

class SessionService : public QObject
{
    Q_OBJECT
public:
    SessionService(Database &db, PasswordHasher &hasher, PushHub &hub, QObject *parent = nullptr);

    void login(const RpcCall &call);
    void resume(const RpcCall &call);
    void logout(const RpcCall &call);
    // Re-reads every signed-in connection of the user after an outside change (role, password):
    // ended sessions and disabled accounts are disconnected, roles take effect at once.
    void refreshUser(const QUuid &userId);

Q_SIGNALS:
    // Someone signed in at a kiosk had their account changed elsewhere (role, ban, deletion):
    // the kiosk stays, the person is signed out of it (KioskSignInService).
    void kioskVisitorChanged(Muster::ClientSocket *socket);

public:
    void setThrottleLimits(const ThrottleLimits &limits) { m_limits = limits; }
    void setMaxConnectionsPerPerson(int count) { m_maxConnectionsPerPerson = count; }

    static QJsonObject userJson(const Caller &caller);
    // 256 random bits, base64url; and the SHA-256 that is all the database keeps of it.
    // bytes random bytes, URL-safe base64 (32 bytes: a session token).
    static QString newToken(int bytes = 32);
    static QByteArray tokenHash(const QString &token);

private:
    void checkPassword(const RpcCall &call, const QString &login, const QString &password,
        const QString &address, const QUuid &attemptId,
        const std::optional<SessionStore::Account> &account);
    void startSession(const RpcCall &call, const Caller &caller, const QString &address);
    void establish(
        const RpcCall &call, const Caller &caller, const QJsonObject &result, SignInTally::How how);

    SessionStore m_store;
    PasswordHasher &m_hasher;
    PushHub &m_hub;
    AttemptStore m_attempts;
    SignInTally m_tally;
    ThrottleLimits m_limits;
    int m_maxConnectionsPerPerson = 20;
    static constexpr std::chrono::seconds kSessionLifetime {30 * 24 * 3600};
};

} // namespace Muster
