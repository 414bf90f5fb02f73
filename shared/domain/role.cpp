// Role names as they appear on the wire, in the database and on the command line.
#include "role.h"

#include <QCoreApplication>

#include <array>

namespace Muster {

namespace {
constexpr std::array<const char *, 7> kNames
    = {"banned", "attendee", "volunteer", "staff", "lead", "manager", "admin"};
constexpr std::array<const char *, 7> kTitles = {QT_TRANSLATE_NOOP("Role", "Banned"),
    QT_TRANSLATE_NOOP("Role", "Attendee"), QT_TRANSLATE_NOOP("Role", "Volunteer"),
    QT_TRANSLATE_NOOP("Role", "Staff"), QT_TRANSLATE_NOOP("Role", "Lead"),
    QT_TRANSLATE_NOOP("Role", "Manager"), QT_TRANSLATE_NOOP("Role", "Admin")};
} // namespace

QString roleName(Role role)
{
    return QString::fromLatin1(kNames.at(static_cast<std::size_t>(role)));
}

QString roleTitle(Role role)
{
    return QCoreApplication::translate("Role", kTitles.at(static_cast<std::size_t>(role)));
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
