// See desktophelpers.h.
#include "desktophelpers.h"

#include "client/serverurl.h"

#include <QProcess>
#include <QSignalSpy>

namespace Muster::Test {

bool signIn(
    Connection &connection, TestServer &server, const QString &login, const QString &password)
{
    QSignalSpy in(&connection, &Connection::signedIn);
    connection.signIn(
        webSocketUrl(QStringLiteral("127.0.0.1:%1").arg(server.server().port())), login, password);
    return in.wait();
}

QString createTeam(TestClient &admin, const QString &name)
{
    return resultOf(admin.call(QStringLiteral("teams.create"), {{QStringLiteral("name"), name}}))
        .value(QStringLiteral("team"))
        .toObject()
        .value(QStringLiteral("id"))
        .toString();
}

QString toolOutput(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForFinished(10000) || p.exitCode() != 0)
        return program + QStringLiteral(" failed: ") + QString::fromUtf8(p.readAllStandardError());
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace Muster::Test
