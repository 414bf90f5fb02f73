// See embeddedcluster.h.
#include "embeddedcluster.h"

#include "pgsyncconnection.h"
#include "util/logging.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <grp.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Muster {

namespace {

constexpr int kPort = 5432; // only names the socket file; the cluster listens on no TCP port
constexpr int kStartTimeoutMs = 60000;
constexpr int kStopTimeoutMs = 30000;
const QString kSuperuser = QStringLiteral("muster");

QByteArray quoteConninfo(const QString &value)
{
    QByteArray v = value.toUtf8();
    v.replace('\\', "\\\\").replace('\'', "\\'");
    return '\'' + v + '\'';
}

} // namespace

EmbeddedCluster::EmbeddedCluster(const QString &dataDir, Durability durability)
    : m_dataDir(QDir(dataDir).absolutePath())
    , m_clusterDir(m_dataDir + QStringLiteral("/postgresql"))
    , m_durability(durability)
{ }

EmbeddedCluster::~EmbeddedCluster()
{
    stop();
}

QString EmbeddedCluster::binDir()
{
    const QString fromEnv = qEnvironmentVariable("MUSTER_PG_BINDIR");
    return fromEnv.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin") : fromEnv;
}

QByteArray EmbeddedCluster::conninfo(const QString &database) const
{
    return "host=" + quoteConninfo(m_clusterDir) + " port=" + QByteArray::number(kPort)
        + " user=" + quoteConninfo(kSuperuser) + " dbname=" + quoteConninfo(database)
        + " connect_timeout=10 application_name=muster-server";
}

bool EmbeddedCluster::fail(const QString &message)
{
    m_error = message;
    qCCritical(lcCluster).noquote() << message;
    return false;
}

bool EmbeddedCluster::prepareDirectories()
{
    if (!QFileInfo::exists(binDir() + QStringLiteral("/postgres")))
        return fail(QStringLiteral("PostgreSQL server binaries not found in %1; install the "
                                   "postgresql-15 package or pass --database")
                        .arg(binDir()));
    // The unix socket path must fit in sockaddr_un (107 bytes).
    if ((m_clusterDir + QStringLiteral("/.s.PGSQL.5432")).toUtf8().size() > 100)
        return fail(QStringLiteral("data directory path %1 is too long for a unix socket; choose "
                                   "a shorter --data-dir")
                        .arg(m_dataDir));
    if (!QDir().mkpath(m_dataDir))
        return fail(QStringLiteral("cannot create data directory %1").arg(m_dataDir));

    if (geteuid() == 0) {
        const passwd *pw = getpwnam("postgres");
        if (!pw)
            return fail(QStringLiteral("PostgreSQL refuses to run as root and there is no "
                                       "\"postgres\" account; install postgresql-15 or run as an "
                                       "ordinary user"));
        m_dropPrivileges = true;
        m_uid = pw->pw_uid;
        m_gid = pw->pw_gid;
        // The postgres account must be able to reach the cluster directory through every parent.
        ::chmod(QFile::encodeName(m_dataDir).constData(), 0711);
        for (QString dir = QFileInfo(m_dataDir).absolutePath(); dir != QStringLiteral("/");
             dir = QFileInfo(dir).absolutePath()) {
            struct stat st
            {
            };
            if (::stat(QFile::encodeName(dir).constData(), &st) == 0 && !(st.st_mode & S_IXOTH))
                return fail(QStringLiteral("%1 is not searchable by the postgres account; choose "
                                           "a --data-dir outside it (e.g. under /var/lib)")
                                .arg(dir));
        }
    }
    if (!QDir().mkpath(m_clusterDir))
        return fail(QStringLiteral("cannot create %1").arg(m_clusterDir));
    const QByteArray path = QFile::encodeName(m_clusterDir);
    ::chmod(path.constData(), 0700);
    if (m_dropPrivileges && ::chown(path.constData(), m_uid, m_gid) != 0)
        return fail(QStringLiteral("cannot hand %1 to the postgres account: %2")
                        .arg(m_clusterDir, QString::fromLocal8Bit(strerror(errno))));
    return true;
}

