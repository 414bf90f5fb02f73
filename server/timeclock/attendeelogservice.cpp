// See attendeelogservice.h.
#include "attendeelogservice.h"

#include "cluster/pushrelay.h"
#include "net/rpccall.h"
#include "protocol/paramreader.h"

#include <QJsonArray>

namespace Muster {

namespace {

constexpr qsizetype kMaxName = 200;

AttendeeLogStore::Actor actorOf(const RpcCall &call)
{
    const Caller &caller = call.caller();
    return {caller.organisationId, caller.userId, caller.role};
}

} // namespace

AttendeeLogService::AttendeeLogService(Database &db, PushRelay &relay, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_relay(relay)
{ }

AttendeeLogStore::LogHandler AttendeeLogService::replyAndSpread(
    const RpcCall &call, const QUuid &alsoTell)
{
    return [this, call, alsoTell](const AttendeeLog &log, const StoreError &e) {
        if (e)
            return call.fail(e.toRpcError());
        call.reply(QJsonObject {{QStringLiteral("log"), log.toJson()}});
        spread(call.caller().organisationId, log, alsoTell);
    };
}

void AttendeeLogService::spread(const QUuid &org, const AttendeeLog &log, const QUuid &alsoTell)
{
    const QString method = QStringLiteral("attendeeLogs.changed");
    const QJsonObject params {{QStringLiteral("log"), log.toJson()}};
    m_relay.publish({Audience::atLeast(org, Role::Manager, alsoTell), method, params});
    // Gatekeepers may hold any role: each hears of the log they keep.
    for (const AttendeeLog::Gatekeeper &keeper : log.gatekeepers)
        m_relay.publish({Audience::person(keeper.userId), method, params});
}

void AttendeeLogService::spreadLater(const QUuid &org, const QUuid &logId)
{
    m_store.log(org, logId, this, [this, org](const AttendeeLog &log, const StoreError &e) {
        if (!e)
            spread(org, log);
    });
}

void AttendeeLogService::list(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid eventId = p.optionalUuid(QStringLiteral("eventId"));
    if (!p.ok())
        return call.fail(p.error());
    m_store.list(
        actorOf(call), eventId, this, [call](const QList<AttendeeLog> &logs, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            QJsonArray array;
            for (const AttendeeLog &l : logs)
                array.append(l.toJson());
            call.reply(QJsonObject {{QStringLiteral("logs"), array}});
        });
}

void AttendeeLogService::create(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid eventId = p.optionalUuid(QStringLiteral("eventId"));
    const QString name = p.requiredString(QStringLiteral("name"), kMaxName).trimmed();
    if (!p.ok())
        return call.fail(p.error());
    if (name.isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"name\" must not be blank")));
    m_store.create(actorOf(call), eventId, name, this, replyAndSpread(call));
}

void AttendeeLogService::update(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid logId = p.requiredUuid(QStringLiteral("logId"));
    const QString name = p.requiredString(QStringLiteral("name"), kMaxName).trimmed();
    if (!p.ok())
        return call.fail(p.error());
    if (name.isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"name\" must not be blank")));
    m_store.rename(actorOf(call), logId, name, this, replyAndSpread(call));
}

void AttendeeLogService::remove(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid logId = p.requiredUuid(QStringLiteral("logId"));
    if (!p.ok())
        return call.fail(p.error());
    m_store.remove(actorOf(call), logId, this, [this, call, logId](const StoreError &e) {
        if (e)
            return call.fail(e.toRpcError());
        const QJsonObject gone {{QStringLiteral("logId"), logId.toString(QUuid::WithoutBraces)}};
        call.reply(gone);
        // Its gatekeepers are gone with it: whoever may have it on screen hears, by its id only.
        m_relay.publish({Audience::organisation(call.caller().organisationId),
            QStringLiteral("attendeeLogs.changed"),
            QJsonObject {{QStringLiteral("logId"), logId.toString(QUuid::WithoutBraces)},
                {QStringLiteral("deleted"), true}}});
    });
}

void AttendeeLogService::addGatekeeper(const RpcCall &call)
{
    setGatekeeper(call, true);
}

void AttendeeLogService::removeGatekeeper(const RpcCall &call)
{
    setGatekeeper(call, false);
}

void AttendeeLogService::setGatekeeper(const RpcCall &call, bool gatekeeper)
{
    ParamReader p(call.params());
    const QUuid logId = p.requiredUuid(QStringLiteral("logId"));
    const QUuid userId = p.requiredUuid(QStringLiteral("userId"));
    if (!p.ok())
        return call.fail(p.error());
    m_store.setGatekeeper(actorOf(call), logId, userId, gatekeeper, this,
        replyAndSpread(call, gatekeeper ? QUuid() : userId));
}

void AttendeeLogService::attendees(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid logId = p.requiredUuid(QStringLiteral("logId"));
    if (!p.ok())
        return call.fail(p.error());
    m_store.attendees(
        actorOf(call), logId, this, [call](const QList<Attendee> &attendees, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            QJsonArray array;
            for (const Attendee &a : attendees)
                array.append(a.toJson());
            call.reply(QJsonObject {{QStringLiteral("attendees"), array}});
        });
}

void AttendeeLogService::addAttendee(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid logId = p.requiredUuid(QStringLiteral("logId"));
    const QString badge = p.requiredBadge(QStringLiteral("badge"));
    if (!p.ok())
        return call.fail(p.error());
    m_store.addAttendee(actorOf(call), logId, badge, this,
        [this, call, logId](const Attendee &attendee, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("attendee"), attendee.toJson()},
                {QStringLiteral("logId"), logId.toString(QUuid::WithoutBraces)}});
            spreadLater(call.caller().organisationId, logId);
        });
}

void AttendeeLogService::removeAttendee(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid logId = p.requiredUuid(QStringLiteral("logId"));
    const QUuid userId = p.requiredUuid(QStringLiteral("userId"));
    if (!p.ok())
        return call.fail(p.error());
    m_store.removeAttendee(
        actorOf(call), logId, userId, this, [this, call, logId](const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(QJsonObject());
            spreadLater(call.caller().organisationId, logId);
        });
}

} // namespace Muster
