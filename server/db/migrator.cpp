// See migrator.h. An advisory lock serialises servers that start together on one database.
#include "migrator.h"

#include "pgsyncconnection.h"
#include "util/logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>

namespace Muster {

namespace {

constexpr qint64 kMigrationLockKey = 0x4d757374; // "Must"

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

} // namespace

Migrator::Migration Migrator::Migration::fromText(
    int version, const QString &name, const QByteArray &sql)
{
    static const QRegularExpression formerly(
        QStringLiteral("^-- formerly ([0-9a-f]{64})$"), QRegularExpression::MultilineOption);
    Migration m;
    m.version = version;
    m.name = name;
    m.sql = sql;
    m.checksum = sha256Hex(sql);
    for (auto it = formerly.globalMatch(QString::fromUtf8(sql)); it.hasNext();)
        m.formerChecksums.append(it.next().captured(1).toLatin1());
    return m;
}

Migrator::Definition Migrator::Definition::fromText(const QString &name, const QByteArray &sql)
{
    return Definition {name, sql, sha256Hex(sql)};
}

QList<Migrator::Migration> Migrator::builtIn()
{
    QList<Migration> list;
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_[a-z0-9_]+\\.sql$"));
    const QDir dir(QStringLiteral(":/migrations"));
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (!match.hasMatch()) {
            qCWarning(lcMigrate) << "ignoring resource with an unexpected name:" << name;
            continue;
        }
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            list.append(Migration::fromText(match.captured(1).toInt(), name, file.readAll()));
    }
    return list;
}

QList<Migrator::Definition> Migrator::builtInDefinitions()
{
    QList<Definition> list;
    static const QRegularExpression pattern(QStringLiteral("^\\d{2}_[a-z0-9_]+\\.sql$"));
    const QDir dir(QStringLiteral(":/sql"));
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        if (!pattern.match(name).hasMatch()) {
            qCWarning(lcMigrate) << "ignoring resource with an unexpected name:" << name;
            continue;
        }
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            list.append(Definition::fromText(name, file.readAll()));
    }
    return list;
}

bool Migrator::failAndRollback(const QString &message)
{
    m_connection.exec("ROLLBACK");
    m_error = message;
    m_applied.clear();
    return false;
}

bool Migrator::migrate(const QList<Migration> &migrations, const QList<Definition> &definitions)
{
    m_error.clear();
    m_applied.clear();
    m_appliedDefinitions.clear();
    PgResult r = m_connection.exec("BEGIN");
    if (!r.ok())
        return failAndRollback(r.errorMessage());
    r = m_connection.exec("SELECT pg_advisory_xact_lock($1)", PgParams() << kMigrationLockKey);
    if (!r.ok())
        return failAndRollback(r.errorMessage());
    if (!applyMigrations(migrations) || !applyDefinitions(definitions))
        return false;
    r = m_connection.exec("COMMIT");
    if (!r.ok())
        return failAndRollback(r.errorMessage());
    return true;
}

