// See timerwheel.h.
#include "timerwheel.h"

#include <algorithm>

namespace Muster {

TimerWheel::TimerWheel(qint64 startMs, qint64 tickMs, int slots)
    : m_slots(size_t(slots))
    , m_tickMs(tickMs)
    , m_current(startMs / tickMs)
{ }

qint64 TimerWheel::tickFor(qint64 dueMs) const
{
    const qint64 tick = (dueMs + m_tickMs - 1) / m_tickMs;
    return std::clamp(tick, m_current + 1, m_current + qint64(m_slots.size()) - 1);
}

void TimerWheel::add(quint64 key, qint64 tick)
{
    m_slots[size_t(tick % qint64(m_slots.size()))].push_back(key);
    ++m_count;
}

int TimerWheel::msUntilNext(qint64 nowMs) const
{
    if (m_count == 0)
        return -1;
    const qint64 slots = qint64(m_slots.size());
    for (qint64 tick = m_current + 1; tick < m_current + slots; ++tick) {
        if (!m_slots[size_t(tick % slots)].empty())
            return int(std::max<qint64>(0, tick * m_tickMs - nowMs));
    }
    return 0;
}

} // namespace Muster
