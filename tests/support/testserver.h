// An in-process muster-server on a free port over a fresh migrated database, plus the seeding
// helpers tests need (organisations and users with known passwords).
#pragma once

#include "app/musterserver.h"
#include "db/pgsyncconnection.h"
#include "domain/role.h"

#include <QProcess>
#include <QUrl>
#include <QUuid>

#include <memory>

namespace Muster::Test {

class TestServer
{
public:
    explicit TestServer(ClientSocket::Limits limits = {});

    bool start(); // false when the cluster, database or listener failed; see errorMessage()
    // Another server process on `first`'s database, as behind a load balancer.
    bool startSharing(const TestServer &first);
    // Before start(): the server's configuration beyond its limits (throttles, proxies).
    MusterServer::Config &config() { return m_config; }
    QString errorMessage() const { return m_error; }

    QUrl wsUrl() const;
    QUrl httpUrl(const QString &path) const;
    QByteArray conninfo() const { return m_conninfo; }
    MusterServer &server() { return *m_server; }
    PgSyncConnection &sql() { return *m_sql; }

    QUuid createOrganisation(const QString &name);
    // How many audit rows have an action matching this LIKE pattern ("state.create", "team.%").
    int auditCount(const QString &actionPattern);
    QUuid createUser(const QString &login, const QString &organisation, Role role,
        const QString &password = QStringLiteral("correct horse"));

private:
    bool startOn(const QByteArray &conninfo);

    MusterServer::Config m_config;
    QByteArray m_conninfo;
    std::unique_ptr<MusterServer> m_server;
    std::unique_ptr<PgSyncConnection> m_sql;
    QString m_error;
};

// Starts muster-server (MUSTER_SERVER_BINARY, which ctest sets) as a process of its own on the
// database `conninfo`, on a free port: the port, or 0 when it did not come up within a minute.
// The test owns `process` (and may kill it).
quint16 startServerProcess(
    QProcess &process, const QByteArray &conninfo, const QStringList &extraArguments = {});

} // namespace Muster::Test
