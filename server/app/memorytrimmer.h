// Gives memory back to the system after bursts. A reconnect storm queues megabytes of pushes in
// socket buffers; once sent, glibc keeps the freed pages in its per-thread arenas, so a server
// that briefly needed 800 MiB would hold on to it for good. Every few seconds this checks how
// much the allocator holds unused and, above a threshold, returns it (malloc_trim releases free
// pages inside every arena, not only at the top of the heap).
#pragma once

#include <QObject>
#include <QTimer>

namespace Muster {

class MemoryTrimmer : public QObject
{
    Q_OBJECT
public:
    explicit MemoryTrimmer(QObject *parent = nullptr);

    // Trims now if the unused heap grew by more than a threshold since the last trim; returns
    // the bytes it found unused.
    qint64 trimIfWorthIt();

private:
    QTimer m_timer;
    qint64 m_unusedAfterTrim = 0;
};

} // namespace Muster
