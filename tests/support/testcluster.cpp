// See testcluster.h.
#include "testcluster.h"

#include "db/migrator.h"
#include "db/pgsyncconnection.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include <csignal>

namespace Muster::Test {

TestCluster &TestCluster::instance()
{
    static TestCluster cluster;
    return cluster;
}

TestCluster::TestCluster()
    : m_dir(QStringLiteral("/tmp/muster-test-XXXXXX"))
{
    m_cluster
        = std::make_unique<EmbeddedCluster>(m_dir.path(), EmbeddedCluster::Durability::Throwaway);
    m_ready = m_cluster->start();
    if (!m_ready)
        m_error = m_cluster->errorMessage();
    // Stop PostgreSQL before the temporary directory disappears.
    qAddPostRoutine([] { instance().m_cluster.reset(); });
}

QByteArray TestCluster::createDatabase(bool migrated)
{
    const QString name
        = QStringLiteral("test_%1_%2").arg(QCoreApplication::applicationPid()).arg(++m_databases);
    if (!m_cluster->ensureDatabase(name)) {
        m_error = m_cluster->errorMessage();
        return {};
    }
    const QByteArray conninfo = m_cluster->conninfo(name);
    if (migrated) {
        PgSyncConnection connection(conninfo);
        Migrator migrator(connection);
        if (!migrator.migrate()) {
            m_error = migrator.errorMessage();
            return {};
        }
    }
    return conninfo;
}

bool TestCluster::crashAndRestart(int timeoutMs)
{
    QProcess *postgres = m_cluster->process();
    if (!postgres)
        return false;
    ::kill(pid_t(postgres->processId()), SIGKILL);
    postgres->waitForFinished(10000);
    // Its backends notice the death and leave; until then a new postmaster refuses to start
    // (their shared memory is still attached), so launching is tried again, as the server's own
    // ClusterSupervisor does.
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        if (m_cluster->launch()) {
            const bool up = QTest::qWaitFor(
                [this] {
                    QProcess *p = m_cluster->process();
                    return m_cluster->isAccepting() || !p || p->state() == QProcess::NotRunning;
                },
                timeoutMs);
            if (m_cluster->isAccepting())
                return true;
            (void)up;
        }
        QTest::qWait(200);
    }
    return false;
}

} // namespace Muster::Test
