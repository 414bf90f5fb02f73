// Items handed from one thread to another in batches: the sender appends under a lock and learns
// whether the box was empty — only then does the receiver need waking, since a receiver already
// woken takes everything that is there when it gets to it. The receiver takes all at once.
#pragma once

#include <mutex>
#include <vector>

namespace Muster {

template <typename T>
class Mailbox
{
public:
    // True when the box was empty: wake the receiver.
    bool put(T &&item)
    {
        const std::lock_guard guard(m_lock);
        const bool wasEmpty = m_items.empty();
        m_items.push_back(std::move(item));
        return wasEmpty;
    }
    // Moves every item out of `items`, which is left empty; true when the box was empty.
    bool putAll(std::vector<T> &items)
    {
        bool wasEmpty = false;
        {
            const std::lock_guard guard(m_lock);
            wasEmpty = m_items.empty();
            if (wasEmpty) {
                m_items.swap(items);
            } else {
                for (T &item : items)
                    m_items.push_back(std::move(item));
            }
        }
        items.clear();
        return wasEmpty;
    }
    std::vector<T> takeAll()
    {
        std::vector<T> items;
        const std::lock_guard guard(m_lock);
        items.swap(m_items);
        return items;
    }

private:
    std::mutex m_lock;
    std::vector<T> m_items;
};

} // namespace Muster
