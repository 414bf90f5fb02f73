// See memorytrimmer.h.
#include "memorytrimmer.h"

#include "util/logging.h"

#include <malloc.h>

namespace Muster {

namespace {
constexpr auto kInterval = std::chrono::seconds(5);
// Below this, trimming would cost more than it returns.
constexpr qint64 kThresholdBytes = 32LL * 1024 * 1024;
} // namespace

MemoryTrimmer::MemoryTrimmer(QObject *parent)
    : QObject(parent)
{
    connect(&m_timer, &QTimer::timeout, this, &MemoryTrimmer::trimIfWorthIt);
    m_timer.start(kInterval);
}

qint64 MemoryTrimmer::trimIfWorthIt()
{
#ifdef __GLIBC__
    const qint64 unused = qint64(mallinfo2().fordblks);
    // Pages released from the middle of an arena still count as free chunks: compare with what
    // was left after the last trim, or an idle server would trim every time for nothing.
    if (unused - m_unusedAfterTrim > kThresholdBytes) {
        malloc_trim(0);
        m_unusedAfterTrim = qint64(mallinfo2().fordblks);
        qCDebug(lcHttp) << "returned up to" << unused / 1024 / 1024 << "MiB of unused heap";
    }
    return unused;
#else
    return 0;
#endif
}

} // namespace Muster