bool Migrator::applyMigrations(const QList<Migration> &migrations)
{
    PgResult r = m_connection.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                   " version integer PRIMARY KEY,"
                                   " name text NOT NULL,"
                                   " checksum text NOT NULL,"
                                   " applied_at timestamptz NOT NULL DEFAULT now())");
    if (!r.ok())
        return failAndRollback(r.errorMessage());

    r = m_connection.exec("SELECT version, name, checksum FROM schema_migrations ORDER BY version");
    if (!r.ok())
        return failAndRollback(r.errorMessage());
    QHash<int, QPair<QString, QByteArray>> done;
    for (int row = 0; row < r.rows(); ++row)
        done.insert(int(r.toInt(row, 0)), {r.text(row, 1), r.bytes(row, 2)});

    int newest = 0;
    for (const Migration &m : migrations)
        newest = std::max(newest, m.version);
    for (auto it = done.cbegin(); it != done.cend(); ++it) {
        if (it.key() > newest) {
            return failAndRollback(
                QStringLiteral("the database has migration %1 (%2), newer than this "
                               "muster-server knows; upgrade muster-server")
                    .arg(it.key())
                    .arg(it.value().first));
        }
    }

    for (const Migration &m : migrations) {
        const auto applied = done.constFind(m.version);
        if (applied != done.cend()) {
            // The database keeps the checksum of the text it applied: a reshaped migration is
            // recognised by its former checksums, and nothing is rewritten.
            if (applied->second != m.checksum && !m.formerChecksums.contains(applied->second)) {
                return failAndRollback(
                    QStringLiteral("migration %1 was changed after it was applied (checksum "
                                   "%2 in the database, %3 in this binary); migrations are "
                                   "forward-only: restore the original and add a new one")
                        .arg(m.name, QString::fromLatin1(applied->second),
                            QString::fromLatin1(m.checksum)));
            }
            continue;
        }
        qCInfo(lcMigrate) << "applying" << m.name;
        r = m_connection.execScript(m.sql);
        if (!r.ok())
            return failAndRollback(
                QStringLiteral("migration %1 failed: %2").arg(m.name, r.errorMessage()));
        r = m_connection.exec(
            "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
            PgParams() << m.version << m.name << QString::fromLatin1(m.checksum));
        if (!r.ok())
            return failAndRollback(r.errorMessage());
        m_applied.append(m.name);
    }
    return true;
}

bool Migrator::applyDefinitions(const QList<Definition> &definitions)
{
    if (definitions.isEmpty())
        return true;
    PgResult r = m_connection.exec("CREATE TABLE IF NOT EXISTS schema_definitions ("
                                   " name text PRIMARY KEY,"
                                   " checksum text NOT NULL,"
                                   " applied_at timestamptz NOT NULL DEFAULT now())");
    if (!r.ok())
        return failAndRollback(r.errorMessage());
    r = m_connection.exec("SELECT name, checksum FROM schema_definitions");
    if (!r.ok())
        return failAndRollback(r.errorMessage());
    QHash<QString, QByteArray> done;
    for (int row = 0; row < r.rows(); ++row)
        done.insert(r.text(row, 0), r.bytes(row, 1));

    // Files depend on the ones before them (a function calls another; a retired name is
    // dropped first, then maybe defined again with other arguments), and a migration may drop
    // what a signature names (a table's row type goes with its table). So when anything
    // changed, every file applies again, in order; it takes milliseconds.
    bool changed = !m_applied.isEmpty() || done.size() != definitions.size();
    QStringList names;
    for (const Definition &d : definitions) {
        names << d.name;
        changed = changed || done.value(d.name) != d.checksum;
    }
    if (!changed)
        return true;
    for (const Definition &d : definitions) {
        qCInfo(lcMigrate) << "defining" << d.name;
        r = m_connection.execScript(d.sql);
        if (!r.ok())
            return failAndRollback(
                QStringLiteral("definitions %1 failed: %2").arg(d.name, r.errorMessage()));
        r = m_connection.exec("INSERT INTO schema_definitions (name, checksum) VALUES ($1, $2)"
                              " ON CONFLICT (name) DO UPDATE"
                              " SET checksum = EXCLUDED.checksum, applied_at = now()",
            PgParams() << d.name << QString::fromLatin1(d.checksum));
        if (!r.ok())
            return failAndRollback(r.errorMessage());
        m_appliedDefinitions.append(d.name);
    }
    // A file this binary no longer has leaves no record behind; what it defined is dropped by
    // the definitions that retire it.
    for (auto it = done.cbegin(); it != done.cend(); ++it) {
        if (names.contains(it.key()))
            continue;
        r = m_connection.exec(
            "DELETE FROM schema_definitions WHERE name = $1", PgParams() << it.key());
        if (!r.ok())
            return failAndRollback(r.errorMessage());
    }
    return true;
}

} // namespace Muster
