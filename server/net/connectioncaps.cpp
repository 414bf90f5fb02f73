// See connectioncaps.h.
#include "connectioncaps.h"

namespace Muster {

bool ConnectionCaps::set(const QString &name, int value)
{
    if (value < 1)
        return false;
    if (name == QLatin1String("memory-budget-mib"))
        memoryBudgetBytes = qint64(value) * 1024 * 1024;
    else if (name == QLatin1String("connections-per-address"))
        perAddress = value;
    else if (name == QLatin1String("connections-per-person"))
        perPerson = value;
    else if (name == QLatin1String("connections-not-signed-in"))
        notSignedIn = value;
    else
        return false;
    return true;
}

QStringList ConnectionCaps::names()
{
    return {QStringLiteral("memory-budget-mib"), QStringLiteral("connections-per-address"),
        QStringLiteral("connections-per-person"), QStringLiteral("connections-not-signed-in")};
}

} // namespace Muster
