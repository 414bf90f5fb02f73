// How much one server lets connections take: buffered bytes in all, connections per address and
// per person, and connections that have not signed in yet. Settable with --limit NAME=VALUE
// (docs/operations.md lists them with their defaults).
#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace Muster {

struct ConnectionCaps
{
    // Unfinished incoming messages and unsent output, all connections together.
    qint64 memoryBudgetBytes = 256 * 1024 * 1024;
    // A venue's kiosks and people may share one address (NAT), so this is generous.
    int perAddress = 1000;
    int perPerson = 20;
    int notSignedIn = 5000;

    // "memory-budget-mib", "connections-per-address", "connections-per-person",
    // "connections-not-signed-in": false for an unknown name or a value below 1.
    bool set(const QString &name, int value);
    static QStringList names();
};

} // namespace Muster
