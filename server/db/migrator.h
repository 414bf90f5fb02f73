// Applies the numbered, forward-only SQL migrations built into the binary, in one transaction,
// and refuses to run when an applied migration was changed or the database is newer than us.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Muster {

class PgSyncConnection;

class Migrator
{
public:
    struct Migration
    {
        int version = 0;
        QString name; // file name, e.g. "0001_foundation.sql"
        QByteArray sql;
        QByteArray checksum; // hex SHA-256 of sql
    };

    // The migrations built into this binary, in order.
    static QList<Migration> builtIn();

    explicit Migrator(PgSyncConnection &connection)
        : m_connection(connection)
    { }

    // Brings the schema up to date. Returns false with errorMessage() set on any problem;
    // then nothing was changed.
    bool migrate(const QList<Migration> &migrations = builtIn());
    QString errorMessage() const { return m_error; }
    QStringList applied() const { return m_applied; }

private:
    bool failAndRollback(const QString &message);

    PgSyncConnection &m_connection;
    QString m_error;
    QStringList m_applied;
};

} // namespace Muster
