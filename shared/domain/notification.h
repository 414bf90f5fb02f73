// A notice for one person: a reward they can claim, a shift the day boundary stopped. Some must
// be acknowledged before the app or the kiosk moves on.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace Muster {

struct Notification
{
    QUuid id;
    QUuid userId;
    QString kind; // "reward", "auto_stop", …
    QString title;
    QString body;
    QJsonObject data; // what the notice is about, by kind (rewardId, entryId, …)
    bool requiresAck = false;
    bool acknowledged = false;
    QDateTime createdAt;

    // The wire form of notifications.list, notifications.acknowledge and notifications.added.
    QJsonObject toJson() const;
    static Notification fromJson(const QJsonObject &object);

    friend bool operator==(const Notification &, const Notification &) = default;
};

} // namespace Muster
