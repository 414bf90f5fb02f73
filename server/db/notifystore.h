// The SQL of NOTIFY, for the listening connection (ListenConnection) and for one-shot publishers
// that block (the admin command line): a payload small enough goes in the notification, a larger
// body into the outbox, whose row id the notification then carries.
#pragma once

#include <QByteArray>
#include <QString>

namespace Muster {

class PgSyncConnection;

class NotifyStore
{
public:
    // pg_notify($1 channel, $2 payload).
    static const QByteArray kNotifySql;
    // Stores $2 (the body) in the outbox and notifies $3 (the prefix) + "#" + its id on $1.
    static const QByteArray kNotifyThroughOutboxSql;
    static const QByteArray kReadOutboxSql; // $1: the id
    static const QByteArray kSweepOutboxSql; // $1: seconds

    // The largest payload a NOTIFY takes, in bytes of the database's encoding (UTF-8).
    static constexpr qsizetype kMaxPayloadBytes = 7999;

    explicit NotifyStore(PgSyncConnection &db)
        : m_db(db)
    { }

    // Sends `prefix` + `separator` + `body`, through the outbox when too large; blocks.
    bool publish(const QString &channel, const QByteArray &prefix, const QByteArray &body);
    QString errorMessage() const { return m_error; }

private:
    PgSyncConnection &m_db;
    QString m_error;
};

} // namespace Muster
