// The kiosks of an organisation as its leads run them: listing them, approving a waiting kiosk by
// the pairing code it shows, renaming, moving or renewing one, and revoking it.
#pragma once

#include "client/rpcreply.h"

#include <QObject>
#include <QString>

namespace Muster {

class Connection;

class KioskFleetClient : public QObject
{
    Q_OBJECT
public:
    explicit KioskFleetClient(Connection *connection, QObject *parent = nullptr);

    Q_INVOKABLE Muster::RpcReply *list();
    // lifetimeHours: how long the approval lasts (1–8784).
    Q_INVOKABLE Muster::RpcReply *approve(const QString &pairingCode, const QString &name,
        const QString &location, int lifetimeHours);
    Q_INVOKABLE Muster::RpcReply *update(
        const QString &kioskId, const QString &name, const QString &location);
    // The approval runs lifetimeHours from now.
    Q_INVOKABLE Muster::RpcReply *renew(const QString &kioskId, int lifetimeHours);
    Q_INVOKABLE Muster::RpcReply *revoke(const QString &kioskId);

private:
    Connection *m_connection;
};

} // namespace Muster
