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
        if (!file.open(QIODevice::ReadOnly))
            continue;
        Migration m;
        m.version = match.captured(1).toInt();
        m.name = name;
        m.sql = file.readAll();
        m.checksum = QCryptographicHash::hash(m.sql, QCryptographicHash::Sha256).toHex();
        list.append(m);
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

bool Migrator::migrate(const QList<Migration> &migrations)
{
    m_error.clear();
    m_applied.clear();
    PgResult r = m_connection.exec("BEGIN");
    if (!r.ok())
        return failAndRollback(r.errorMessage());
    r = m_connection.exec("SELECT pg_advisory_xact_lock($1)", PgParams() << kMigrationLockKey);
    if (!r.ok())
        return failAndRollback(r.errorMessage());
    r = m_connection.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
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
            if (applied->second != m.checksum) {
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
    r = m_connection.exec("COMMIT");
    if (!r.ok())
        return failAndRollback(r.errorMessage());
    return true;
}

} // namespace Muster
