// SQL for accounts and sessions, as the sign-in service needs it. Asynchronous throughout.
#pragma once

#include "net/caller.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace Muster {

class Database;

class SessionStore
{
public:
    struct Account
    {
        Caller caller; // sessionId not yet set
        QByteArray passwordHash;
    };
    // error is empty on success; an absent value with no error means "no such row".
    template <typename T>
    using Handler = std::function<void(const std::optional<T> &value, const QString &error)>;

    explicit SessionStore(Database &db)
        : m_db(db)
    { }

    void findAccount(const QString &login, QObject *context, Handler<Account> handler);
    // Stores a new session for the account and returns its id.
    void createSession(const Caller &caller, const QByteArray &tokenHash, const QString &address,
        const QDateTime &expiresAt, QObject *context, Handler<QUuid> handler);
    // The caller behind a live (unexpired, unrevoked) token, refreshing its last use.
    void resumeSession(const QByteArray &tokenHash, QObject *context, Handler<Caller> handler);
    // The caller behind a session id if the session is still live, without touching it.
    void liveSession(const QUuid &sessionId, QObject *context, Handler<Caller> handler);
    void revokeSession(
        const QUuid &sessionId, QObject *context, std::function<void(bool ok)> handler);

private:
    Database &m_db;
};

} // namespace Muster
