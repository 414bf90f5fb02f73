// See memorytrimmer.h.
#include "memorytrimmer.h"

#include "util/logging.h"

#include <QFile>
#include <QThread>

#include <malloc.h>
#include <unistd.h>

namespace Muster {

namespace {
constexpr auto kInterval = std::chrono::seconds(5);
// Below this, walking the heap would cost more than it returns.
constexpr qint64 kThresholdBytes = 32LL * 1024 * 1024;
} // namespace

MemoryTrimmer::MemoryTrimmer(QObject *parent)
    : QObject(parent)
    , m_baseline(residentBytes())
{
    connect(&m_timer, &QTimer::timeout, this, &MemoryTrimmer::trimIfWorthIt);
    m_timer.start(kInterval);
}

MemoryTrimmer::~MemoryTrimmer()
{
    if (m_worker)
        m_worker->wait();
}

qint64 MemoryTrimmer::residentBytes()
{
    // "size resident shared text lib data dt", in pages.
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.read(128).split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * sysconf(_SC_PAGESIZE) : 0;
}

bool MemoryTrimmer::trimIfWorthIt()
{
#ifdef __GLIBC__
    if (m_worker)
        return false;
    const qint64 resident = residentBytes();
    m_baseline = std::min(m_baseline, resident);
    if (resident - m_baseline <= kThresholdBytes)
        return false;
    m_worker.reset(QThread::create([this, resident] {
        malloc_trim(0);
        const qint64 after = residentBytes();
        QMetaObject::invokeMethod(this, [this, resident, after] { finish(resident, after); });
    }));
    m_worker->setObjectName(QStringLiteral("memory trim"));
    m_worker->start(QThread::LowPriority);
    return true;
#else
    return false;
#endif
}

void MemoryTrimmer::finish(qint64 residentBefore, qint64 residentAfter)
{
    m_worker->wait();
    m_worker.reset();
    m_baseline = residentAfter;
    qCDebug(lcHttp) << "heap trimmed: resident" << residentBefore / 1024 / 1024 << "MiB before,"
                    << residentAfter / 1024 / 1024 << "MiB after";
    Q_EMIT trimmed(residentBefore, residentAfter);
}

} // namespace Muster
