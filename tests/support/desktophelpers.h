// What the desktop places' suites share: signing a Connection in as the app does, making a team,
// and reading a file the way people's tools read it (unzip, pdftotext).
#pragma once

#include "client/connection.h"
#include "testclient.h"
#include "testserver.h"

#include <QString>
#include <QStringList>

namespace Muster::Test {

// Signs `connection` in to the server as `login` and waits for it; false when it did not.
bool signIn(Connection &connection, TestServer &server, const QString &login,
    const QString &password = QStringLiteral("correct horse"));
// teams.create through an administrator's client; the new team's id ("" when refused).
QString createTeam(TestClient &admin, const QString &name);
// What a command-line tool prints (unzip -p, pdftotext), or why it failed.
QString toolOutput(const QString &program, const QStringList &arguments);

} // namespace Muster::Test
