// Kiosks as devices: a new kiosk registers and shows a short pairing code; a Lead approves it by
// that code (kiosks.approve, or --authorize-kiosk), naming it; from then on its device token
// (stored hashed) signs it in with kiosk.resume until it expires or is revoked. Revoking
// disconnects it at once.
#pragma once

#include "db/attemptstore.h"
#include "db/jsonquery.h"
#include "services/throttlelimits.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace Muster {

class ClientSocket;
class PushHub;
class RpcCall;
struct Caller;

class KioskService : public QObject
{
    Q_OBJECT
public:
    KioskService(Database &db, PushHub &hub, QObject *parent = nullptr);

    void registerDevice(const RpcCall &call); // kiosk.register
    void resume(const RpcCall &call); // kiosk.resume
    void list(const RpcCall &call);
    void approve(const RpcCall &call);
    void update(const RpcCall &call);
    void revoke(const RpcCall &call);

    void setThrottleLimits(const ThrottleLimits &limits) { m_limits = limits; }

private:
    struct Pairing
    {
        QString code;
        QString name;
        QString location;
        qint64 lifetimeHours;
    };
    void approvePairing(
        const RpcCall &call, const Caller &caller, const Pairing &pairing, const QUuid &attemptId);
    void disconnectKiosk(const QUuid &kioskId);

    JsonQuery m_query;
    PushHub &m_hub;
    AttemptStore m_attempts;
    ThrottleLimits m_limits;
    QHash<QString, QPointer<ClientSocket>> m_pending; // by pairing code, on this process
    QHash<QUuid, QList<QPointer<ClientSocket>>> m_connected; // by kiosk
};

} // namespace Muster
