// Bonus windows of an event: list, save and delete. Saving or deleting one recomputes the event's
// totals and makes the reward notices that causes, in the same transaction (muster_save_bonus,
// muster_delete_bonus in resources/sql/09_bonuses.sql).
#pragma once

#include "domain/bonus.h"
#include "domain/notification.h"
#include "storeerror.h"

#include <QList>
#include <QObject>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

class Database;

class BonusStore
{
public:
    // A new bonus (no bonusId) or a change to one, where unset fields stay as they are.
    struct Save
    {
        QUuid organisationId;
        QUuid actor;
        QUuid bonusId;
        QUuid eventId; // new bonuses only; null: the active event
        std::optional<QDateTime> start;
        std::optional<QDateTime> end;
        std::optional<QString> multiplier; // a decimal, checked by the caller
        std::optional<QList<QUuid>> teamIds;
    };
    struct Saved
    {
        Bonus bonus;
        QList<Notification> notices; // reward notices the change caused
    };

    // NotFound ("Event") when the event named is not the organisation's.
    using BonusesHandler
        = std::function<void(const QList<Bonus> &bonuses, const StoreError &error)>;
    using SavedHandler = std::function<void(const Saved &saved, const StoreError &error)>;

    explicit BonusStore(Database &db)
        : m_db(db)
    { }

    // By start; the event's (null: the active event's), empty when there is none.
    void list(const QUuid &org, const QUuid &eventId, QObject *context, BonusesHandler handler);
    void save(const Save &save, QObject *context, SavedHandler handler);
    void remove(const QUuid &org, const QUuid &actor, const QUuid &bonusId, QObject *context,
        SavedHandler handler);

    // A bonus as muster_bonus_row hands it back.
    static Bonus fromRow(const QJsonObject &row);

private:
    Database &m_db;
};

} // namespace Muster
