// See memorybudget.h.
#include "memorybudget.h"

#include <algorithm>

namespace Muster {

bool MemoryBudget::update(qint64 before, qint64 now)
{
    const qint64 used = m_used.fetch_add(now - before, std::memory_order_relaxed) + now - before;
    if (used <= m_limit || now <= before)
        return true;
    const qint64 share = m_limit / std::max(1, m_connections.load(std::memory_order_relaxed));
    if (now <= share)
        return true;
    // Refused growth is never counted, not even for the moment until the caller closes the
    // connection: whoever reads used() meanwhile sees what is really allowed to stay.
    m_used.fetch_sub(now - before, std::memory_order_relaxed);
    return false;
}

} // namespace Muster
