// See correctionservice.h.
#include "correctionservice.h"

#include "cluster/pushrelay.h"
#include "net/rpccall.h"
#include "notificationservice.h"
#include "protocol/paramreader.h"
#include "timeclockservice.h"

#include <QJsonArray>

namespace Muster {

namespace {

constexpr qsizetype kMaxNote = 500;
constexpr qsizetype kMaxReason = 500;

} // namespace

CorrectionService::CorrectionService(Database &db, PushRelay &relay, TimeclockService &entries,
    NotificationService &notifications, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_relay(relay)
    , m_entries(entries)
    , m_notifications(notifications)
{ }

void CorrectionService::publish(const QUuid &org, const StopCorrection &correction)
{
    m_relay.publish({Audience::atLeast(org, Role::Manager, correction.userId),
        QStringLiteral("corrections.changed"),
        {{QStringLiteral("correction"), correction.toJson()}}});
}

void CorrectionService::request(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid entryId = p.requiredUuid(QStringLiteral("entryId"));
    const QDateTime stop = p.requiredTime(QStringLiteral("stop"));
    const QString note = p.optionalString(QStringLiteral("note"), kMaxNote).trimmed();
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_store.request(caller.organisationId, caller.userId, entryId, stop, note, this,
        [this, call, org = caller.organisationId](
            const CorrectionStore::Requested &requested, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            QJsonArray acknowledged;
            for (const Notification &n : requested.acknowledged)
                acknowledged.append(n.toJson());
            call.reply(QJsonObject {{QStringLiteral("correction"), requested.correction.toJson()},
                {QStringLiteral("acknowledged"), acknowledged}});
            publish(org, requested.correction);
        });
}

void CorrectionService::list(const RpcCall &call)
{
    ParamReader p(call.params());
    CorrectionStore::Filter filter;
    filter.eventId = p.optionalUuid(QStringLiteral("eventId"));
    filter.userId = p.optionalUuid(QStringLiteral("userId"));
    const QString status = p.optionalString(QStringLiteral("status"), 20);
    if (!p.ok())
        return call.fail(p.error());
    if (!status.isEmpty()) {
        const StopCorrection::Status s = StopCorrection::statusFromName(status);
        if (StopCorrection::statusName(s) != status)
            return call.fail(RpcError::invalidParams(
                QStringLiteral("\"status\" must be pending, approved or refused")));
        filter.status = s;
    }
    const Caller caller = call.caller();
    // Managers see everyone's; anyone else their own.
    if (!roleAtLeast(caller.role, Role::Manager)) {
        if (!filter.userId.isNull() && filter.userId != caller.userId)
            return call.fail(
                RpcError::forbidden(QStringLiteral("Only managers see other people's time")));
        filter.userId = caller.userId;
    }
    m_store.list(caller.organisationId, filter, this,
        [call](const QList<StopCorrection> &corrections, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            QJsonArray array;
            for (const StopCorrection &c : corrections)
                array.append(c.toJson());
            call.reply(QJsonObject {{QStringLiteral("corrections"), array}});
        });
}

void CorrectionService::approve(const RpcCall &call)
{
    decide(call, true);
}

void CorrectionService::refuse(const RpcCall &call)
{
    decide(call, false);
}

void CorrectionService::decide(const RpcCall &call, bool approve)
{
    ParamReader p(call.params());
    const QUuid correctionId = p.requiredUuid(QStringLiteral("correctionId"));
    const QString reason = approve
        ? p.optionalString(QStringLiteral("reason"), kMaxReason).trimmed()
        : p.requiredString(QStringLiteral("reason"), kMaxReason).trimmed();
    if (!p.ok())
        return call.fail(p.error());
    if (!approve && reason.isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"reason\" must not be blank")));
    const Caller caller = call.caller();
    const TimeclockStore::Actor actor {caller.organisationId, caller.userId, caller.role};
    m_store.decide(actor, correctionId, approve, reason, this,
        [this, call, org = caller.organisationId](
            const CorrectionStore::Decided &decided, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            QJsonObject reply {{QStringLiteral("correction"), decided.correction.toJson()}};
            if (decided.change)
                reply.insert(QStringLiteral("entry"), decided.change->entry.toJson());
            call.reply(reply);
            if (decided.change)
                m_entries.publish(org, QStringLiteral("updated"), *decided.change);
            publish(org, decided.correction);
            m_notifications.deliver(decided.notice);
        });
}

} // namespace Muster
