// See databasebootstrap.h.
#include "databasebootstrap.h"

#include "db/migrator.h"
#include "db/pgsyncconnection.h"

namespace Muster {

DatabaseBootstrap::DatabaseBootstrap(
    const QString &dataDir, const QString &databaseUrl, EmbeddedCluster::Durability durability)
    : m_dataDir(dataDir)
    , m_databaseUrl(databaseUrl)
    , m_durability(durability)
{ }

bool DatabaseBootstrap::prepare()
{
    if (m_databaseUrl.isEmpty()) {
        m_cluster = std::make_unique<EmbeddedCluster>(m_dataDir, m_durability);
        if (!m_cluster->start() || !m_cluster->ensureDatabase(QStringLiteral("muster"))) {
            m_error = m_cluster->errorMessage();
            return false;
        }
        m_conninfo = m_cluster->conninfo();
    } else {
        m_conninfo = m_databaseUrl.toUtf8();
    }
    PgSyncConnection connection(m_conninfo);
    if (!connection.isOpen()) {
        m_error
            = QStringLiteral("cannot connect to the database: %1").arg(connection.errorMessage());
        return false;
    }
    Migrator migrator(connection);
    if (!migrator.migrate()) {
        m_error = QStringLiteral("schema migration refused: %1").arg(migrator.errorMessage());
        return false;
    }
    m_applied = migrator.applied();
    return true;
}

} // namespace Muster
