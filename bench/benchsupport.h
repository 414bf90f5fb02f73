// What every benchmark needs: a real muster-server started on an embedded cluster in a
// temporary directory, waiting without blocking the event loop, request frames, and figures.
#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <vector>

namespace Muster {
class PgResult;
class PgParams;
class PgSyncConnection;
} // namespace Muster

namespace Muster::Bench {

// Seeding statements: the result, or the process ends saying why (a bench without its data
// measures nothing).
PgResult mustExec(PgSyncConnection &sql, const QByteArray &statement, const PgParams &params);
PgResult mustExec(PgSyncConnection &sql, const QByteArray &statement);

double percentile(std::vector<double> values, double p);
void printLatency(const char *what, const std::vector<double> &values);
// Runs the event loop until done() or the time is up.
bool waitFor(const std::function<bool()> &done, int timeoutMs);
QString frame(qint64 id, const QString &method, const QJsonObject &params);
qint64 rssKiB(qint64 pid);
double cpuSeconds(qint64 pid); // user + system CPU seconds so far
void raiseFileLimit();

// muster-server on its own embedded PostgreSQL in a temporary directory.
class BenchServer
{
public:
    bool start(const QString &binary, const QStringList &extraArguments = {});
    // Another server process on `first`'s database, as behind a load balancer; stop it first.
    bool startSharing(
        const BenchServer &first, const QString &binary, const QStringList &extraArguments = {});
    void stop();
    QUrl url() const { return m_url; }
    qint64 pid() const { return m_process.processId(); }
    // libpq connection string for seeding the embedded cluster directly.
    QByteArray conninfo() const;
    // Where the embedded cluster's Unix socket is (for a client other than libpq's conninfo).
    QString socketDirectory() const { return m_dir.path() + QStringLiteral("/postgresql"); }

private:
    bool launch(const QString &binary, const QString &dataDir, const QStringList &extraArguments);

    QTemporaryDir m_dir {QStringLiteral("/tmp/muster-bench-XXXXXX")};
    QProcess m_process;
    QUrl m_url;
};

} // namespace Muster::Bench
