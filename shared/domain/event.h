// An event of an organisation: a convention or a season the time clock counts time for. One is
// active at a time; past and archived ones are read-only.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace Muster {

struct Event
{
    QUuid id;
    QString name;
    QString timeZone; // IANA name; days and their boundary are counted in it
    QDateTime start;
    QDateTime end;
    int dayBoundaryHour = 4; // ongoing shifts stop at this local hour
    bool archived = false;
    bool readOnly = false; // archived or over: no time can be added or changed
    bool active = false; // the organisation's time clock works in this event

    // When the time clock's day that holds `at` began: the latest day-boundary hour, in the
    // event's time zone, not after `at` ("today" on a kiosk's summary). UTC.
    QDateTime dayStart(const QDateTime &at) const;

    // The wire form of events.list, events.changed and the event methods' answers.
    QJsonObject toJson() const;
    static Event fromJson(const QJsonObject &object);

    friend bool operator==(const Event &, const Event &) = default;
};

} // namespace Muster
