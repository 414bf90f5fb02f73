// Kiosks as devices: a new kiosk registers and shows a short pairing code; a Lead approves it by
// that code (kiosks.approve, or --authorize-kiosk), naming it; from then on its device token
// (stored hashed) signs it in with kiosk.resume until it expires or is revoked. Revoking
// disconnects it at once.
#pragma once

#include "db/jsonquery.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace Muster {

class ClientSocket;
class PushHub;
class RpcCall;

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

private:
    void disconnectKiosk(const QUuid &kioskId);

    JsonQuery m_query;
    PushHub &m_hub;
    QHash<QString, QPointer<ClientSocket>> m_pending; // by pairing code, on this process
    QHash<QUuid, QList<QPointer<ClientSocket>>> m_connected; // by kiosk
};

} // namespace Muster
