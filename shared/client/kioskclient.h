// The kiosk's own calls: asking to be paired, signing a volunteer in and out on the kiosk
// connection, keeping their session alive, and replaying what was queued while offline. Signing
// the kiosk itself in (kiosk.resume) is Connection::resumeKiosk.
#pragma once

#include "client/rpcreply.h"

#include <QJsonArray>
#include <QObject>
#include <QString>

namespace Muster {

class Connection;

class KioskClient : public QObject
{
    Q_OBJECT
public:
    explicit KioskClient(Connection *connection, QObject *parent = nullptr);

    // kiosk.register on an open, unsigned connection → {pairingCode, deviceToken, expiresAt}.
    Q_INVOKABLE Muster::RpcReply *registerDevice();
    // kiosk.signIn with a PIN.
    Q_INVOKABLE Muster::RpcReply *signInWithPin(const QString &badge, const QString &pin);
    // kiosk.signIn with a quick code (any case).
    Q_INVOKABLE Muster::RpcReply *signInWithCode(const QString &badge, const QString &code);
    Q_INVOKABLE Muster::RpcReply *signOut();
    Q_INVOKABLE Muster::RpcReply *touch();
    // kiosk.replay: [{actionId, kind, badge, at, teamId?}], oldest first, at most 500.
    Q_INVOKABLE Muster::RpcReply *replay(const QJsonArray &actions);

private:
    Connection *m_connection;
};

} // namespace Muster
