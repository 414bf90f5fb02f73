// Muster's own private PostgreSQL cluster under the data directory: created on first start,
// reachable only through a unix socket inside it, stopped cleanly with the process that owns it.
// As root it runs PostgreSQL as the unprivileged "postgres" account, since PostgreSQL refuses root.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>

#include <memory>
#include <sys/types.h>

namespace Muster {

class EmbeddedCluster
{
public:
    enum class Durability {
        Durable, // production: fsync on, synchronous commits
        Throwaway, // tests: no fsync; a crash may lose the cluster
    };

    explicit EmbeddedCluster(const QString &dataDir, Durability durability = Durability::Durable);
    ~EmbeddedCluster();
    EmbeddedCluster(const EmbeddedCluster &) = delete;
    EmbeddedCluster &operator=(const EmbeddedCluster &) = delete;

    // Initialises the cluster if needed and starts it, or attaches to the one already running on
    // this data directory (another muster-server or an admin command). Blocks; call before serving.
    bool start();
    // Stops the cluster if this object started it. Blocks until PostgreSQL has shut down.
    void stop();
    // Creates the database if it does not exist yet.
    bool ensureDatabase(const QString &name);

    bool ownsServer() const { return m_process != nullptr; }
    // The PostgreSQL process this object started (null when attached to another's).
    QProcess *process() const { return m_process.get(); }
    // Starts PostgreSQL again after it died, without waiting for it to accept connections
    // (crash recovery runs first): see ClusterSupervisor. False when it cannot be started.
    bool launch();
    // One quick look: does PostgreSQL accept connections now?
    bool isAccepting() const;
    QString errorMessage() const { return m_error; }
    QByteArray conninfo(const QString &database = QStringLiteral("muster")) const;

    // Where Debian keeps the PostgreSQL server binaries; MUSTER_PG_BINDIR overrides it.
    static QString binDir();

private:
    bool fail(const QString &message);
    bool prepareDirectories();
    bool initialise();
    bool waitUntilAccepting(int timeoutMs);
    bool stopStrayPostmaster(qint64 pid);
    qint64 runningPostmasterPid() const;
    void configureChild(QProcess &process) const;

    QString m_dataDir;
    QString m_clusterDir;
    Durability m_durability;
    bool m_dropPrivileges = false;
    uid_t m_uid = 0;
    gid_t m_gid = 0;
    std::unique_ptr<QProcess> m_process;
    QString m_error;
};

} // namespace Muster
