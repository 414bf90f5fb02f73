// See socketthreads.h.
#include "socketthreads.h"

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
        thread->start();
        addLane(std::move(thread));
    }
    if (count <= 0)
        addLane(nullptr);
}

SocketThreads::~SocketThreads()
{
    for (Lane &lane : m_lanes) {
        if (lane.thread) {
            lane.thread->quit();
            lane.thread->wait();
        }
        delete lane.clock; // its thread has finished: safe from here
    }
}

void SocketThreads::adopt(SocketPump *pump)
{
    Lane &lane = m_lanes[m_next];
    m_next = (m_next + 1) % m_lanes.size();
    // Same thread once moved: a direct call on every tick.
    QObject::connect(lane.clock, &QTimer::timeout, pump, &SocketPump::ping);
    if (lane.thread)
        pump->moveToThread(lane.thread.get());
}

} // namespace Muster
