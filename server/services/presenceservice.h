// presence.list and presence.set, and the presence.changed pushes they and connections cause.
// State changes are pushed at once. Comings and goings (online/offline) are gathered for a
// moment and pushed per organisation in one frame: when thousands reconnect after a restart,
// each member receives a few batches instead of one frame per colleague.
#pragma once

#include "db/presencestore.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
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
    // Pushes the person's current state after a change made elsewhere (a clock-in sets the
    // shift state); batched with comings and goings.
    void announce(const QUuid &organisationId, const QUuid &userId);

private:
    void onUserOnline(const QUuid &organisationId, const QUuid &userId);
    void onUserOffline(const QUuid &organisationId, const QUuid &userId);
    void pushChange(const PresenceStore::PersonState &state);
    void queueArrivalOrDeparture(const QUuid &organisationId, const QUuid &userId);
    void flushArrivalsAndDepartures();
    QJsonObject changeJson(const PresenceStore::PersonState &state) const;
    // Arms the timer for the next state that clears itself (or a minute, whichever is sooner).
    void scheduleExpiry();
    void expireDue();

    PresenceStore m_store;
    PushHub &m_hub;
    QTimer m_expiryTimer;
    QTimer m_flushTimer;
    QHash<QUuid, QSet<QUuid>> m_arrivals; // users whose online flag changed, by organisation
};

} // namespace Muster
