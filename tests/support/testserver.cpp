// See testserver.h.
#include "testserver.h"

#include "db/directorystore.h"
#include "services/passwordhasher.h"
#include "testcluster.h"

#include <QRegularExpression>
#include <QTest>

namespace Muster::Test {

TestServer::TestServer(ClientSocket::Limits limits)
{
    m_config.port = 0;
    m_config.poolSize = 2;
    m_config.limits = limits;
    // Tests run the day boundary check themselves (DayBoundaryService::run), so a timer firing
    // in the middle of one never changes what it sees; one test checks the timer itself.
    m_config.boundaryCheckInterval = std::chrono::hours(1);
}

bool TestServer::start()
{
    TestCluster &cluster = TestCluster::instance();
    if (!cluster.isReady()) {
        m_error = cluster.errorMessage();
        return false;
    }
    const QByteArray conninfo = cluster.createDatabase();
    if (conninfo.isEmpty()) {
        m_error = cluster.errorMessage();
        return false;
    }
    return startOn(conninfo);
}

bool TestServer::startSharing(const TestServer &first)
{
    return startOn(first.conninfo());
}

bool TestServer::startOn(const QByteArray &conninfo)
{
    m_conninfo = conninfo;
    m_sql = std::make_unique<PgSyncConnection>(m_conninfo);
    m_config.conninfo = m_conninfo;
    m_server = std::make_unique<MusterServer>(m_config);
    if (!m_server->start()) {
        m_error = m_server->errorString();
        return false;
    }
    return true;
}

QUrl TestServer::wsUrl() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_server->port()));
}

QUrl TestServer::httpUrl(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path));
}

int TestServer::auditCount(const QString &actionPattern)
{
    return int(m_sql
                   ->exec("SELECT count(*) FROM activities WHERE action LIKE $1",
                       PgParams() << actionPattern)
                   .toInt(0, 0));
}

QUuid TestServer::createOrganisation(const QString &name)
{
    return DirectoryStore(*m_sql).createOrganisation(name).value_or(QUuid());
}

QUuid TestServer::createUser(
    const QString &login, const QString &organisation, Role role, const QString &password)
{
    return DirectoryStore(*m_sql)
        .createUser(login, organisation, role, PasswordHasher::hash(password), login)
        .value_or(QUuid());
}

quint16 startServerProcess(
    QProcess &process, const QByteArray &conninfo, const QStringList &extraArguments)
{
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setStandardErrorFile(QProcess::nullDevice());
    process.start(qEnvironmentVariable("MUSTER_SERVER_BINARY"),
        QStringList {QStringLiteral("--database"), QString::fromUtf8(conninfo),
            QStringLiteral("--port"), QStringLiteral("0")}
            + extraArguments);
    static const QRegularExpression listening(QStringLiteral("listening on [^:]+:(\\d+)"));
    QByteArray out;
    quint16 port = 0;
    (void)QTest::qWaitFor(
        [&] {
            out += process.readAllStandardOutput();
            const auto m = listening.match(QString::fromLatin1(out));
            port = m.hasMatch() ? quint16(m.captured(1).toUInt()) : 0;
            return port != 0 || process.state() == QProcess::NotRunning;
        },
        60000);
    return port;
}

} // namespace Muster::Test
