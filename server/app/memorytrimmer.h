// Gives memory back to the system after bursts. A reconnect storm queues megabytes of pushes;
// once sent, glibc keeps the freed pages in its per-thread arenas, so a server that briefly
// needed 800 MiB would hold on to it for good. malloc_trim releases free pages inside every
// arena, not only at the top of the heap.
//
// mallinfo2(), which says how much is free, and malloc_trim() both walk every free chunk of every
// arena, and that walk grows with fragmentation: mallinfo2() took 0.3-1 ms at the 1,500-3,500 free
// chunks of the presence benchmarks, and mallinfo2() and malloc_trim() 25 ms each over 100,000
// (both measured here). On the event loop every few seconds, that is a stall of every push and
// answer waiting on it. So the periodic check only reads the resident size, one small read of
// /proc/self/statm, and the walk runs on a thread of its own, only when the resident size grew
// by a threshold over what the last trim left.
#pragma once

#include <QObject>
#include <QTimer>

#include <memory>

class QThread;

namespace Muster {

class MemoryTrimmer : public QObject
{
    Q_OBJECT
public:
    explicit MemoryTrimmer(QObject *parent = nullptr);
    ~MemoryTrimmer() override; // waits for a trim under way

    // Starts a trim on its own thread if the resident size grew by more than a threshold since
    // the last one and none is under way; returns whether it started one.
    bool trimIfWorthIt();

    // The resident size of this process in bytes (0 where it cannot be read).
    static qint64 residentBytes();

Q_SIGNALS:
    // A trim finished: the resident size before it started and after it ended.
    void trimmed(qint64 residentBefore, qint64 residentAfter);

private:
    void finish(qint64 residentBefore, qint64 residentAfter);

    QTimer m_timer;
    // What the last trim left, or less if the process shrank since: growth is counted from here.
    qint64 m_baseline = 0;
    std::unique_ptr<QThread> m_worker;
};

} // namespace Muster
