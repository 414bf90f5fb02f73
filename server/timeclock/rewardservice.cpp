// See rewardservice.h.
#include "rewardservice.h"

#include "cluster/pushrelay.h"
#include "notificationservice.h"
#include "protocol/paramreader.h"
#include "replies.h"

namespace Muster {

namespace {

constexpr qsizetype kMaxName = 200;
constexpr qsizetype kMaxDescription = 2000;
constexpr double kMaxThreshold = 999999.99;

} // namespace

RewardService::RewardService(
    Database &db, PushRelay &relay, NotificationService &notifications, QObject *parent)
    : QObject(parent)
    , m_query(db)
    , m_relay(relay)
    , m_notifications(notifications)
{ }

void RewardService::list(const RpcCall &call)
{
    const std::optional<ReadSubject> subject = readSubject(call);
    if (!subject)
        return;
    m_query.run(QByteArray("SELECT CASE WHEN ") + kEventKnown
            + " AND EXISTS (SELECT 1 FROM users WHERE organisation_id = $1 AND id = $3) THEN"
              " COALESCE(jsonb_agg(muster_reward_json(r, $3) ORDER BY r.threshold_hours,"
              " lower(r.name)), '[]') END FROM rewards r WHERE r.organisation_id = $1 AND"
              " r.event_id ="
              " COALESCE($2::uuid, (SELECT active_event_id FROM organisations WHERE id = $1))",
        PgParams() << call.caller().organisationId << subject->eventId << subject->userId, this,
        replyWithKeyOrNotFound(call, QStringLiteral("rewards"), QStringLiteral("Event or user")));
}

void RewardService::save(const RpcCall &call, const QByteArray &sql, const PgParams &params)
{
    m_query.run(sql, params, this,
        [this, call, org = call.caller().organisationId](const QJsonValue &v, const StoreError &e) {
            if (e) {
                return call.fail(e.kind == StoreError::Conflict && e.reason.isEmpty()
                        ? RpcError::conflict(
                            QStringLiteral("A reward with that name already exists"))
                        : e.toRpcError());
            }
            QJsonObject result = v.toObject();
            const QJsonArray notices = result.take(QStringLiteral("notifications")).toArray();
            call.reply(result);
            const QJsonObject reward = result.value(QStringLiteral("reward")).toObject();
            m_relay.publish({Audience::organisation(org), QStringLiteral("rewards.changed"),
                {{QStringLiteral("eventId"), reward.value(QStringLiteral("eventId"))}}});
            m_notifications.deliverRows(notices);
        });
}

void RewardService::create(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid eventId = p.optionalUuid(QStringLiteral("eventId"));
    const QString name = p.requiredString(QStringLiteral("name"), kMaxName).trimmed();
    const QString description = p.optionalString(
        QStringLiteral("description"), kMaxDescription, {}, CanonicalText::Lines::Multiple);
    const QString threshold = p.requiredDecimal(QStringLiteral("thresholdHours"), 0, kMaxThreshold);
    if (!p.ok())
        return call.fail(p.error());
    if (name.isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"name\" must not be blank")));
    const Caller caller = call.caller();
    save(call,
        "SELECT muster_save_reward($1, $2, NULL, COALESCE($3::uuid, (SELECT active_event_id FROM"
        " organisations WHERE id = $1)), $4, $5, $6::numeric)",
        PgParams() << caller.organisationId << caller.userId << eventId << name << description
                   << threshold);
}

void RewardService::update(const RpcCall &call)
{
    const QJsonObject &json = call.params();
    ParamReader p(json);
    const QUuid rewardId = p.requiredUuid(QStringLiteral("rewardId"));
    std::optional<QString> name;
    if (json.contains(QStringLiteral("name")))
        name = p.requiredString(QStringLiteral("name"), kMaxName).trimmed();
    std::optional<QString> description;
    if (json.contains(QStringLiteral("description")))
        description = p.optionalString(
            QStringLiteral("description"), kMaxDescription, {}, CanonicalText::Lines::Multiple);
    std::optional<QString> threshold;
    if (json.contains(QStringLiteral("thresholdHours")))
        threshold = p.requiredDecimal(QStringLiteral("thresholdHours"), 0, kMaxThreshold);
    if (!p.ok())
        return call.fail(p.error());
    if (name && name->isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"name\" must not be blank")));
    const Caller caller = call.caller();
    PgParams params;
    params << caller.organisationId << caller.userId << rewardId;
    name ? params << *name : params << std::nullopt;
    description ? params << *description : params << std::nullopt;
    threshold ? params << *threshold : params << std::nullopt;
    save(call, "SELECT muster_save_reward($1, $2, $3, NULL, $4, $5, $6::numeric)", params);
}

void RewardService::remove(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid rewardId = p.requiredUuid(QStringLiteral("rewardId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    save(call, "SELECT muster_delete_reward($1, $2, $3)",
        PgParams() << caller.organisationId << caller.userId << rewardId);
}

void RewardService::claim(const RpcCall &call)
{
    setClaimed(call, true);
}

void RewardService::unclaim(const RpcCall &call)
{
    setClaimed(call, false);
}

void RewardService::setClaimed(const RpcCall &call, bool claimed)
{
    ParamReader p(call.params());
    const QUuid rewardId = p.requiredUuid(QStringLiteral("rewardId"));
    const QUuid userId = p.requiredUuid(QStringLiteral("userId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    save(call, "SELECT muster_claim_reward($1, $2, $3, $4, $5)",
        PgParams() << caller.organisationId << caller.userId << rewardId << userId << claimed);
}

} // namespace Muster
