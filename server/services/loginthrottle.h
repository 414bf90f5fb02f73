// Counts failed sign-ins per account and per address in a sliding window and says when to refuse,
// before any password is hashed, so guessing costs the attacker time and the server nothing.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <chrono>

namespace Muster {

class LoginThrottle
{
public:
    struct Limits
    {
        int perAccount = 5; // failures allowed per account in the window
        int perAddress = 30; // failures allowed per address in the window
        std::chrono::seconds window {15 * 60};
    };

    LoginThrottle() = default;
    explicit LoginThrottle(Limits limits)
        : m_limits(limits)
    { }

    // Seconds until another attempt is allowed; 0 when it is allowed now.
    int retryAfter(const QString &account, const QString &address, const QDateTime &now) const;
    void recordFailure(const QString &account, const QString &address, const QDateTime &now);
    void recordSuccess(const QString &account);
    void setLimits(Limits limits) { m_limits = limits; }
    // Accounts and addresses currently remembered (bounded by the sweep).
    qsizetype trackedKeys() const { return m_byAccount.size() + m_byAddress.size(); }

private:
    int retryAfterFor(const QHash<QString, QList<QDateTime>> &failures, const QString &key,
        int allowed, const QDateTime &now) const;
    void prune(QList<QDateTime> &list, const QDateTime &now) const;
    // Forgets keys with no failure left in the window, so a spray of logins cannot grow memory.
    void sweep(QHash<QString, QList<QDateTime>> &failures, const QDateTime &now) const;

    Limits m_limits;
    QHash<QString, QList<QDateTime>> m_byAccount;
    QHash<QString, QList<QDateTime>> m_byAddress;
};

} // namespace Muster
