// The ordered roles every permission check compares against (seed 001's order).
#pragma once

#include <QString>

#include <optional>

namespace Muster {

enum class Role : int {
    Banned = 0,
    Attendee = 1,
    Volunteer = 2,
    Staff = 3,
    Lead = 4,
    Manager = 5,
    Admin = 6,
};

// Lowercase wire and database names: "banned", "attendee", … "admin".
QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);
// What people read: "Volunteer", "Lead", … (translated).
QString roleTitle(Role role);

inline bool roleAtLeast(Role role, Role minimum)
{
    return static_cast<int>(role) >= static_cast<int>(minimum);
}

} // namespace Muster
