// A kiosk as its organisation's managers see it: a device approved to run the time clock,
// until it expires or is revoked.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace Muster {

struct Kiosk
{
    QUuid id;
    QString name;
    QString location;
    QDateTime expiresAt; // it must be approved again after this
    QDateTime lastSeen; // invalid until it first signs in
    QDateTime createdAt;
    bool revoked = false;
    QString approvedBy; // display name; empty when approved from the command line

    // The wire form of kiosks.list, the kiosk methods' answers and kiosk.approved.
    QJsonObject toJson() const;
    static Kiosk fromJson(const QJsonObject &object);

    friend bool operator==(const Kiosk &, const Kiosk &) = default;
};

} // namespace Muster
