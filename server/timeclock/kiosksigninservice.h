// Volunteers at a kiosk: kiosk.signIn with a badge number and a personal PIN or a quick code,
// kiosk.signOut, kiosk.touch, and the 60-second idle sign-out. Also where people make their
// credentials for it: quickCodes.create (4 characters, single use, 30 s) and profile.setPin.
#pragma once

#include "db/jsonquery.h"
#include "services/loginthrottle.h"

#include <QHash>
#include <QObject>

#include <chrono>

class QTimer;

namespace Muster {

class ClientSocket;
class PasswordHasher;
class PushHub;
class RpcCall;

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
    void setPin(const RpcCall &call);

    void setIdleTimeout(std::chrono::milliseconds timeout) { m_idleTimeout = timeout; }

private:
    void establish(const RpcCall &call, const QJsonObject &person);
    void endVolunteerSession(ClientSocket *socket, const QString &reason);

    JsonQuery m_query;
    PasswordHasher &m_hasher;
    PushHub &m_hub;
    LoginThrottle m_throttle;
    QHash<ClientSocket *, QTimer *> m_idleTimers;
    std::chrono::milliseconds m_idleTimeout {60000};
};

} // namespace Muster
