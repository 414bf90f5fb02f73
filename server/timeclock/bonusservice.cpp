// See bonusservice.h.
#include "bonusservice.h"

#include "cluster/pushrelay.h"
#include "net/rpccall.h"
#include "notificationservice.h"
#include "protocol/paramreader.h"

#include <QJsonArray>

namespace Muster {

namespace {

constexpr qsizetype kMaxTeams = 500;

} // namespace

BonusService::BonusService(
    Database &db, PushRelay &relay, NotificationService &notifications, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_relay(relay)
    , m_notifications(notifications)
{ }

void BonusService::list(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid eventId = p.optionalUuid(QStringLiteral("eventId"));
    if (!p.ok())
        return call.fail(p.error());
    m_store.list(call.caller().organisationId, eventId, this,
        [call](const QList<Bonus> &bonuses, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            QJsonArray array;
            for (const Bonus &b : bonuses)
                array.append(b.toJson());
            call.reply(QJsonObject {{QStringLiteral("bonuses"), array}});
        });
}

BonusStore::SavedHandler BonusService::replyAndSpread(const RpcCall &call)
{
    return [this, call, org = call.caller().organisationId](
               const BonusStore::Saved &saved, const StoreError &e) {
        if (e)
            return call.fail(e.toRpcError());
        call.reply(QJsonObject {{QStringLiteral("bonus"), saved.bonus.toJson()}});
        m_relay.publish({Audience::organisation(org), QStringLiteral("timeclock.totalsChanged"),
            {{QStringLiteral("eventId"), saved.bonus.eventId.toString(QUuid::WithoutBraces)}}});
        for (const Notification &n : saved.notices)
            m_notifications.deliver(n);
    };
}

void BonusService::create(const RpcCall &call)
{
    ParamReader p(call.params());
    const Caller caller = call.caller();
    BonusStore::Save save;
    save.organisationId = caller.organisationId;
    save.actor = caller.userId;
    save.eventId = p.optionalUuid(QStringLiteral("eventId"));
    save.start = p.requiredTime(QStringLiteral("start"));
    save.end = p.requiredTime(QStringLiteral("end"));
    save.multiplier = p.requiredDecimal(QStringLiteral("multiplier"), 1.01, 10);
    save.teamIds = p.requiredUuidList(QStringLiteral("teamIds"), kMaxTeams);
    if (!p.ok())
        return call.fail(p.error());
    if (*save.end <= *save.start)
        return call.fail(
            RpcError::invalidParams(QStringLiteral("\"end\" must be after \"start\"")));
    m_store.save(save, this, replyAndSpread(call));
}

void BonusService::update(const RpcCall &call)
{
    const QJsonObject &json = call.params();
    ParamReader p(json);
    const Caller caller = call.caller();
    BonusStore::Save save;
    save.organisationId = caller.organisationId;
    save.actor = caller.userId;
    save.bonusId = p.requiredUuid(QStringLiteral("bonusId"));
    if (json.contains(QStringLiteral("start")))
        save.start = p.requiredTime(QStringLiteral("start"));
    if (json.contains(QStringLiteral("end")))
        save.end = p.requiredTime(QStringLiteral("end"));
    if (json.contains(QStringLiteral("multiplier")))
        save.multiplier = p.requiredDecimal(QStringLiteral("multiplier"), 1.01, 10);
    if (json.contains(QStringLiteral("teamIds")))
        save.teamIds = p.requiredUuidList(QStringLiteral("teamIds"), kMaxTeams);
    if (!p.ok())
        return call.fail(p.error());
    m_store.save(save, this, replyAndSpread(call));
}

void BonusService::remove(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid bonusId = p.requiredUuid(QStringLiteral("bonusId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_store.remove(caller.organisationId, caller.userId, bonusId, this, replyAndSpread(call));
}

} // namespace Muster
