// One person on an organisation's roster as its managers see it: who they are (badge, name, role,
// team) and where they stand in an event (finished time worked and earned, and the shift under
// way). The Volunteers screen holds thousands of these.
#pragma once

#include "domain/role.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace Muster {

struct RosterEntry
{
    QUuid userId;
    QString login;
    QString displayName;
    Role role = Role::Volunteer;
    QUuid teamId; // home team; null when none
    QString badge; // "" when none
    qint64 workedSeconds = 0; // finished shifts of the event
    qint64 earnedSeconds = 0;
    int entries = 0;
    QDateTime shiftStart; // the shift under way; invalid when not on shift
    QUuid shiftTeamId;

    bool onShift() const { return shiftStart.isValid(); }

    // The wire form of users.list's people.
    QJsonObject toJson() const;
    static RosterEntry fromJson(const QJsonObject &object);

    friend bool operator==(const RosterEntry &, const RosterEntry &) = default;
};

} // namespace Muster
