// The one way a push leaves a service: delivered to this process's connections at once (through
// PushHub), and published to every other server process on the same database through
// LISTEN/NOTIFY, which deliver it to theirs and ignore what they published themselves.
//
// Publishing is batched: pushes made while a NOTIFY is on its way wait and leave together in the
// next one, so a burst costs a few NOTIFYs rather than one per push (every NOTIFY serialises on
// a lock at commit, which is what makes one per row expensive). A batch larger than a NOTIFY
// takes travels through the outbox. Delivery across processes is at least once: a batch whose
// NOTIFY fails is sent again when the connection is back, and a gap in listening makes this
// process tell its clients to re-read what they show (session.resync).
//
// A server alone on its database publishes nothing: it publishes while its heartbeat counts
// other live servers, or while it has heard from one lately. A server that starts listening says
// hello; every other answers and publishes from then on. One that was not publishing until then
// (it believed it was alone) answers welcome, and the newcomer tells the clients it already had
// to resync, since they may have missed a push that server made before it knew.
#pragma once

#include "net/push.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QTimer>
#include <QUuid>

#include <chrono>
#include <optional>

namespace Muster {

class ListenConnection;
class PgSyncConnection;
class PushHub;

class PushRelay : public QObject
{
    Q_OBJECT
public:
    static const QString kChannel; // the NOTIFY channel every server listens on
    static const QString kResyncMethod; // session.resync

    PushRelay(
        PushHub &hub, ListenConnection &listener, const QUuid &serverId, QObject *parent = nullptr);

    void publish(const Push &push);
    // From the heartbeat: how many other servers are alive, and how long a silent one counts.
    void setOthers(int others) { m_others = others; }
    void setSilence(std::chrono::milliseconds silence) { m_silence = silence; }
    // Whether pushes are published to other processes now.
    bool othersListening() const;
    // To this process's connections only (what another process already published, or what
    // concerns only this process, such as its own listening gap).
    void deliverHere(const Push &push);

    // Publishes pushes from a process that serves nobody (the admin command line): blocking,
    // one NOTIFY. False, with the database's message, when it could not be sent.
    static bool publishNow(PgSyncConnection &db, const QList<Push> &pushes, QString *error);

    struct Counters
    {
        qint64 published = 0; // pushes handed to NOTIFY
        qint64 notifies = 0; // NOTIFYs sent (batches)
        qint64 throughOutbox = 0; // of those, batches too large for a payload
        qint64 received = 0; // pushes from other processes delivered here
        qint64 dropped = 0; // malformed or lost pushes (an outbox row already swept, …)
        qint64 unshared = 0; // pushes not published: no other server was listening
    };
    const Counters &counters() const { return m_counters; }

Q_SIGNALS:
    // Told to clients after a gap; tests and the metrics log watch it.
    void resynced();

private:
    struct Incoming
    {
        QByteArray body; // a JSON array of pushes, once known
        qint64 outboxId = 0; // while the body is still to be read
    };

    void flush();
    void greet(const QByteArray &word);
    void onGreeting(const QByteArray &word, bool wasPublishing);
    void onSent(bool ok, QList<Push> batch);
    void onNotification(const QString &channel, const QByteArray &payload);
    void onListening(bool afterLoss);
    void drainIncoming();
    void deliverBody(const QByteArray &body);

    PushHub &m_hub;
    ListenConnection &m_listener;
    QByteArray m_prefix; // the server id as it starts every payload
    QList<Push> m_outgoing;
    bool m_sending = false;
    bool m_overflowed = false; // pushes were dropped while the database was away
    QTimer m_flushTimer;
    QTimer m_sweepTimer;
    QQueue<Incoming> m_incoming;
    int m_others = 0;
    std::chrono::milliseconds m_silence {20000};
    QElapsedTimer m_heardFromOthers; // valid once another server was heard
    QTimer m_welcomedTimer; // gathers welcomes into one resync
    bool m_readingOutbox = false;
    Counters m_counters;
};

} // namespace Muster
