// Keeps the embedded PostgreSQL running while the server serves: when it dies (killed, out of
// memory, a crash), it is started again with a growing pause between tries, and the server logs
// when it accepts connections again (after PostgreSQL's own crash recovery). Never blocks the
// event loop: readiness is checked with a quick ping on a timer. The pool and the listener
// reconnect by themselves (Database).
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace Muster {

class EmbeddedCluster;

class ClusterSupervisor : public QObject
{
    Q_OBJECT
public:
    // cluster must own its PostgreSQL (EmbeddedCluster::ownsServer) and outlive this object.
    explicit ClusterSupervisor(EmbeddedCluster &cluster, QObject *parent = nullptr);
    ~ClusterSupervisor() override;

    bool isRecovering() const { return m_recovering; }

Q_SIGNALS:
    void recovered();

private:
    void watch();
    void onExited();
    void relaunch();
    void checkAccepting();

    EmbeddedCluster &m_cluster;
    QTimer m_retry;
    QTimer m_readiness;
    QElapsedTimer m_down;
    std::chrono::milliseconds m_delay {250};
    bool m_recovering = false;
};

} // namespace Muster
