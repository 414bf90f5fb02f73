// Gets a migrated database ready before anything else runs: the embedded cluster under the data
// directory, or the server named by --database; then the schema migrations.
#pragma once

#include "db/embeddedcluster.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace Muster {

class DatabaseBootstrap
{
public:
    // An empty databaseUrl selects the embedded cluster under dataDir.
    DatabaseBootstrap(const QString &dataDir, const QString &databaseUrl,
        EmbeddedCluster::Durability durability = EmbeddedCluster::Durability::Durable);

    bool prepare();
    QByteArray conninfo() const { return m_conninfo; }
    QString errorMessage() const { return m_error; }
    QStringList appliedMigrations() const { return m_applied; }
    // The embedded cluster when this process started it (to supervise), else null.
    EmbeddedCluster *ownedCluster() const
    {
        return m_cluster && m_cluster->ownsServer() ? m_cluster.get() : nullptr;
    }

private:
    QString m_dataDir;
    QString m_databaseUrl;
    EmbeddedCluster::Durability m_durability;
    std::unique_ptr<EmbeddedCluster> m_cluster;
    QByteArray m_conninfo;
    QString m_error;
    QStringList m_applied;
};

} // namespace Muster
