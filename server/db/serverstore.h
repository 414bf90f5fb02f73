// SQL for the server processes sharing one database: each one's heartbeat, and the sweep that
// counts a silent server's people offline.
#pragma once

#include <QList>
#include <QObject>
#include <QPair>
#include <QUuid>

#include <chrono>
#include <functional>

namespace Muster {

class Database;

class ServerStore
{
public:
    // (organisation, person) pairs.
    using People = QList<QPair<QUuid, QUuid>>;

    explicit ServerStore(Database &db)
        : m_db(db)
    { }

    struct Beat
    {
        bool ok = false;
        // The row had to be made: the first beat, or the server was counted dead or its rows
        // were lost.
        bool registered = false;
        int others = 0; // other servers whose heartbeat is younger than `silence`
    };
    // Registers the server or renews its heartbeat.
    void beat(const QUuid &serverId, const QString &host, std::chrono::milliseconds silence,
        QObject *context, std::function<void(const Beat &beat)> handler);
    // Removes servers silent for longer than `silence`, and their connections; answers the
    // people who are now offline everywhere, whose "last seen" becomes their server's last beat.
    // Rows of a server not (yet) registered are spared for the same time.
    void reap(std::chrono::milliseconds silence, QObject *context,
        std::function<void(const People &offline)> handler);
    // A server stopping cleanly: its row and connections go now, not after the silence.
    void deregister(const QUuid &serverId, QObject *context,
        std::function<void(const People &offline)> handler);

private:
    Database &m_db;
};

} // namespace Muster
