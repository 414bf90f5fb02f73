// presence.list and presence.set, and the presence.changed pushes they and connections cause.
#pragma once

#include "db/presencestore.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUuid>

namespace Muster {

class Database;
class PushHub;
class RpcCall;

class PresenceService : public QObject
{
    Q_OBJECT
public:
    PresenceService(Database &db, PushHub &hub, QObject *parent = nullptr);

    void list(const RpcCall &call);
    void set(const RpcCall &call);

private:
    void onUserOnline(const QUuid &organisationId, const QUuid &userId);
    void onUserOffline(const QUuid &organisationId, const QUuid &userId);
    void pushChange(const PresenceStore::PersonState &state);
    QJsonObject changeJson(const PresenceStore::PersonState &state) const;
    // Arms the timer for the next state that clears itself (or a minute, whichever is sooner).
    void scheduleExpiry();
    void expireDue();

    PresenceStore m_store;
    PushHub &m_hub;
    QTimer m_expiryTimer;
};

} // namespace Muster
