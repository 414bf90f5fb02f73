// presence.list and presence.set, and the presence.changed pushes they and connections cause.
// State changes are pushed at once. Comings and goings (online/offline) are gathered for a
// moment and pushed per organisation in one frame: when thousands reconnect after a restart,
// each member receives a few batches instead of one frame per colleague.
//
// "Online" is shared by every server process: a person's first connection here records them in
// live_connections, their last one here removes them, and they are online while any server holds
// them. Each person's records are written one after another, so a quick connect-disconnect can
// never leave a stale row behind an earlier write.
#pragma once

#include "db/presencestore.h"
#include "net/push.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUuid>

namespace Muster {

class Database;
class PushHub;
class PushRelay;
class RpcCall;

class PresenceService : public QObject
{
    Q_OBJECT
public:
    PresenceService(Database &db, PushHub &hub, PushRelay &relay, const QUuid &serverId,
        QObject *parent = nullptr);

    void list(const RpcCall &call);
    void set(const RpcCall &call);
    // Pushes the person's current state after a change made elsewhere and committed (a clock-in
    // sets the shift state); the changes of one event-loop turn go out together.
    void announce(const QUuid &organisationId, const QUuid &userId);
    // The person's online flag changed elsewhere (their server fell silent): batched with the
    // comings and goings of this server.
    void announceComingOrGoing(const QUuid &organisationId, const QUuid &userId);
    // Writes again who is connected here, after this server's rows were lost (it was counted
    // dead, or PostgreSQL dropped its unlogged tables), and tells everyone.
    void recordEveryoneAgain();
    // A write to live_connections failed (the database was away): the next heartbeat records
    // everyone again.
    bool needsRecording() const { return m_writeFailed; }
    // The presence.changed push of one person's state, as every server and the admin command
    // line make it.
    static Push changePush(const PresenceStore::PersonState &state);

private:
    struct Record
    {
        QUuid organisationId;
        bool wanted = false; // what the hub says: connected here or not
        bool recorded = false; // what live_connections says
        bool writing = false;
    };
    void track(const QUuid &organisationId, const QUuid &userId, bool online);
    void record(const QUuid &userId);
    void pushChange(const PresenceStore::PersonState &state);
    void queueArrivalOrDeparture(const QUuid &organisationId, const QUuid &userId);
    void flushArrivalsAndDepartures();
    void flushAnnounced();
    // One person's change as presence.changed, several as one presence.changes.
    void publishChanges(const QUuid &organisationId,
        const QList<PresenceStore::PersonState> &states,
        QJsonObject (*json)(const PresenceStore::PersonState &));
    static QJsonObject changeJson(const PresenceStore::PersonState &state);
    // A coming or going: {userId, online, lastSeen?}, never the state.
    static QJsonObject onlineJson(const PresenceStore::PersonState &state);
    // presence.list's answer: {states, people, organisation, team|null}.
    static QJsonObject snapshotJson(const PresenceStore::Snapshot &snapshot);
    // Arms the timer for the next state that clears itself (or a minute, whichever is sooner).
    void scheduleExpiry();
    void expireDue();

    PresenceStore m_store;
    PushHub &m_hub;
    PushRelay &m_relay;
    QUuid m_serverId;
    QHash<QUuid, Record> m_records; // by person, while connected here or being written
    bool m_writeFailed = false;
    bool m_recordingEveryone = false; // recordEveryoneAgain's rewrite is on its way
    QTimer m_expiryTimer;
    QTimer m_flushTimer;
    QHash<QUuid, QSet<QUuid>> m_arrivals; // users whose online flag changed, by organisation
    QTimer m_announceTimer;
    QHash<QUuid, QSet<QUuid>> m_announced; // users whose state changed elsewhere, by organisation
};

} // namespace Muster
