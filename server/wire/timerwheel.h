// The deadlines of every connection on one wire thread (a head's 10 s, a sign-in's, the next
// keep-alive ping, a close handshake's grace) in one hashed wheel: adding one is a push onto a
// slot's list, and the thread wakes once per occupied tick, however many connections wait.
// Qt keeps its timers in one sorted list per thread, which costs a search for every timer added;
// with thousands of connections arriving at once that search was most of the main thread's work.
//
// Entries are keys only, never cancelled: the owner keeps each key's true due time and ignores an
// entry that no longer matches it (see WireThread::onTimer), which keeps the wheel trivial.
#pragma once

#include <QtGlobal>

#include <vector>

namespace Muster {

class TimerWheel
{
public:
    // Times are milliseconds on any monotonic clock; `startMs` is now.
    TimerWheel(qint64 startMs, qint64 tickMs, int slots);

    // The tick an entry due at `dueMs` fires at: the first tick not before it, or the farthest
    // the wheel reaches (the owner then schedules it again).
    qint64 tickFor(qint64 dueMs) const;
    void add(quint64 key, qint64 tick);

    // Hands fire(key, tick) every entry whose tick has come by `nowMs`, in tick order. fire may
    // add entries (for later ticks).
    template <typename Fire>
    void expire(qint64 nowMs, Fire &&fire)
    {
        const qint64 nowTick = nowMs / m_tickMs;
        while (m_current < nowTick && m_count > 0) {
            ++m_current;
            std::vector<quint64> &slot = m_slots[size_t(m_current % qint64(m_slots.size()))];
            if (slot.empty())
                continue;
            std::vector<quint64> due;
            due.swap(slot);
            m_count -= due.size();
            for (const quint64 key : due)
                fire(key, m_current);
        }
        if (m_count == 0)
            m_current = std::max(m_current, nowTick);
    }

    // Milliseconds from `nowMs` to the next occupied tick; -1 when nothing waits.
    int msUntilNext(qint64 nowMs) const;
    size_t size() const { return m_count; }

private:
    std::vector<std::vector<quint64>> m_slots;
    qint64 m_tickMs;
    qint64 m_current; // the last tick expired
    size_t m_count = 0;
};

} // namespace Muster