void EmbeddedCluster::configureChild(QProcess &process) const
{
    const bool drop = m_dropPrivileges;
    const uid_t uid = m_uid;
    const gid_t gid = m_gid;
    // Runs in the child between fork and exec: only async-signal-safe calls here.
    process.setChildProcessModifier([drop, uid, gid] {
        if (drop) {
            if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
                ::_exit(126);
        }
        // Set after the uid change, which would clear it: if muster-server dies without a
        // chance to stop PostgreSQL, PostgreSQL still gets a fast, clean shutdown.
        ::prctl(PR_SET_PDEATHSIG, SIGINT);
    });
    process.setWorkingDirectory(m_clusterDir);
}

bool EmbeddedCluster::initialise()
{
    if (QFileInfo::exists(m_clusterDir + QStringLiteral("/PG_VERSION")))
        return true;
    if (!QDir(m_clusterDir).isEmpty())
        return fail(
            QStringLiteral("%1 is not empty but holds no PostgreSQL cluster").arg(m_clusterDir));
    qCInfo(lcCluster).noquote() << "creating a PostgreSQL cluster in" << m_clusterDir;
    QProcess initdb;
    configureChild(initdb);
    QStringList args {QStringLiteral("-D"), m_clusterDir, QStringLiteral("-U"), kSuperuser,
        QStringLiteral("--auth=trust"), QStringLiteral("--encoding=UTF8"),
        QStringLiteral("--no-locale")};
    if (m_durability == Durability::Throwaway)
        args << QStringLiteral("--no-sync");
    initdb.setProcessChannelMode(QProcess::MergedChannels);
    initdb.start(binDir() + QStringLiteral("/initdb"), args);
    if (!initdb.waitForFinished(120000) || initdb.exitStatus() != QProcess::NormalExit
        || initdb.exitCode() != 0) {
        return fail(QStringLiteral("initdb failed: %1")
                        .arg(QString::fromLocal8Bit(initdb.readAll()).trimmed()));
    }
    return true;
}

