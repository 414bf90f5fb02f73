// A person's account in an organisation: who they are, their role and home team, and what the
// board shows of them.
#pragma once

#include "role.h"

#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace Muster {

struct Account
{
    QUuid userId;
    QString login;
    QString displayName;
    QString email; // "" when none; private to the person (and never pushed)
    Role role = Role::Volunteer;
    QUuid teamId; // their home team; null when none
    QString badge; // "" when none
    QString highlight; // "#rrggbb" set by a manager, "" when none
    QString avatar; // SHA-256 of the uploaded picture, "" for the generated one

    // The person's own view (profile.get, profile.update): everything, email included.
    QJsonObject toJson() const;
    // What the organisation may see (users.update, users.create, profile.changed): no email.
    QJsonObject publicJson() const;
    static Account fromJson(const QJsonObject &object);

    friend bool operator==(const Account &, const Account &) = default;
};

} // namespace Muster
