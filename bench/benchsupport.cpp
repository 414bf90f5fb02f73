// See benchsupport.h.
#include "benchsupport.h"

#include "db/pgsyncconnection.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sys/resource.h>
#include <unistd.h>

namespace Muster::Bench {

PgResult mustExec(PgSyncConnection &sql, const QByteArray &statement, const PgParams &params)
{
    PgResult r = sql.exec(statement, params);
    if (!r.ok()) {
        std::fprintf(stderr, "seeding failed: %s\n", qPrintable(r.errorMessage()));
        std::exit(1);
    }
    return r;
}

PgResult mustExec(PgSyncConnection &sql, const QByteArray &statement)
{
    return mustExec(sql, statement, PgParams());
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = std::min(values.size() - 1, size_t(p / 100.0 * double(values.size())));
    return values[index];
}

void printLatency(const char *what, const std::vector<double> &values)
{
    std::printf("%-34s p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (n=%zu)\n", what,
        percentile(values, 50), percentile(values, 95), percentile(values, 99),
        percentile(values, 100), values.size());
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

QString frame(qint64 id, const QString &method, const QJsonObject &params)
{
    return QString::fromUtf8(QJsonDocument(
        QJsonObject {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id},
            {QStringLiteral("method"), method},
            {QStringLiteral("params"),
                params}}).toJson(QJsonDocument::Compact));
}

qint64 rssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    // /proc files report no size, so read them whole rather than testing atEnd().
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong())
        / double(sysconf(_SC_CLK_TCK));
}

void raiseFileLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

bool BenchServer::start(const QString &binary, const QStringList &extraArguments)
{
    return launch(binary, m_dir.path(), extraArguments);
}

bool BenchServer::startSharing(
    const BenchServer &first, const QString &binary, const QStringList &extraArguments)
{
    // The same data directory: this process attaches to the cluster the first one runs.
    return launch(binary, first.m_dir.path(), extraArguments);
}

bool BenchServer::launch(
    const QString &binary, const QString &dataDir, const QStringList &extraArguments)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // The log goes to a file: a pipe nobody reads while the load runs would fill and stall the
    // server on its next line.
    m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("server.log")));
    // One load client plays thousands of people from one address: the caps meant for a real
    // crowd would refuse it, so they are lifted (a bench measures speed, tst_connectionlimits
    // the caps).
    const QStringList uncapped {QStringLiteral("--limit"),
        QStringLiteral("connections-per-address=1000000"), QStringLiteral("--limit"),
        QStringLiteral("connections-per-person=1000000"), QStringLiteral("--limit"),
        QStringLiteral("connections-not-signed-in=1000000")};
    m_process.start(binary,
        QStringList {
            QStringLiteral("--data-dir"), dataDir, QStringLiteral("--port"), QStringLiteral("0")}
            + uncapped + extraArguments);
    if (!m_process.waitForStarted(10000)
        || !waitFor([this] { return m_process.canReadLine(); }, 120000)) {
        std::fprintf(stderr, "muster-server did not start\n");
        return false;
    }
    const quint16 port = m_process.readLine().trimmed().split(':').last().toUShort();
    m_url = QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port));
    return true;
}

void BenchServer::stop()
{
    m_process.terminate();
    m_process.waitForFinished(60000);
}

QByteArray BenchServer::conninfo() const
{
    return "host='" + m_dir.path().toUtf8() + "/postgresql' port=5432 user=muster dbname=muster";
}

} // namespace Muster::Bench
