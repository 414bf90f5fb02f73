// The dedicated session connection every cross-process message travels on: it LISTENs for the
// other servers' notifications and sends this server's NOTIFYs. It is outside the pool on
// purpose: LISTEN belongs to one session, and a pooler handing statements to whichever backend
// is free (PgBouncer in transaction mode) would lose it. When the connection is lost it comes
// back by itself with backoff, LISTENs again, and says so (listening(afterLoss = true)), so its
// owner can tell clients that something may have been missed in between.
#pragma once

#include "notifystore.h"
#include "pgconnection.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

namespace Muster {

class ListenConnection : public QObject
{
    Q_OBJECT
public:
    // applicationName shows the connection in pg_stat_activity (which server's listener it is).
    ListenConnection(
        const QByteArray &conninfo, const QString &applicationName, QObject *parent = nullptr);

    // Channels are names from code, never from users. Add them before open().
    void listen(const QString &channel);
    void open();
    bool isListening() const { return m_listening; }

    using Done = std::function<void(bool ok)>;
    // pg_notify(channel, payload): one NOTIFY, delivered to every listener after it commits.
    void notify(const QString &channel, const QByteArray &payload, Done done);
    // For bodies too large for a NOTIFY (8000 bytes): stores the body in the outbox and notifies
    // `prefix` followed by "#" and the row's id.
    void notifyThroughOutbox(
        const QString &channel, const QByteArray &prefix, const QByteArray &body, Done done);
    // An outbox body by id; nullopt when it is gone (swept) or the connection failed.
    void readOutbox(qint64 id, std::function<void(const std::optional<QByteArray> &body)> handler);
    // Outbox rows older than this are deleted: every listener has read them long before.
    void sweepOutbox(std::chrono::seconds olderThan);

    static constexpr qsizetype kMaxPayloadBytes = NotifyStore::kMaxPayloadBytes;

Q_SIGNALS:
    void notificationReceived(const QString &channel, const QByteArray &payload);
    // LISTENing on every channel; afterLoss when the connection had been lost before.
    void listening(bool afterLoss);
    void lost();

private:
    void onReady();
    void onLost();

    PgConnection m_connection;
    QString m_applicationName;
    QTimer m_retryTimer;
    std::chrono::milliseconds m_retryDelay {250};
    bool m_listening = false;
    bool m_wasLost = false;
};

} // namespace Muster
