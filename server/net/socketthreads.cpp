// See socketthreads.h.
#include "socketthreads.h"

#include "epolldispatcher.h"
#include "socketpump.h"

namespace Muster {

SocketThreads::SocketThreads(int count, std::chrono::milliseconds pingInterval)
{
    const auto addLane = [&](std::unique_ptr<QThread> thread) {
        auto *clock = new QTimer;
        clock->setInterval(pingInterval);
        if (thread) {
            clock->moveToThread(thread.get());
            // A timer starts on its own thread.
            QMetaObject::invokeMethod(clock, qOverload<>(&QTimer::start), Qt::QueuedConnection);
        } else {
            clock->start();
        }
        m_lanes.push_back({std::move(thread), clock});
    };
    for (int i = 0; i < count; ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("muster-sockets-%1").arg(i));
        thread->setEventDispatcher(new EpollDispatcher);
        thread->start();
        addLane(std::move(thread));
    }
    if (count <= 0)
        addLane(nullptr);
}

SocketThreads::~SocketThreads()
{
    for (Lane &lane : m_lanes) {
        if (!lane.thread) {
            delete lane.clock;
            continue;
        }
        // Deleted on its own thread as it finishes, with the pumps still queued for deletion.
        lane.clock->deleteLater();
        lane.thread->quit();
        lane.thread->wait();
    }
}

QObject *SocketThreads::adopt(SocketPump *pump)
{
    Lane &lane = m_lanes[m_next];
    m_next = (m_next + 1) % m_lanes.size();
    // Same thread once moved: a direct call on every tick.
    QObject::connect(lane.clock, &QTimer::timeout, pump, &SocketPump::ping);
    if (lane.thread)
        pump->moveToThread(lane.thread.get());
    return lane.clock;
}

} // namespace Muster
