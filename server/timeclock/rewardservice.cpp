// See rewardservice.h.
#include "rewardservice.h"

#include "cluster/pushrelay.h"
#include "notificationservice.h"
#include "protocol/paramreader.h"
#include "readsubject.h"

#include <QJsonArray>

namespace Muster {

namespace {

constexpr qsizetype kMaxName = 200;
constexpr qsizetype kMaxDescription = 2000;
constexpr double kMaxThreshold = 999999.99;

} // namespace

RewardService::RewardService(
    Database &db, PushRelay &relay, NotificationService &notifications, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_relay(relay)
    , m_notifications(notifications)
{ }

void RewardService::list(const RpcCall &call)
{
    const std::optional<ReadSubject> subject = readSubject(call);
    if (!subject)
        return;
    m_store.list(call.caller().organisationId, subject->eventId, subject->userId, this,
        [call](const QList<Reward> &rewards, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            QJsonArray array;
            for (const Reward &r : rewards)
                array.append(r.toJson());
            call.reply(QJsonObject {{QStringLiteral("rewards"), array}});
        });
}

RewardStore::SavedHandler RewardService::replyAndSpread(const RpcCall &call, const QUuid &userId)
{
    return [this, call, userId, org = call.caller().organisationId](
               const RewardStore::Saved &saved, const StoreError &e) {
        if (e)
            return call.fail(e.toRpcError());
        QJsonObject reply {{QStringLiteral("reward"), saved.reward.toJson()}};
        if (!userId.isNull())
            reply.insert(QStringLiteral("userId"), userId.toString(QUuid::WithoutBraces));
        call.reply(reply);
        m_relay.publish({Audience::organisation(org), QStringLiteral("rewards.changed"),
            {{QStringLiteral("eventId"), saved.reward.eventId.toString(QUuid::WithoutBraces)}}});
        for (const Notification &n : saved.notices)
            m_notifications.deliver(n);
    };
}

void RewardService::create(const RpcCall &call)
{
    ParamReader p(call.params());
    const Caller caller = call.caller();
    RewardStore::Save save;
    save.organisationId = caller.organisationId;
    save.actor = caller.userId;
    save.eventId = p.optionalUuid(QStringLiteral("eventId"));
    save.name = p.requiredString(QStringLiteral("name"), kMaxName).trimmed();
    save.description = p.optionalString(
        QStringLiteral("description"), kMaxDescription, {}, CanonicalText::Lines::Multiple);
    save.thresholdHours = p.requiredDecimal(QStringLiteral("thresholdHours"), 0, kMaxThreshold);
    if (!p.ok())
        return call.fail(p.error());
    if (save.name->isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"name\" must not be blank")));
    m_store.save(save, this, replyAndSpread(call));
}

void RewardService::update(const RpcCall &call)
{
    const QJsonObject &json = call.params();
    ParamReader p(json);
    const Caller caller = call.caller();
    RewardStore::Save save;
    save.organisationId = caller.organisationId;
    save.actor = caller.userId;
    save.rewardId = p.requiredUuid(QStringLiteral("rewardId"));
    if (json.contains(QStringLiteral("name")))
        save.name = p.requiredString(QStringLiteral("name"), kMaxName).trimmed();
    if (json.contains(QStringLiteral("description")))
        save.description = p.optionalString(
            QStringLiteral("description"), kMaxDescription, {}, CanonicalText::Lines::Multiple);
    if (json.contains(QStringLiteral("thresholdHours")))
        save.thresholdHours = p.requiredDecimal(QStringLiteral("thresholdHours"), 0, kMaxThreshold);
    if (!p.ok())
        return call.fail(p.error());
    if (save.name && save.name->isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"name\" must not be blank")));
    m_store.save(save, this, replyAndSpread(call));
}

void RewardService::remove(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid rewardId = p.requiredUuid(QStringLiteral("rewardId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_store.remove(caller.organisationId, caller.userId, rewardId, this, replyAndSpread(call));
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
    m_store.setClaimed(caller.organisationId, caller.userId, rewardId, userId, claimed, this,
        replyAndSpread(call, userId));
}

} // namespace Muster
