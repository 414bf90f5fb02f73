// See team.h.
#include "team.h"

namespace Muster {

Team Team::fromJson(const QJsonObject &o)
{
    return {o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("name")).toString(),
        o.value(QStringLiteral("archived")).toBool(), o.value(QStringLiteral("members")).toInt()};
}

} // namespace Muster
