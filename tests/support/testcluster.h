// A throwaway PostgreSQL cluster for one test executable, and migrated databases inside it.
#pragma once

#include "db/embeddedcluster.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Muster::Test {

class TestCluster
{
public:
    // Starts the cluster on first use; QFAIL-friendly: check isReady().
    static TestCluster &instance();

    bool isReady() const { return m_ready; }
    QString errorMessage() const { return m_error; }

    // A new, empty database with a unique name; migrated unless told otherwise.
    QByteArray createDatabase(bool migrated = true);
    // Kills PostgreSQL with SIGKILL (its crash recovery empties unlogged tables), starts it
    // again and waits until it accepts connections; false when it did not come back in time.
    bool crashAndRestart(int timeoutMs = 60000);

private:
    TestCluster();

    QTemporaryDir m_dir;
    std::unique_ptr<EmbeddedCluster> m_cluster;
    bool m_ready = false;
    QString m_error;
    int m_databases = 0;
};

} // namespace Muster::Test
