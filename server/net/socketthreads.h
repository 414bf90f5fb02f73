// The threads WebSocket transports live on. One event loop polls every descriptor it owns on
// each wakeup, so thousands of sockets on the main thread would make every database reply and
// every request wait for a poll over all of them. Spread over a few threads, each wakeup polls a
// share, and the main thread — where requests are served — polls only the database and listener.
// Each thread also has one keep-alive clock for all its sockets: one wakeup pings them all,
// instead of one timer per socket waking the thread thousands of times per interval.
#pragma once

#include <QObject>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <memory>
#include <vector>

namespace Muster {

class SocketPump;

class SocketThreads
{
public:
    // count 0 keeps every socket on the calling thread.
    SocketThreads(int count, std::chrono::milliseconds pingInterval);
    ~SocketThreads();
    SocketThreads(const SocketThreads &) = delete;
    SocketThreads &operator=(const SocketThreads &) = delete;

    // Gives the pump a thread (round robin) and that thread's keep-alive clock. Returns an object
    // living on that thread, to post work for many of its pumps at once (see PushHub).
    QObject *adopt(SocketPump *pump);

private:
    struct Lane
    {
        std::unique_ptr<QThread> thread; // null: the calling thread
        QTimer *clock = nullptr; // lives on the lane's thread
    };
    std::vector<Lane> m_lanes;
    size_t m_next = 0;
};

} // namespace Muster
