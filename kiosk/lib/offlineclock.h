// Clocking in and out while the server cannot be reached, and handing it over afterwards. Offline
// the kiosk takes a badge number alone (no PIN can be checked without the server, and none is
// kept here) and queues the action in the outbox with its time and a fresh action id. Once the
// kiosk is signed in again it sends the queue, oldest first, with kiosk.replay; what the server
// places leaves the outbox, what it refuses (too old: stale_action, an overlap, an unknown badge)
// stays, marked, for the operator to see.
#pragma once

#include <QObject>
#include <QTimer>

namespace Muster {

class Connection;
class KioskClient;
class Outbox;

class OfflineClock : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool replaying READ isReplaying NOTIFY replayingChanged)
public:
    OfflineClock(
        Connection &connection, KioskClient &client, Outbox &outbox, QObject *parent = nullptr);

    // Queue a clock-in (team from the kept list) or a clock-out for this badge; false when it
    // could not be saved.
    Q_INVOKABLE bool clockIn(const QString &badge, const QString &teamId, const QString &teamName);
    Q_INVOKABLE bool clockOut(const QString &badge);
    // What the badge most likely wants next, from the queue: "clockIn", "clockOut" or "".
    Q_INVOKABLE QString likelyNext(const QString &badge) const;

    bool isReplaying() const { return m_replaying; }

public Q_SLOTS:
    // Sends what is queued, if the kiosk is signed in and nothing is on its way already.
    void replay();

Q_SIGNALS:
    void replayingChanged();
    // One kiosk.replay answered: how many actions were placed, how many refused.
    void replayed(int placed, int refused);

private:
    bool enqueue(
        const QString &kind, const QString &badge, const QString &teamId, const QString &teamName);
    void setReplaying(bool replaying);

    Connection &m_connection;
    KioskClient &m_client;
    Outbox &m_outbox;
    bool m_replaying = false;
    QTimer m_retry;
};

} // namespace Muster
