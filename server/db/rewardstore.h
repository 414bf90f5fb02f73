// Rewards of an event and their hand-overs: list (as one person stands with them), save,
// delete, claim and unclaim, each with the reward notices it causes, in one transaction
// (resources/sql/06_rewards.sql).
#pragma once

#include "domain/notification.h"
#include "domain/reward.h"
#include "storeerror.h"

#include <QList>
#include <QObject>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

class Database;

class RewardStore
{
public:
    // A new reward (no rewardId) or a change to one, where unset fields stay as they are.
    struct Save
    {
        QUuid organisationId;
        QUuid actor;
        QUuid rewardId;
        QUuid eventId; // new rewards only; null: the active event
        std::optional<QString> name;
        std::optional<QString> description;
        std::optional<QString> thresholdHours; // a decimal, checked by the caller
    };
    struct Saved
    {
        Reward reward; // with the person's standing after a claim or unclaim
        QList<Notification> notices;
    };

    // NotFound ("Event or user") when either is not the organisation's.
    using RewardsHandler
        = std::function<void(const QList<Reward> &rewards, const StoreError &error)>;
    // Conflict ("A reward with that name already exists", or with a reason: already_claimed,
    // not_eligible, not_claimed); NotFound for a reward, user or event not the organisation's.
    using SavedHandler = std::function<void(const Saved &saved, const StoreError &error)>;

    explicit RewardStore(Database &db)
        : m_db(db)
    { }

    // By threshold, then name; the event's (null: the active event's) as `userId` stands.
    void list(const QUuid &org, const QUuid &eventId, const QUuid &userId, QObject *context,
        RewardsHandler handler);
    void save(const Save &save, QObject *context, SavedHandler handler);
    void remove(const QUuid &org, const QUuid &actor, const QUuid &rewardId, QObject *context,
        SavedHandler handler);
    void setClaimed(const QUuid &org, const QUuid &actor, const QUuid &rewardId,
        const QUuid &userId, bool claimed, QObject *context, SavedHandler handler);

    // A rewards row as to_jsonb hands it back, with "standing" when it was read for someone.
    static Reward fromRow(const QJsonObject &row);

private:
    Database &m_db;
};

} // namespace Muster
