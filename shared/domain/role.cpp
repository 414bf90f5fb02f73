// Role names as they appear on the wire, in the database and on the command line.
#include "role.h"

#include <array>

namespace Muster {

namespace {
constexpr std::array<const char *, 7> kNames
    = {"banned", "attendee", "volunteer", "staff", "lead", "manager", "admin"};
}

QString roleName(Role role)
{
    return QString::fromLatin1(kNames.at(static_cast<std::size_t>(role)));
}

std::optional<Role> roleFromName(const QString &name)
{
    const QString wanted = name.trimmed().toLower();
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (wanted == QLatin1String(kNames[i]))
            return static_cast<Role>(i);
    }
    return std::nullopt;
}

} // namespace Muster
