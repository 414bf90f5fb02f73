// A reward of an event: handed over to whoever has earned more than its threshold of hours.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

namespace Muster {

struct Reward
{
    // Where one person stands with the reward.
    struct Standing
    {
        bool claimed = false; // handed over
        bool eligible = false; // earned time strictly above the threshold

        friend bool operator==(const Standing &, const Standing &) = default;
    };

    QUuid id;
    QUuid eventId;
    QString name;
    QString description;
    double thresholdHours = 0;
    std::optional<Standing> standing; // present when the reward is read for someone

    // The wire form of rewards.list and the reward methods' answers; "claimed" and "eligible"
    // only with a standing.
    QJsonObject toJson() const;
    static Reward fromJson(const QJsonObject &object);

    friend bool operator==(const Reward &, const Reward &) = default;
};

} // namespace Muster
