// The operator's commands (--create-org, --create-user, --set-role, --reset-password,
// --list-users, --authorize-kiosk, --stop-ongoing, --export-report, --seed-demo; --migrate is the
// bootstrap's):
// blocking, printing plain lines, returning a process exit code.
#pragma once

#include "app/serveroptions.h"
#include "net/push.h"

#include <QTextStream>
#include <QUuid>

#include <optional>

namespace Muster {

class PgSyncConnection;

class AdminCommands
{
public:
    AdminCommands(PgSyncConnection &connection, QTextStream &out, QTextStream &err, QTextStream &in)
        : m_db(connection)
        , m_out(out)
        , m_err(err)
        , m_in(in)
    { }

    // Returns 0 on success, 1 when the command failed, 2 on a usage error.
    int run(const ServerOptions &options);

private:
    int createOrg(const ServerOptions &options);
    int createUser(const ServerOptions &options);
    int setRole(const ServerOptions &options);
    int setSuperadmin(const ServerOptions &options);
    int resetPassword(const ServerOptions &options);
    int listUsers(const ServerOptions &options);
    int authorizeKiosk(const ServerOptions &options);
    int stopOngoing(const ServerOptions &options);
    int exportReport(const ServerOptions &options);
    int seedDemo(const ServerOptions &options);
    std::optional<QUuid> organisationId(const QString &name);
    // Tells every running server, for their live clients.
    void publish(const QList<Push> &pushes);
    int failed(const QString &message);

    PgSyncConnection &m_db;
    QTextStream &m_out;
    QTextStream &m_err;
    QTextStream &m_in;
};

} // namespace Muster
