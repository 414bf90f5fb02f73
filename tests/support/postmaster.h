// The PostgreSQL process of an embedded cluster as the tests see it from outside: its pid, read
// from the cluster's postmaster.pid, and whether a process is still there.
#pragma once

#include <QFile>
#include <QString>

#include <csignal>

namespace Muster::Test {

inline qint64 postmasterPid(const QString &dataDir)
{
    QFile f(dataDir + QStringLiteral("/postgresql/postmaster.pid"));
    return f.open(QIODevice::ReadOnly) ? f.readLine().trimmed().toLongLong() : 0;
}

inline bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

} // namespace Muster::Test
