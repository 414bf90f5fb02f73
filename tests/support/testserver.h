// An in-process muster-server on a free port over a fresh migrated database, plus the seeding
// helpers tests need (organisations and users with known passwords).
#pragma once

#include "app/musterserver.h"
#include "db/pgsyncconnection.h"
#include "domain/role.h"

#include <QUrl>
#include <QUuid>

#include <memory>

namespace Muster::Test {

class TestServer
{
public:
    explicit TestServer(ClientSocket::Limits limits = {});

    bool start(); // false when the cluster, database or listener failed; see errorMessage()
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
    ClientSocket::Limits m_limits;
    QByteArray m_conninfo;
    std::unique_ptr<MusterServer> m_server;
    std::unique_ptr<PgSyncConnection> m_sql;
    QString m_error;
};

} // namespace Muster::Test
