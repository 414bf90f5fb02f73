// See attendeelogservice.h.
#include "attendeelogservice.h"

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

// Answers {"log": …} or the failure.
AttendeeLogStore::LogHandler replyWithLog(const RpcCall &call)
{
    return [call](const AttendeeLog &log, const StoreError &e) {
        if (e)
            return call.fail(e.toRpcError());
        call.reply(QJsonObject {{QStringLiteral("log"), log.toJson()}});
    };
}

} // namespace

AttendeeLogService::AttendeeLogService(Database &db, QObject *parent)
    : QObject(parent)
    , m_store(db)
{ }

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
    m_store.create(actorOf(call), eventId, name, this, replyWithLog(call));
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
    m_store.rename(actorOf(call), logId, name, this, replyWithLog(call));
}

void AttendeeLogService::remove(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid logId = p.requiredUuid(QStringLiteral("logId"));
    if (!p.ok())
        return call.fail(p.error());
    m_store.remove(actorOf(call), logId, this, [call, logId](const StoreError &e) {
        if (e)
            return call.fail(e.toRpcError());
        call.reply(QJsonObject {{QStringLiteral("logId"), logId.toString(QUuid::WithoutBraces)}});
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
    m_store.setGatekeeper(actorOf(call), logId, userId, gatekeeper, this, replyWithLog(call));
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
        [call, logId](const Attendee &attendee, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("attendee"), attendee.toJson()},
                {QStringLiteral("logId"), logId.toString(QUuid::WithoutBraces)}});
        });
}

void AttendeeLogService::removeAttendee(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid logId = p.requiredUuid(QStringLiteral("logId"));
    const QUuid userId = p.requiredUuid(QStringLiteral("userId"));
    if (!p.ok())
        return call.fail(p.error());
    m_store.removeAttendee(actorOf(call), logId, userId, this, [call](const StoreError &e) {
        if (e)
            return call.fail(e.toRpcError());
        call.reply(QJsonObject());
    });
}

} // namespace Muster
