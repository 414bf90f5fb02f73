// Brings a database to this binary's schema, in one transaction: the numbered, forward-only,
// checksummed migrations (tables, indexes, triggers), then the SQL function definitions of
// resources/sql/, all applied again whenever one file's content hash (or the schema) changed,
// so a fix to a function is a one-line diff. Refuses to
// run when an applied migration was changed or the database is newer than this binary.
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
        // Checksums of earlier texts of this migration that databases may have applied: a
        // migration whose functions moved to resources/sql/ was reshaped without changing what
        // it leaves behind. Read from "-- formerly <sha-256>" lines of the text itself.
        QList<QByteArray> formerChecksums;

        static Migration fromText(int version, const QString &name, const QByteArray &sql);
    };

    // One file of resources/sql/: CREATE OR REPLACE statements, safe to run again.
    struct Definition
    {
        QString name; // file name, e.g. "07_entries.sql"
        QByteArray sql;
        QByteArray checksum;

        static Definition fromText(const QString &name, const QByteArray &sql);
    };

    // What this binary carries, in the order they apply.
    static QList<Migration> builtIn();
    static QList<Definition> builtInDefinitions();

    explicit Migrator(PgSyncConnection &connection)
        : m_connection(connection)
    { }

    // Brings the schema up to date. Returns false with errorMessage() set on any problem;
    // then nothing was changed. An empty definitions list leaves functions as they are (what a
    // binary older than resources/sql/ did).
    bool migrate(const QList<Migration> &migrations = builtIn(),
        const QList<Definition> &definitions = builtInDefinitions());
    QString errorMessage() const { return m_error; }
    QStringList applied() const { return m_applied; }
    QStringList appliedDefinitions() const { return m_appliedDefinitions; }

private:
    bool applyMigrations(const QList<Migration> &migrations);
    bool applyDefinitions(const QList<Definition> &definitions);
    bool failAndRollback(const QString &message);

    PgSyncConnection &m_connection;
    QString m_error;
    QStringList m_applied;
    QStringList m_appliedDefinitions;
};

} // namespace Muster
