// A blocking libpq connection for work that happens before the server serves anyone (migrations)
// or in one-shot admin commands. Never use it on a thread that serves sockets.
#pragma once

#include "pgparams.h"
#include "pgresult.h"

#include <QByteArray>
#include <QString>

struct pg_conn;

namespace Muster {

class PgSyncConnection
{
public:
    explicit PgSyncConnection(const QByteArray &conninfo);
    ~PgSyncConnection();
    PgSyncConnection(const PgSyncConnection &) = delete;
    PgSyncConnection &operator=(const PgSyncConnection &) = delete;

    bool isOpen() const;
    QString errorMessage() const;

    PgResult exec(const QByteArray &sql, const PgParams &params = {});
    // Runs a script of several statements without parameters (a migration file).
    PgResult execScript(const QByteArray &sql);

private:
    pg_conn *m_conn = nullptr;
};

} // namespace Muster
