// Volunteers at a kiosk: kiosk.signIn with a badge number and a personal PIN or a quick code,
// kiosk.signOut, kiosk.touch, and the 60-second idle sign-out. Also where people make their
// credentials for it: quickCodes.create (4 characters, single use, 30 s) and profile.setPin.
#pragma once

#include "db/attemptstore.h"
#include "db/kioskcredentialstore.h"
#include "protocol/rpcerror.h"
#include "services/throttlelimits.h"

#include <QHash>
#include <QObject>

#include <chrono>
#include <functional>

class QTimer;

namespace Muster {

class ClientSocket;
class Database;
class PasswordHasher;
class PushHub;
class RpcCall;
struct Caller;

class KioskSignInService : public QObject
{
    Q_OBJECT
public:
    KioskSignInService(
        Database &db, PasswordHasher &hasher, PushHub &hub, QObject *parent = nullptr);

    void signIn(const RpcCall &call);
    void signOut(const RpcCall &call);
    void touch(const RpcCall &call);
    void createQuickCode(const RpcCall &call);
    // A quick code for the person, valid 30 s (what createQuickCode and the chat bot hand out):
    // forbidden for leads and above, no_badge without a badge number.
    using QuickCodeHandler = std::function<void(
        const QString &code, const QDateTime &expiresAt, const RpcError &error)>;
    void issueQuickCode(const QUuid &organisationId, const QUuid &userId, Role role,
        QObject *context, QuickCodeHandler handler);
    void setPin(const RpcCall &call);

    void setIdleTimeout(std::chrono::milliseconds timeout) { m_idleTimeout = timeout; }
    void setThrottleLimits(const ThrottleLimits &limits) { m_limits = limits; }
    // Signs whoever is at this kiosk out, as their account changed (the kiosk stays connected).
    void signOutChangedAccount(ClientSocket *socket)
    {
        endVolunteerSession(socket, QStringLiteral("account_changed"));
    }

private:
    void checkQuickCode(
        const RpcCall &call, const QString &badge, const QString &code, const QUuid &attemptId);
    void checkPin(
        const RpcCall &call, const QString &badge, const QString &pin, const QUuid &attemptId);
    void succeeded(const Caller &kiosk, const QString &badge, const QUuid &attemptId);
    void establish(const RpcCall &call, const KioskCredentialStore::BadgeHolder &person);
    void endVolunteerSession(ClientSocket *socket, const QString &reason);

    KioskCredentialStore m_credentials;
    PasswordHasher &m_hasher;
    PushHub &m_hub;
    AttemptStore m_attempts;
    ThrottleLimits m_limits;
    QHash<ClientSocket *, QTimer *> m_idleTimers;
    std::chrono::milliseconds m_idleTimeout {60000};
};

} // namespace Muster
