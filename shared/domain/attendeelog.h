// An attendee log of an event (a panel, a meet-up): who came, by badge, kept by its gatekeepers.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

namespace Muster {

struct AttendeeLog
{
    struct Gatekeeper
    {
        QUuid userId;
        QString displayName;

        friend bool operator==(const Gatekeeper &, const Gatekeeper &) = default;
    };

    QUuid id;
    QUuid eventId;
    QString name;
    int attendees = 0; // how many are logged
    QList<Gatekeeper> gatekeepers; // by name

    // The wire form of attendeeLogs.list and the log methods' answers.
    QJsonObject toJson() const;
    static AttendeeLog fromJson(const QJsonObject &object);

    friend bool operator==(const AttendeeLog &, const AttendeeLog &) = default;
};

} // namespace Muster
