// Kiosks as devices: a new kiosk registers and shows a short pairing code; a Lead approves it by
// that code (kiosks.approve, or --authorize-kiosk), naming it; from then on its device token
// (stored hashed) signs it in with kiosk.resume until it expires or is revoked. Approval reaches
// the waiting kiosk (kiosk.approved) and revocation disconnects it (kiosk.revoked) on whichever
// server process it is connected to.
#pragma once

#include "db/attemptstore.h"
#include "db/kioskstore.h"
#include "services/throttlelimits.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace Muster {

class ClientSocket;
class Database;
class PushHub;
class PushRelay;
class RpcCall;
struct Caller;

class KioskService : public QObject
{
    Q_OBJECT
public:
    KioskService(Database &db, PushHub &hub, PushRelay &relay, QObject *parent = nullptr);

    void registerDevice(const RpcCall &call); // kiosk.register
    void resume(const RpcCall &call); // kiosk.resume
    void list(const RpcCall &call);
    void approve(const RpcCall &call);
    void update(const RpcCall &call);
    void revoke(const RpcCall &call);

    void setThrottleLimits(const ThrottleLimits &limits) { m_limits = limits; }

private:
    void approvePairing(
        const RpcCall &call, const KioskStore::Approval &approval, const QUuid &attemptId);
    // kiosks.changed to the organisation's leads and above.
    void publishChange(const QUuid &organisationId, const Kiosk &kiosk);

    KioskStore m_store;
    PushHub &m_hub;
    PushRelay &m_relay;
    AttemptStore m_attempts;
    ThrottleLimits m_limits;
};

} // namespace Muster
