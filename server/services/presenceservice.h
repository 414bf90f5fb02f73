// presence.list and presence.set, and the presence.changed pushes they and connections cause.
#pragma once

#include "db/presencestore.h"

#include <QObject>
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
    void pushChange(
        const QUuid &organisationId, const QUuid &userId, const PresenceStore::PersonState &state);

    PresenceStore m_store;
    PushHub &m_hub;
};

} // namespace Muster
