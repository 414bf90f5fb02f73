// Forward-only migrations: applied once in one transaction, recorded with checksums, never
// re-applied, changed ones refused, a newer database refused, and data kept across upgrades.
// Function definitions: applied by content hash inside the same transaction, and a database
// upgraded from any earlier release ends up defined exactly like a fresh one.
#include "db/migrator.h"
#include "db/pgsyncconnection.h"
#include "db/timeclockstore.h"
#include "testcluster.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
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

// The first `count` migrations as earlier muster-servers shipped them: 0005 and 0006 still held
// their functions (tests/server/released-migrations/), and there were no definitions.
QList<Migrator::Migration> released(qsizetype count)
{
    QList<Migrator::Migration> list = Migrator::builtIn().mid(0, count);
    for (Migrator::Migration &m : list) {
        QFile file(QStringLiteral(":/released/") + m.name);
        if (file.open(QIODevice::ReadOnly))
            m = Migrator::Migration::fromText(m.version, m.name, file.readAll());
    }
    return list;
}

// Everything a schema is made of, one line per object, to compare two databases by.
QStringList schemaFingerprint(PgSyncConnection &db)
{
    static const QByteArray queries[] = {
        // Our functions, not the extension's.
        "SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') '"
        "       || md5(pg_get_functiondef(p.oid))"
        "  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
        " WHERE n.nspname = 'public' AND p.prokind = 'f'"
        "   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')",
        "SELECT tgrelid::regclass || ' ' || pg_get_triggerdef(oid) FROM pg_trigger"
        " WHERE NOT tgisinternal",
        "SELECT table_name || '.' || column_name || ' ' || data_type || ' '"
        "       || coalesce(column_default, '') || ' ' || is_nullable"
        "  FROM information_schema.columns WHERE table_schema = 'public'",
        "SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
        "  FROM pg_constraint WHERE connamespace = 'public'::regnamespace",
        "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'",
    };
    QStringList lines;
    for (const QByteArray &sql : queries) {
        const PgResult r = db.exec(sql);
        if (!r.ok())
            return {QStringLiteral("error: ") + r.errorMessage()};
        for (int row = 0; row < r.rows(); ++row)
            lines << r.text(row, 0);
    }
    lines.sort();
    return lines;
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
        QVERIFY(again.appliedDefinitions().isEmpty());

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
        // A migration may have dropped what a function's signature names: all apply again.
        QCOMPARE(upgrade.appliedDefinitions().size(), Migrator::builtInDefinitions().size());
    }

    void definitionsApplyByContentHash()
    {
        PgSyncConnection db(TestCluster::instance().createDatabase());
        QList<Migrator::Definition> definitions = Migrator::builtInDefinitions();
        QVERIFY(!definitions.isEmpty());
        const auto probe = [&db] { return db.exec("SELECT muster_test_probe()").toInt(0, 0); };
        const auto define = [&definitions](const QByteArray &answer) {
            Migrator::Definition &d = definitions.first();
            d = Migrator::Definition::fromText(d.name,
                Migrator::builtInDefinitions().first().sql
                    + "\nCREATE OR REPLACE FUNCTION muster_test_probe() RETURNS int"
                      " LANGUAGE sql AS $$ SELECT "
                    + answer + " $$;\n");
        };

        define("1");
        Migrator first(db);
        QVERIFY2(first.migrate(Migrator::builtIn(), definitions), qPrintable(first.errorMessage()));
        QCOMPARE(first.appliedDefinitions().size(), definitions.size());
        QCOMPARE(probe(), 1);

        Migrator unchanged(db);
        QVERIFY(unchanged.migrate(Migrator::builtIn(), definitions));
        QVERIFY(unchanged.appliedDefinitions().isEmpty());

        // A fix is a changed file; all of them apply again, in order, since a file may drop or
        // use what the others define.
        define("2");
        Migrator fix(db);
        QVERIFY(fix.migrate(Migrator::builtIn(), definitions));
        QCOMPARE(fix.appliedDefinitions().size(), definitions.size());
        QCOMPARE(fix.appliedDefinitions().first(), definitions.first().name);
        QCOMPARE(probe(), 2);

        // A definition that fails takes the migrations of its run down with it.
        define("no such thing");
        QList<Migrator::Migration> next = Migrator::builtIn();
        next.append(extra(9001, "CREATE TABLE half_done (id int);"));
        Migrator broken(db);
        QVERIFY(!broken.migrate(next, definitions));
        QVERIFY2(broken.errorMessage().contains(definitions.first().name),
            qPrintable(broken.errorMessage()));
        QVERIFY(!db.exec("SELECT 1 FROM half_done").ok());
        QCOMPARE(probe(), 2);

        // A file this binary no longer has leaves no record behind.
        Migrator fewer(db);
        QVERIFY(fewer.migrate(Migrator::builtIn(), Migrator::builtInDefinitions().mid(1)));
        QCOMPARE(db.exec("SELECT count(*) FROM schema_definitions WHERE name = $1",
                       PgParams() << definitions.first().name)
                     .toInt(0, 0),
            0);
    }

    // Every database in use was made by released migrations, some of which have since been
    // reshaped (their functions moved to resources/sql/): upgraded, it is defined exactly like
    // a database made today, trigger for trigger and function for function.
    void upgradedDatabaseIsDefinedLikeAFreshOne()
    {
        PgSyncConnection fresh(TestCluster::instance().createDatabase(false));
        Migrator today(fresh);
        QVERIFY2(today.migrate(), qPrintable(today.errorMessage()));

        PgSyncConnection db(TestCluster::instance().createDatabase(false));
        Migrator old(db);
        QVERIFY2(
            old.migrate(released(Migrator::builtIn().size()), {}), qPrintable(old.errorMessage()));
        QVERIFY(!db.exec("SELECT 1 FROM schema_definitions").ok());
        Migrator upgrade(db);
        QVERIFY2(upgrade.migrate(), qPrintable(upgrade.errorMessage()));
        QVERIFY(upgrade.applied().isEmpty());
        QCOMPARE(upgrade.appliedDefinitions().size(), Migrator::builtInDefinitions().size());

        const QStringList expected = schemaFingerprint(fresh);
        QVERIFY(expected.size() > 100);
        QCOMPARE(schemaFingerprint(db), expected);
    }

    void reshapedMigrationWithAnUnknownTextIsRefused()
    {
        PgSyncConnection db(TestCluster::instance().createDatabase());
        QVERIFY(db.exec("UPDATE schema_migrations SET checksum = repeat('0', 64)"
                        " WHERE name = '0005_timeclock.sql'")
                    .ok());
        Migrator m(db);
        QVERIFY(!m.migrate());
        QVERIFY(m.errorMessage().contains(QStringLiteral("0005_timeclock.sql was changed")));
    }

    // A database populated at every earlier schema, upgraded to this binary's: every row of
    // every kind that schema had is still there with the same values.
    void everyEarlierSchemaUpgradesWithItsData_data()
    {
        QTest::addColumn<int>("level");
        for (int level = 1; level < Migrator::builtIn().size(); ++level)
            QTest::addRow("from %s", qPrintable(Migrator::builtIn().at(level - 1).name)) << level;
    }

    void everyEarlierSchemaUpgradesWithItsData()
    {
        QFETCH(int, level);
        PgSyncConnection db(TestCluster::instance().createDatabase(false));
        Migrator old(db);
        QVERIFY2(old.migrate(released(level), {}), qPrintable(old.errorMessage()));

        // What each schema added, seeded as that schema's users would have left it.
        QList<QByteArray> seed {
            "INSERT INTO organisations (name) VALUES ('Old Org')",
            "INSERT INTO teams (organisation_id, name) SELECT id, 'Stage' FROM organisations",
            "INSERT INTO states (organisation_id, label, color, is_default, sort_order)"
            " SELECT id, 'Here', '#00aa00', true, 0 FROM organisations",
            "INSERT INTO states (organisation_id, label, color, sort_order)"
            " SELECT id, 'Away', '#aaaaaa', 1 FROM organisations",
            "INSERT INTO users (organisation_id, login, display_name, password_hash, role,"
            "  home_team_id, state_id, last_seen_at)"
            " SELECT o.id, 'ada', 'Ada L', '$argon2id$x', 'manager', t.id, s.id, now()"
            " FROM organisations o, teams t, states s WHERE s.label = 'Away'",
            "INSERT INTO sessions (organisation_id, user_id, token_hash, expires_at)"
            " SELECT organisation_id, id, sha256('token'), now() + interval '1 day' FROM users",
            "INSERT INTO activities (organisation_id, actor_id, action, subject_type, subject_id)"
            " SELECT organisation_id, id, 'user.create', 'user', id FROM users",
        };
        QList<QByteArray> fingerprints {
            "SELECT id, name FROM organisations ORDER BY id",
            "SELECT id, name FROM teams ORDER BY id",
            "SELECT id, label, color, is_default, sort_order FROM states ORDER BY id",
            "SELECT id, login, display_name, password_hash, role, home_team_id, state_id,"
            " state_since, last_seen_at FROM users ORDER BY id",
            "SELECT id, user_id, token_hash, expires_at, revoked_at FROM sessions ORDER BY id",
            "SELECT id, action, subject_id FROM activities ORDER BY id",
        };
        if (level >= 2) {
            seed << "UPDATE users SET status_message = 'at lunch',"
                    " state_until = now() + interval '1 hour'";
            fingerprints << "SELECT id, status_message, state_until FROM users ORDER BY id";
        }
        if (level >= 3) {
            seed << "UPDATE users SET highlight_color = '#aa0000'";
            fingerprints << "SELECT id, highlight_color FROM users ORDER BY id";
        }
        if (level >= 4) {
            seed << "INSERT INTO avatars (organisation_id, sha256, content_type, data)"
                    " SELECT id, repeat('ab', 32), 'image/png', '\\x89504e47' FROM organisations"
                 << "UPDATE users SET avatar_sha256 = repeat('ab', 32)";
            fingerprints << "SELECT organisation_id, sha256, content_type, md5(data) FROM avatars"
                         << "SELECT id, avatar_sha256 FROM users ORDER BY id";
        }
        if (level >= 5) {
            seed << "UPDATE users SET badge = '42'"
                 << "INSERT INTO events (organisation_id, name, time_zone, starts_at, ends_at)"
                    " SELECT id, 'Con 2025', 'Europe/Berlin', now() - interval '2 days',"
                    " now() + interval '2 days' FROM organisations"
                 << "INSERT INTO time_entries (organisation_id, event_id, user_id, team_id,"
                    "  start_at, stop_at, source, notes)"
                    " SELECT u.organisation_id, e.id, u.id, u.home_team_id,"
                    "  now() - interval '5 hours', now() - interval '2 hours', 'manager', 'late'"
                    " FROM users u, events e"
                 << "INSERT INTO notifications (organisation_id, user_id, kind, title)"
                    " SELECT organisation_id, id, 'auto_stop', 'Your shift was stopped' FROM users";
            fingerprints << "SELECT id, badge FROM users ORDER BY id"
                         << "SELECT id, name, time_zone, starts_at, ends_at FROM events ORDER BY id"
                         << "SELECT id, user_id, team_id, start_at, stop_at, notes, source"
                            " FROM time_entries ORDER BY id"
                         << "SELECT event_id, user_id, worked_seconds, earned_seconds, entries"
                            " FROM time_totals ORDER BY user_id"
                         << "SELECT id, kind, title, requires_ack FROM notifications ORDER BY id";
        }
        if (level >= 6) {
            seed << "INSERT INTO auth_attempts (key, attempt_id, at)"
                    " VALUES ('login:account:ada', muster_uuid_v7(), now())";
            fingerprints << "SELECT key, attempt_id, at FROM auth_attempts ORDER BY attempt_id";
        }
        for (const QByteArray &sql : std::as_const(seed)) {
            const PgResult r = db.exec(sql);
            QVERIFY2(r.ok(), qPrintable(QString::fromUtf8(sql) + u' ' + r.errorMessage()));
        }
        const auto read = [&db](const QByteArray &sql) {
            const PgResult r = db.exec(sql);
            QStringList rows;
            for (int row = 0; row < r.rows(); ++row) {
                QStringList cells;
                for (int column = 0; column < r.columns(); ++column)
                    cells << (r.isNull(row, column) ? QStringLiteral("NULL") : r.text(row, column));
                rows << cells.join(u'|');
            }
            return r.ok() ? rows : QStringList {QStringLiteral("error: ") + r.errorMessage()};
        };
        QList<QStringList> before;
        for (const QByteArray &sql : std::as_const(fingerprints)) {
            before << read(sql);
            QVERIFY2(!before.last().isEmpty(), sql.constData());
        }

        Migrator upgrade(db);
        QVERIFY2(upgrade.migrate(), qPrintable(upgrade.errorMessage()));
        QCOMPARE(upgrade.applied().size(), Migrator::builtIn().size() - level);
        QCOMPARE(upgrade.appliedDefinitions().size(), Migrator::builtInDefinitions().size());
        // Every row is still there, unchanged; upgrades may add rows of their own (0005 gives
        // every organisation the time clock's "On shift" state).
        for (qsizetype i = 0; i < fingerprints.size(); ++i) {
            const QStringList after = read(fingerprints.at(i));
            for (const QString &row : before.at(i))
                QVERIFY2(after.contains(row),
                    qPrintable(QString::fromUtf8(fingerprints.at(i)) + u'\n' + row));
        }
    }

    // Releases before 0008 kept a clock action's first answer in its wire form; a kiosk that
    // sends the action again after the upgrade must get that same answer back.
    void clockActionsOfAnEarlierReleaseReplayTheSameAnswer()
    {
        PgSyncConnection db(TestCluster::instance().createDatabase(false));
        Migrator old(db);
        QVERIFY2(old.migrate(released(7), {}), qPrintable(old.errorMessage()));
        const QList<QByteArray> seed {
            "INSERT INTO organisations (id, name) VALUES"
            " ('0190a000-0000-7000-8000-000000000001', 'Old Org')",
            "INSERT INTO teams (id, organisation_id, name) VALUES"
            " ('0190a000-0000-7000-8000-000000000002', '0190a000-0000-7000-8000-000000000001',"
            "  'Stage')",
            "INSERT INTO users (id, organisation_id, login, display_name, password_hash, role,"
            "  badge, home_team_id) VALUES ('0190a000-0000-7000-8000-000000000003',"
            " '0190a000-0000-7000-8000-000000000001', 'ada', 'Ada L', '$argon2id$x', 'volunteer',"
            " '42', '0190a000-0000-7000-8000-000000000002')",
        };
        for (const QByteArray &sql : seed)
            QVERIFY2(db.exec(sql).ok(), sql.constData());
        const QJsonObject entry {
            {QStringLiteral("id"), QStringLiteral("0190a000-0000-7000-8000-000000000005")},
            {QStringLiteral("eventId"), QStringLiteral("0190a000-0000-7000-8000-000000000004")},
            {QStringLiteral("userId"), QStringLiteral("0190a000-0000-7000-8000-000000000003")},
            {QStringLiteral("userName"), QStringLiteral("Ada L")},
            {QStringLiteral("badge"), QStringLiteral("42")},
            {QStringLiteral("teamId"), QStringLiteral("0190a000-0000-7000-8000-000000000002")},
            {QStringLiteral("teamName"), QStringLiteral("Stage")},
            {QStringLiteral("start"), QStringLiteral("2026-12-01T08:00:00.123Z")},
            {QStringLiteral("stop"), QStringLiteral("2026-12-01T11:30:00.000Z")},
            {QStringLiteral("notes"), QString()},
            {QStringLiteral("source"), QStringLiteral("kiosk")},
            {QStringLiteral("kioskId"), QJsonValue()},
            {QStringLiteral("kioskName"), QJsonValue()},
            {QStringLiteral("offline"), true},
            {QStringLiteral("autoStopped"), false},
            {QStringLiteral("workedSeconds"), 12600},
            {QStringLiteral("earnedSeconds"), 16200},
        };
        const QJsonObject clockIn {{QStringLiteral("entry"), entry}};
        QJsonObject clockOut = clockIn;
        clockOut.insert(QStringLiteral("totals"),
            QJsonObject {
                {QStringLiteral("eventId"), entry.value(QStringLiteral("eventId"))},
                {QStringLiteral("userId"), entry.value(QStringLiteral("userId"))},
                {QStringLiteral("workedSeconds"), 12600},
                {QStringLiteral("earnedSeconds"), 16200},
                {QStringLiteral("entries"), 1},
                {QStringLiteral("ongoing"), QJsonValue()},
            });
        const auto text = [](const QJsonObject &o) {
            return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
        };
        QVERIFY(
            db.exec("INSERT INTO clock_actions (organisation_id, action_id, user_id, kind,"
                    " result) VALUES ($1, $2, $3, 'clockIn', $4), ($1, $5, $3, 'clockOut', $6)",
                  PgParams() << QUuid(u"0190a000-0000-7000-8000-000000000001")
                             << QUuid(u"0190a000-0000-7000-8000-00000000000a")
                             << QUuid(u"0190a000-0000-7000-8000-000000000003") << text(clockIn)
                             << QUuid(u"0190a000-0000-7000-8000-00000000000b") << text(clockOut))
                .ok());

        Migrator upgrade(db);
        QVERIFY2(upgrade.migrate(), qPrintable(upgrade.errorMessage()));

        for (const auto &[action, kind, recorded] :
            {std::tuple {"0190a000-0000-7000-8000-00000000000a", "clockIn", clockIn},
                std::tuple {"0190a000-0000-7000-8000-00000000000b", "clockOut", clockOut}}) {
            // The function the server calls, as a kiosk's retry reaches it.
            const PgResult r = db.exec(QByteArray("SELECT ")
                    + (kind == QByteArray("clockIn")
                            ? "muster_clock_in($1, $2, $3, $4, now(), 'kiosk', NULL, false, $2,"
                              " 'volunteer')"
                            : "muster_clock_out($1, $2, $3, now(), false, $2) WHERE $4::uuid"
                              " IS NOT NULL"),
                PgParams() << QUuid(u"0190a000-0000-7000-8000-000000000001")
                           << QUuid(u"0190a000-0000-7000-8000-000000000003") << QUuid(action)
                           << QUuid(u"0190a000-0000-7000-8000-000000000002"));
            QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
            const QJsonObject answer = QJsonDocument::fromJson(r.bytes(0, 0)).object();
            const QJsonObject &first = recorded;
            QVERIFY(answer.value(QStringLiteral("replayed")).toBool());
            const TimeEntry replayed
                = TimeclockStore::entryFromRow(answer.value(QStringLiteral("entry")).toObject());
            QCOMPARE(replayed.toJson(), first.value(QStringLiteral("entry")).toObject());
            QCOMPARE(answer.contains(QStringLiteral("totals")),
                first.contains(QStringLiteral("totals")));
            if (first.contains(QStringLiteral("totals"))) {
                QCOMPARE(
                    TimeclockStore::totalsFromRow(answer.value(QStringLiteral("totals")).toObject())
                        .toJson(),
                    first.value(QStringLiteral("totals")).toObject());
            }
        }
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
