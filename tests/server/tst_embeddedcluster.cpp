// The embedded cluster: first start creates it, a second user attaches to the running one, a
// clean stop leaves nothing running, and a crashed PostgreSQL recovers on the next start.
#include "db/embeddedcluster.h"
#include "db/pgsyncconnection.h"
#include "postmaster.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Muster;
using namespace Muster::Test;

class TestEmbeddedCluster : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsAttachesStopsAndRecovers()
    {
        QTemporaryDir dir(QStringLiteral("/tmp/muster-cluster-XXXXXX"));
        QVERIFY(dir.isValid());
        qint64 pid = 0;
        {
            EmbeddedCluster owner(dir.path(), EmbeddedCluster::Durability::Throwaway);
            QVERIFY2(owner.start(), qPrintable(owner.errorMessage()));
            QVERIFY(owner.ownsServer());
            QVERIFY(owner.ensureDatabase(QStringLiteral("muster")));
            PgSyncConnection c(owner.conninfo());
            QVERIFY2(c.isOpen(), qPrintable(c.errorMessage()));
            QVERIFY(c.execScript("CREATE TABLE kept (v int); INSERT INTO kept VALUES (1)").ok());
            pid = postmasterPid(dir.path());
            QVERIFY(processAlive(pid));

            // An admin command on the same data directory uses the running cluster.
            EmbeddedCluster guest(dir.path(), EmbeddedCluster::Durability::Throwaway);
            QVERIFY(guest.start());
            QVERIFY(!guest.ownsServer());
            guest.stop(); // not the owner: PostgreSQL keeps running
            QVERIFY(processAlive(pid));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), 10000);

        // A crash: PostgreSQL killed outright, its pid file left behind.
        {
            EmbeddedCluster again(dir.path(), EmbeddedCluster::Durability::Throwaway);
            QVERIFY(again.start());
            pid = postmasterPid(dir.path());
            ::kill(pid_t(pid), SIGKILL);
            QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), 10000);
        }
        EmbeddedCluster recovered(dir.path(), EmbeddedCluster::Durability::Throwaway);
        QVERIFY2(recovered.start(), qPrintable(recovered.errorMessage()));
        PgSyncConnection c(recovered.conninfo());
        QVERIFY(c.isOpen());
        const PgResult r = c.exec("SELECT v FROM kept");
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        QCOMPARE(r.toInt(0, 0), 1);
    }

    void refusesAClusterDirectoryThatIsNotOne()
    {
        QTemporaryDir dir(QStringLiteral("/tmp/muster-cluster-XXXXXX"));
        QVERIFY(QDir().mkpath(dir.path() + QStringLiteral("/postgresql")));
        QFile stray(dir.path() + QStringLiteral("/postgresql/notes.txt"));
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.close();
        EmbeddedCluster cluster(dir.path(), EmbeddedCluster::Durability::Throwaway);
        QVERIFY(!cluster.start());
        QVERIFY(cluster.errorMessage().contains(QStringLiteral("holds no PostgreSQL cluster")));
    }
};

QTEST_GUILESS_MAIN(TestEmbeddedCluster)
#include "tst_embeddedcluster.moc"
