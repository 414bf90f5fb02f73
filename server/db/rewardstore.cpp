// See rewardstore.h.
#include "rewardstore.h"

#include "database.h"
#include "notificationstore.h"
#include "rowjson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Muster {

namespace {

StoreError failureOf(const PgResult &r)
{
    if (r.isUniqueViolation())
        return StoreError::conflict(QStringLiteral("A reward with that name already exists"));
    return StoreError::of(r);
}

// The answer of muster_save_reward, muster_delete_reward and muster_claim_reward.
Database::ResultHandler savedFrom(const RewardStore::SavedHandler &handler)
{
    return [handler](const PgResult &r) {
        if (!r.ok())
            return handler({}, failureOf(r));
        const QJsonObject answer = QJsonDocument::fromJson(r.bytes(0, 0)).object();
        RewardStore::Saved saved;
        saved.reward = RewardStore::fromRow(answer.value(QStringLiteral("reward")).toObject());
        for (const QJsonValue &n : answer.value(QStringLiteral("notifications")).toArray())
            saved.notices.append(NotificationStore::fromRow(n.toObject()));
        handler(saved, {});
    };
}

} // namespace

void RewardStore::list(const QUuid &org, const QUuid &eventId, const QUuid &userId,
    QObject *context, RewardsHandler handler)
{
    m_db.transaction(
        {{"SELECT muster_fail('MU404', 'not_found', 'Event or user not found')"
          " WHERE NOT EXISTS (SELECT 1 FROM users WHERE organisation_id = $1 AND id = $3)"
          " OR ($2::uuid IS NOT NULL AND NOT EXISTS (SELECT 1 FROM events x"
          "  WHERE x.organisation_id = $1 AND x.id = $2))",
             PgParams() << org << eventId << userId},
            {"SELECT to_jsonb(r) || jsonb_build_object('standing', muster_reward_standing(r, $3))"
             " FROM rewards r WHERE r.organisation_id = $1 AND r.event_id ="
             "  COALESCE($2::uuid, (SELECT active_event_id FROM organisations WHERE id = $1))"
             " ORDER BY r.threshold_hours, lower(r.name)",
                PgParams() << org << eventId << userId}},
        context, [handler](const QList<PgResult> &results) {
            const PgResult &r = results.last();
            if (!r.ok())
                return handler({}, StoreError::of(r));
            QList<Reward> rewards;
            rewards.reserve(r.rows());
            for (int row = 0; row < r.rows(); ++row)
                rewards.append(fromRow(QJsonDocument::fromJson(r.bytes(row, 0)).object()));
            handler(rewards, {});
        });
}

void RewardStore::save(const Save &s, QObject *context, SavedHandler handler)
{
    PgParams params;
    params << s.organisationId << s.actor << s.rewardId << s.eventId;
    s.name ? params << *s.name : params << std::nullopt;
    s.description ? params << *s.description : params << std::nullopt;
    s.thresholdHours ? params << *s.thresholdHours : params << std::nullopt;
    m_db.exec("SELECT muster_save_reward($1, $2, $3, CASE WHEN $3::uuid IS NULL THEN"
              "  COALESCE($4::uuid, (SELECT active_event_id FROM organisations WHERE id = $1)) END,"
              " $5, $6, $7::numeric)",
        params, context, savedFrom(handler));
}

void RewardStore::remove(const QUuid &org, const QUuid &actor, const QUuid &rewardId,
    QObject *context, SavedHandler handler)
{
    m_db.exec("SELECT muster_delete_reward($1, $2, $3)", PgParams() << org << actor << rewardId,
        context, savedFrom(handler));
}

void RewardStore::setClaimed(const QUuid &org, const QUuid &actor, const QUuid &rewardId,
    const QUuid &userId, bool claimed, QObject *context, SavedHandler handler)
{
    m_db.exec("SELECT muster_claim_reward($1, $2, $3, $4, $5)",
        PgParams() << org << actor << rewardId << userId << claimed, context, savedFrom(handler));
}

Reward RewardStore::fromRow(const QJsonObject &json)
{
    const RowJson row(json);
    Reward r;
    r.id = row.uuid(u"id");
    r.eventId = row.uuid(u"event_id");
    r.name = row.text(u"name");
    r.description = row.text(u"description");
    r.thresholdHours = json.value(QStringLiteral("threshold_hours")).toDouble();
    if (json.contains(QStringLiteral("standing"))) {
        const RowJson standing(row.object(u"standing"));
        r.standing = Reward::Standing {standing.boolean(u"claimed"), standing.boolean(u"eligible")};
    }
    return r;
}

} // namespace Muster
