// See clustersupervisor.h.
#include "clustersupervisor.h"

#include "embeddedcluster.h"
#include "util/logging.h"

#include <QProcess>

#include <algorithm>

namespace Muster {

namespace {
constexpr std::chrono::milliseconds kFirstDelay {250};
constexpr std::chrono::milliseconds kLongestDelay {30000};
} // namespace

ClusterSupervisor::ClusterSupervisor(EmbeddedCluster &cluster, QObject *parent)
    : QObject(parent)
    , m_cluster(cluster)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ClusterSupervisor::relaunch);
    m_readiness.setInterval(100);
    connect(&m_readiness, &QTimer::timeout, this, &ClusterSupervisor::checkAccepting);
    watch();
}

ClusterSupervisor::~ClusterSupervisor()
{
    // Stopping the cluster after this is a shutdown, not a crash to recover from.
    if (QProcess *process = m_cluster.process())
        process->disconnect(this);
}

void ClusterSupervisor::watch()
{
    if (QProcess *process = m_cluster.process())
        connect(process, &QProcess::finished, this, &ClusterSupervisor::onExited);
}

void ClusterSupervisor::onExited()
{
    m_readiness.stop();
    if (!m_recovering) {
        m_recovering = true;
        m_down.start();
        const QProcess *process = m_cluster.process();
        qCWarning(lcCluster).noquote()
            << "PostgreSQL stopped unexpectedly ("
            << (process && process->exitStatus() == QProcess::CrashExit
                       ? QStringLiteral("killed")
                       : QStringLiteral("exit code %1").arg(process ? process->exitCode() : -1))
            << "); starting it again";
        m_delay = kFirstDelay;
    }
    qCInfo(lcCluster) << "starting PostgreSQL again in" << m_delay.count() << "ms";
    m_retry.start(m_delay);
    m_delay = std::min(m_delay * 2, kLongestDelay);
}

void ClusterSupervisor::relaunch()
{
    // Backends of a killed postmaster may still hold its shared memory for a moment; then the new
    // one exits at once and we try again a little later.
    if (!m_cluster.launch()) {
        qCWarning(lcCluster).noquote() << m_cluster.errorMessage();
        onExited();
        return;
    }
    watch();
    m_readiness.start();
}

void ClusterSupervisor::checkAccepting()
{
    if (!m_cluster.isAccepting())
        return;
    m_readiness.stop();
    m_recovering = false;
    qCInfo(lcCluster) << "PostgreSQL accepts connections again after" << m_down.elapsed()
                      << "ms (crash recovery included; details in postgresql.log)";
    Q_EMIT recovered();
}

} // namespace Muster