qint64 EmbeddedCluster::runningPostmasterPid() const
{
    QFile pidFile(m_clusterDir + QStringLiteral("/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return 0;
    const qint64 pid = pidFile.readLine().trimmed().toLongLong();
    if (pid <= 0)
        return 0;
    return (::kill(pid_t(pid), 0) == 0 || errno == EPERM) ? pid : 0;
}

bool EmbeddedCluster::waitUntilAccepting(int timeoutMs)
{
    const QByteArray info = conninfo(QStringLiteral("postgres"));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (PQping(info.constData()) == PQPING_OK)
            return true;
        if (m_process && m_process->state() == QProcess::NotRunning)
            return false;
        QThread::msleep(25);
    }
    return false;
}

bool EmbeddedCluster::stopStrayPostmaster(qint64 pid)
{
    // A postmaster left behind by an earlier run that no longer answers (shutting down, or
    // stuck): ask it to finish fast, then take over.
    qCWarning(lcCluster) << "PostgreSQL process" << pid << "holds the data directory; stopping it";
    ::kill(pid_t(pid), SIGINT);
    QDeadlineTimer deadline(kStopTimeoutMs);
    while (!deadline.hasExpired()) {
        if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
            return true;
        QThread::msleep(50);
    }
    return fail(QStringLiteral("PostgreSQL process %1 holds %2 and does not stop")
                    .arg(pid)
                    .arg(m_clusterDir));
}

bool EmbeddedCluster::start()
{
    if (m_process)
        return true;
    if (!prepareDirectories() || !initialise())
        return false;

    if (const qint64 pid = runningPostmasterPid()) {
        if (waitUntilAccepting(2000)) {
            qCInfo(lcCluster) << "using the PostgreSQL cluster already running in" << m_clusterDir;
            return true;
        }
        if (!stopStrayPostmaster(pid))
            return false;
    }

    if (!launch())
        return false;
    // Crash recovery after an unclean stop happens here, inside PostgreSQL, before it accepts.
    if (!waitUntilAccepting(kStartTimeoutMs)) {
        m_process->kill();
        m_process->waitForFinished(5000);
        m_process.reset();
        return fail(
            QStringLiteral("PostgreSQL did not start; see %1/postgresql.log").arg(m_dataDir));
    }
    return true;
}

bool EmbeddedCluster::launch()
{
    m_process = std::make_unique<QProcess>();
    configureChild(*m_process);
    m_process->setStandardOutputFile(QProcess::nullDevice());
    m_process->setStandardErrorFile(
        m_dataDir + QStringLiteral("/postgresql.log"), QIODevice::Append);
    QStringList args {QStringLiteral("-D"), m_clusterDir, QStringLiteral("-k"), m_clusterDir,
        QStringLiteral("-p"), QString::number(kPort), QStringLiteral("-c"),
        QStringLiteral("listen_addresses="), QStringLiteral("-c"),
        QStringLiteral("max_connections=200")};
    if (m_durability == Durability::Throwaway) {
        args << QStringLiteral("-c") << QStringLiteral("fsync=off") << QStringLiteral("-c")
             << QStringLiteral("synchronous_commit=off") << QStringLiteral("-c")
             << QStringLiteral("full_page_writes=off");
    } else {
        // PostgreSQL's 128 MB default holds little of a big event's entries and their indexes;
        // an eighth of the machine's memory (128 MB to 1 GB) keeps them in memory without
        // crowding the server or anything else on the machine.
        const qint64 memory = qint64(sysconf(_SC_PHYS_PAGES)) * qint64(sysconf(_SC_PAGESIZE));
        const qint64 sharedBuffersMiB = std::clamp<qint64>(memory / 8 / (1024 * 1024), 128, 1024);
        args << QStringLiteral("-c") << QStringLiteral("shared_buffers=%1MB").arg(sharedBuffersMiB);
    }
    qCInfo(lcCluster).noquote() << "starting PostgreSQL in" << m_clusterDir;
    m_process->start(binDir() + QStringLiteral("/postgres"), args);
    if (!m_process->waitForStarted(10000)) {
        m_process.reset();
        return fail(QStringLiteral("cannot start PostgreSQL: %1").arg(binDir()));
    }
    return true;
}

bool EmbeddedCluster::isAccepting() const
{
    return PQping(conninfo(QStringLiteral("postgres")).constData()) == PQPING_OK;
}

void EmbeddedCluster::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        qCInfo(lcCluster) << "stopping PostgreSQL";
        // SIGINT is PostgreSQL's "fast" shutdown: disconnect clients, checkpoint, exit.
        ::kill(pid_t(m_process->processId()), SIGINT);
        if (!m_process->waitForFinished(kStopTimeoutMs)) {
            qCWarning(lcCluster) << "PostgreSQL did not stop in time; killing it";
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

bool EmbeddedCluster::ensureDatabase(const QString &name)
{
    PgSyncConnection admin(conninfo(QStringLiteral("postgres")));
    if (!admin.isOpen())
        return fail(admin.errorMessage());
    const PgResult exists
        = admin.exec("SELECT 1 FROM pg_database WHERE datname = $1", PgParams() << name);
    if (!exists.ok())
        return fail(exists.errorMessage());
    if (exists.rows() > 0)
        return true;
    // CREATE DATABASE takes no parameters; the name is quoted as an identifier.
    const QByteArray quoted = '"' + name.toUtf8().replace('"', "\"\"") + '"';
    const PgResult created = admin.exec("CREATE DATABASE " + quoted);
    if (!created.ok() && !created.isUniqueViolation() && created.sqlState() != "42P04")
        return fail(created.errorMessage());
    return true;
}

} // namespace Muster
