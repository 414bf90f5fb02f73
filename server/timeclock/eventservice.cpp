// See eventservice.h.
#include "eventservice.h"

#include "cluster/pushrelay.h"
#include "net/rpccall.h"
#include "protocol/paramreader.h"
#include "util/logging.h"

#include <QJsonArray>
#include <QTimeZone>

namespace Muster {

namespace {

constexpr qsizetype kMaxName = 200;

bool knownTimeZone(const QString &zone)
{
    return QTimeZone::isTimeZoneIdAvailable(zone.toUtf8());
}

QJsonArray eventsJson(const QList<Event> &events)
{
    QJsonArray array;
    for (const Event &e : events)
        array.append(e.toJson());
    return array;
}

// Answers {"event": …} or the failure.
EventStore::EventHandler replyWithEvent(const RpcCall &call, std::function<void()> then)
{
    return [call, then = std::move(then)](const Event &event, const StoreError &error) {
        if (error)
            return call.fail(error.toRpcError());
        call.reply(QJsonObject {{QStringLiteral("event"), event.toJson()}});
        then();
    };
}

} // namespace

EventService::EventService(Database &db, PushRelay &relay, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_relay(relay)
{ }

void EventService::pushEvents(const QUuid &org)
{
    m_store.list(org, this, [this, org](const QList<Event> &events, const StoreError &error) {
        if (error) {
            qCWarning(lcRpc) << "events not pushed:" << error.message;
            return;
        }
        m_relay.publish({Audience::organisation(org), QStringLiteral("events.changed"),
            {{QStringLiteral("events"), eventsJson(events)}}});
    });
}

void EventService::list(const RpcCall &call)
{
    m_store.list(call.caller().organisationId, this,
        [call](const QList<Event> &events, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("events"), eventsJson(events)}});
        });
}

void EventService::create(const RpcCall &call)
{
    ParamReader p(call.params());
    EventStore::NewEvent event;
    event.name = p.requiredString(QStringLiteral("name"), kMaxName).trimmed();
    event.timeZone = p.requiredString(QStringLiteral("timeZone"), 64);
    event.start = p.requiredTime(QStringLiteral("start"));
    event.end = p.requiredTime(QStringLiteral("end"));
    event.dayBoundaryHour
        = int(p.optionalInt(QStringLiteral("dayBoundaryHour"), 0, 23).value_or(4));
    event.activate = p.optionalBool(QStringLiteral("activate")).value_or(false);
    event.copySetupFrom = p.optionalUuid(QStringLiteral("copySetupFrom"));
    if (!p.ok())
        return call.fail(p.error());
    if (event.name.isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"name\" must not be blank")));
    if (!knownTimeZone(event.timeZone))
        return call.fail(RpcError::invalidParams(
            QStringLiteral("\"timeZone\" must be a time zone like Europe/Berlin")));
    if (event.end <= event.start)
        return call.fail(
            RpcError::invalidParams(QStringLiteral("\"end\" must be after \"start\"")));

    const Caller caller = call.caller();
    m_store.create(caller.organisationId, caller.userId, event, this,
        replyWithEvent(call, [this, org = caller.organisationId] { pushEvents(org); }));
}

void EventService::update(const RpcCall &call)
{
    const QJsonObject &params = call.params();
    ParamReader p(params);
    const QUuid eventId = p.requiredUuid(QStringLiteral("eventId"));
    EventStore::Change change;
    if (params.contains(QStringLiteral("name")))
        change.name = p.requiredString(QStringLiteral("name"), kMaxName).trimmed();
    if (params.contains(QStringLiteral("timeZone")))
        change.timeZone = p.requiredString(QStringLiteral("timeZone"), 64);
    if (params.contains(QStringLiteral("start")))
        change.start = p.requiredTime(QStringLiteral("start"));
    if (params.contains(QStringLiteral("end")))
        change.end = p.requiredTime(QStringLiteral("end"));
    if (const auto hour = p.optionalInt(QStringLiteral("dayBoundaryHour"), 0, 23))
        change.dayBoundaryHour = int(*hour);
    change.archived = p.optionalBool(QStringLiteral("archived"));
    if (!p.ok())
        return call.fail(p.error());
    if (change.name && change.name->isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"name\" must not be blank")));
    if (change.timeZone && !knownTimeZone(*change.timeZone))
        return call.fail(RpcError::invalidParams(
            QStringLiteral("\"timeZone\" must be a time zone like Europe/Berlin")));

    const Caller caller = call.caller();
    m_store.update(caller.organisationId, caller.userId, eventId, change, this,
        replyWithEvent(call, [this, org = caller.organisationId] { pushEvents(org); }));
}

void EventService::activate(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid eventId = p.optionalUuid(QStringLiteral("eventId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_store.activate(caller.organisationId, caller.userId, eventId, this,
        [this, call, eventId, org = caller.organisationId](const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("activeEventId"),
                eventId.isNull() ? QJsonValue() : eventId.toString(QUuid::WithoutBraces)}});
            pushEvents(org);
        });
}

} // namespace Muster
