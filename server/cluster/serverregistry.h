// This server process among the others on the same database: it registers itself and renews a
// heartbeat every few seconds, and on each beat sweeps servers that fell silent (killed with -9,
// cut off), so their people count as offline everywhere within `silence + interval`.
#pragma once

#include "db/serverstore.h"

#include <QObject>
#include <QTimer>
#include <QUuid>

#include <chrono>

namespace Muster {

class PresenceService;

class ServerRegistry : public QObject
{
    Q_OBJECT
public:
    struct Timing
    {
        std::chrono::milliseconds interval {5000}; // between heartbeats
        std::chrono::milliseconds silence {20000}; // without one, a server is dead
    };

    ServerRegistry(
        Database &db, PresenceService &presence, const QUuid &serverId, QObject *parent = nullptr);

    void setTiming(const Timing &timing) { m_timing = timing; }
    void start();
    // Takes this server's row and connections out now (a clean stop), then calls done.
    void stop(std::function<void()> done);

    QUuid serverId() const { return m_serverId; }

Q_SIGNALS:
    void beaten(); // after each successful heartbeat and sweep (tests wait on it)
    // How many other servers are alive, as of this beat.
    void othersCounted(int others);

private:
    void beat();

    ServerStore m_store;
    PresenceService &m_presence;
    QUuid m_serverId;
    QString m_host;
    Timing m_timing;
    QTimer m_timer;
    bool m_beating = false;
};

} // namespace Muster
