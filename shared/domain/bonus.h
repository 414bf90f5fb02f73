// A bonus window: while it lasts, the time of some teams counts `multiplier` times.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QUuid>

namespace Muster {

struct Bonus
{
    QUuid id;
    QUuid eventId;
    QDateTime start;
    QDateTime end;
    double multiplier = 1; // above 1, at most 10, two decimals
    QList<QUuid> teamIds; // sorted

    // The wire form of bonuses.list and the bonus methods' answers.
    QJsonObject toJson() const;
    static Bonus fromJson(const QJsonObject &object);

    friend bool operator==(const Bonus &, const Bonus &) = default;
};

} // namespace Muster
