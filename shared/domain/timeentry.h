// One shift of one person in one event: clocked in and out at a kiosk or the desktop, or added
// by a manager. An ongoing entry has no stop yet; its worked and earned time run up to now.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace Muster {

struct TimeEntry
{
    QUuid id;
    QUuid eventId;
    QUuid userId;
    QString userName;
    QString badge;
    QUuid teamId;
    QString teamName;
    QDateTime start;
    QDateTime stop; // invalid while the shift goes on
    QString notes;
    QString source; // "kiosk", "desktop" or "manager"
    QUuid kioskId; // null unless clocked at a kiosk
    QString kioskName;
    bool offline = false; // replayed by a kiosk that was offline: for managers to review
    bool autoStopped = false; // stopped by the day boundary
    qint64 workedSeconds = 0;
    qint64 earnedSeconds = 0; // worked time with the team's bonus windows applied

    bool isOngoing() const { return !stop.isValid(); }

    // The wire form of the entry methods, timeclock.entries/ongoing and timeclock.entryChanged.
    QJsonObject toJson() const;
    static TimeEntry fromJson(const QJsonObject &object);

    friend bool operator==(const TimeEntry &, const TimeEntry &) = default;
};

} // namespace Muster
