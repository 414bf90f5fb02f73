// The rules a password someone chooses must meet. The app checks them as it is typed; the server,
// which decides, checks them again. At least 8 characters and at most 200; not a password people
// guess first (resources/passwords/common.txt), nor one of those with digits or signs after it;
// not the person's login, name or organisation; not one character over and over, nor a plain
// run such as "12345678" or "hgfedcba".
#pragma once

#include <QString>
#include <QStringList>

namespace Muster::PasswordPolicy {

inline constexpr int kMinLength = 8;
inline constexpr int kMaxLength = 200;

// Empty when the password is acceptable; otherwise why not, as a sentence for the person choosing
// it. `personal`: what is known of them (login, name, organisation).
QString problem(const QString &password, const QStringList &personal = {});
// The rules in a line, to show before anyone types.
QString rules();

} // namespace Muster::PasswordPolicy
