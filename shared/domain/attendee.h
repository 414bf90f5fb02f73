// Someone logged in an attendee log: a person of the organisation, or a placeholder made from a
// badge number nobody had yet (no name, no personal data).
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace Muster {

struct Attendee
{
    QUuid userId;
    QString badge;
    QString displayName;
    bool placeholder = false;
    QDateTime arrivedAt; // when they were logged

    // The wire form of attendeeLogs.attendees and attendeeLogs.addAttendee.
    QJsonObject toJson() const;
    static Attendee fromJson(const QJsonObject &object);

    friend bool operator==(const Attendee &, const Attendee &) = default;
};

} // namespace Muster
