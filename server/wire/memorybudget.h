// The bytes connections hold in buffers they cannot hand on yet — an unfinished incoming
// message, output a slow reader has not taken — counted across every socket thread against one
// server-wide budget. A crowd of peers each holding just under the message limit would otherwise
// grow the server without bound; past the budget, the peers holding more than their share are
// closed instead.
#pragma once

#include <QtGlobal>

#include <atomic>

namespace Muster {

class MemoryBudget
{
public:
    explicit MemoryBudget(qint64 limitBytes)
        : m_limit(limitBytes)
    { }
    MemoryBudget(const MemoryBudget &) = delete;
    MemoryBudget &operator=(const MemoryBudget &) = delete;

    void addConnection() { m_connections.fetch_add(1, std::memory_order_relaxed); }
    void removeConnection() { m_connections.fetch_sub(1, std::memory_order_relaxed); }

    // A connection that held `before` bytes now holds `now`. False when the server is over its
    // budget and this connection holds more than an equal share of it: the growth is not
    // counted, and the caller must close the connection and release `before`. Thread-safe.
    bool update(qint64 before, qint64 now);

    qint64 used() const { return m_used.load(std::memory_order_relaxed); }
    qint64 limit() const { return m_limit; }

private:
    const qint64 m_limit;
    std::atomic<qint64> m_used {0};
    std::atomic<int> m_connections {0};
};

} // namespace Muster
