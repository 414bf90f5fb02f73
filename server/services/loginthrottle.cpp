// See loginthrottle.h.
#include "loginthrottle.h"

#include <algorithm>

namespace Muster {

void LoginThrottle::prune(QList<QDateTime> &list, const QDateTime &now) const
{
    const QDateTime cutoff = now.addSecs(-m_limits.window.count());
    list.erase(
        std::remove_if(list.begin(), list.end(), [&](const QDateTime &t) { return t <= cutoff; }),
        list.end());
}

int LoginThrottle::retryAfterFor(const QHash<QString, QList<QDateTime>> &failures,
    const QString &key, int allowed, const QDateTime &now) const
{
    const auto it = failures.constFind(key);
    if (it == failures.cend())
        return 0;
    QList<QDateTime> recent = *it;
    prune(recent, now);
    if (recent.size() < allowed)
        return 0;
    // Allowed again once the oldest failure that keeps us at the limit leaves the window.
    const QDateTime freeAt = recent.at(recent.size() - allowed).addSecs(m_limits.window.count());
    return int(std::max<qint64>(1, now.secsTo(freeAt)));
}

int LoginThrottle::retryAfter(
    const QString &account, const QString &address, const QDateTime &now) const
{
    return std::max(retryAfterFor(m_byAccount, account, m_limits.perAccount, now),
        retryAfterFor(m_byAddress, address, m_limits.perAddress, now));
}

void LoginThrottle::sweep(QHash<QString, QList<QDateTime>> &failures, const QDateTime &now) const
{
    for (auto it = failures.begin(); it != failures.end();) {
        prune(*it, now);
        it = it->isEmpty() ? failures.erase(it) : std::next(it);
    }
}

void LoginThrottle::recordFailure(
    const QString &account, const QString &address, const QDateTime &now)
{
    constexpr qsizetype kSweepAbove = 10000;
    if (m_byAccount.size() > kSweepAbove)
        sweep(m_byAccount, now);
    if (m_byAddress.size() > kSweepAbove)
        sweep(m_byAddress, now);
    QList<QDateTime> &a = m_byAccount[account];
    prune(a, now);
    a.append(now);
    QList<QDateTime> &b = m_byAddress[address];
    prune(b, now);
    b.append(now);
}

void LoginThrottle::recordSuccess(const QString &account)
{
    m_byAccount.remove(account);
}

} // namespace Muster
