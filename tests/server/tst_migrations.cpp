// Forward-only migrations: applied once in one transaction, recorded with checksums, never
// re-applied, changed ones refused, a newer database refused, and data kept across upgrades.
#include "db/migrator.h"
#include "db/pgsyncconnection.h"
#include "testcluster.h"

#include <QCryptographicHash>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

namespace {

Migrator::Migration extra(int version, const QByteArray &sql)
{
    Migrator::Migration m;
    m.version = version;
    m.name = QStringLiteral("%1_test.sql").arg(version, 4, 10, QLatin1Char('0'));
    m.sql = sql;
    m.checksum = QCryptographicHash::hash(sql, QCryptographicHash::Sha256).toHex();
    return m;
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(
            TestCluster::instance().isReady(), qPrintable(TestCluster::instance().errorMessage()));
    }

    void appliesOnceAndRecordsChecksums()
    {
        PgSyncConnection db(TestCluster::instance().createDatabase(false));
        QVERIFY(db.isOpen());
        Migrator first(db);
        QVERIFY2(first.migrate(), qPrintable(first.errorMessage()));
        QCOMPARE(first.applied().size(), Migrator::builtIn().size());
        QVERIFY(first.applied().contains(QStringLiteral("0001_foundation.sql")));

        Migrator again(db);
        QVERIFY(again.migrate());
        QVERIFY(again.applied().isEmpty());

        const PgResult r
            = db.exec("SELECT version, checksum FROM schema_migrations ORDER BY version");
        QCOMPARE(r.rows(), Migrator::builtIn().size());
        QCOMPARE(r.bytes(0, 1), Migrator::builtIn().first().checksum);
        for (const char *table :
            {"organisations", "users", "sessions", "teams", "states", "activities"})
            QVERIFY2(db.exec("SELECT 1 FROM " + QByteArray(table) + " LIMIT 1").ok(), table);
    }

    void keysAreUuidV7()
    {
        PgSyncConnection db(TestCluster::instance().createDatabase());
        const PgResult r = db.exec("SELECT muster_uuid_v7()::text, muster_uuid_v7()::text");
        QVERIFY(r.ok());
        QCOMPARE(r.text(0, 0).at(14), QLatin1Char('7'));
        QVERIFY(r.text(0, 0) < r.text(0, 1) || r.text(0, 0).left(13) == r.text(0, 1).left(13));
    }

    void upgradeKeepsData()
    {
        PgSyncConnection db(TestCluster::instance().createDatabase());
        QVERIFY(db.exec("INSERT INTO organisations (name) VALUES ('Keep me')").ok());
        QList<Migrator::Migration> next = Migrator::builtIn();
        next.append(extra(
            9001, "ALTER TABLE organisations ADD COLUMN motto text NOT NULL DEFAULT 'hello';"));
        Migrator upgrade(db);
        QVERIFY2(upgrade.migrate(next), qPrintable(upgrade.errorMessage()));
        const PgResult r = db.exec("SELECT name, motto FROM organisations");
        QCOMPARE(r.rows(), 1);
        QCOMPARE(r.text(0, 0), QStringLiteral("Keep me"));
        QCOMPARE(r.text(0, 1), QStringLiteral("hello"));
    }

    void failedMigrationChangesNothing()
    {
        PgSyncConnection db(TestCluster::instance().createDatabase());
        QList<Migrator::Migration> next = Migrator::builtIn();
        next.append(extra(9001, "CREATE TABLE half_done (id int);"));
        next.append(extra(9002, "SELECT * FROM no_such_table;"));
        Migrator upgrade(db);
        QVERIFY(!upgrade.migrate(next));
        QVERIFY(upgrade.errorMessage().contains(QStringLiteral("9002_test.sql")));
        QVERIFY(!db.exec("SELECT 1 FROM half_done").ok());
        QCOMPARE(
            db.exec("SELECT count(*) FROM schema_migrations WHERE version > 9000").toInt(0, 0), 0);
    }

    void changedMigrationIsRefused()
    {
        PgSyncConnection db(TestCluster::instance().createDatabase());
        QList<Migrator::Migration> changed = Migrator::builtIn();
        changed.first().sql += "\n-- edited";
        changed.first().checksum
            = QCryptographicHash::hash(changed.first().sql, QCryptographicHash::Sha256).toHex();
        Migrator m(db);
        QVERIFY(!m.migrate(changed));
        QVERIFY(m.errorMessage().contains(QStringLiteral("was changed after it was applied")));
    }

    void newerDatabaseIsRefused()
    {
        PgSyncConnection db(TestCluster::instance().createDatabase());
        QVERIFY(db.exec("INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, "
                        "'future.sql', 'x')")
                    .ok());
        Migrator m(db);
        QVERIFY(!m.migrate());
        QVERIFY(m.errorMessage().contains(QStringLiteral("newer than this muster-server")));
    }

    void deletingAnOrganisationDeletesEverythingOfIt()
    {
        PgSyncConnection db(TestCluster::instance().createDatabase());
        QVERIFY(
            db.exec(
                  "WITH o AS (INSERT INTO organisations (name) VALUES ('Gone') RETURNING id),"
                  " s AS (INSERT INTO states (organisation_id, label, color, is_default)"
                  "       SELECT id, 'Here', '#000000', true FROM o RETURNING id, organisation_id)"
                  " INSERT INTO users (organisation_id, login, display_name, password_hash, role, "
                  "state_id)"
                  " SELECT organisation_id, 'gone', 'Gone', 'x', 'staff', id FROM s")
                .ok());
        QVERIFY(db.exec("DELETE FROM organisations WHERE name = 'Gone'").ok());
        QCOMPARE(db.exec("SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM states)")
                     .toInt(0, 0),
            0);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
