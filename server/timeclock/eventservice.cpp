// See eventservice.h.
#include "eventservice.h"

#include "cluster/pushrelay.h"
#include "protocol/paramreader.h"
#include "replies.h"
#include "util/logging.h"

#include <QTimeZone>

namespace Muster {

namespace {

constexpr qsizetype kMaxName = 200;

const QByteArray kListSql
    = "SELECT COALESCE(jsonb_agg(muster_event_json(e) ORDER BY e.starts_at DESC), '[]')"
      " FROM events e WHERE e.organisation_id = $1";

bool knownTimeZone(const QString &zone)
{
    return QTimeZone::isTimeZoneIdAvailable(zone.toUtf8());
}

} // namespace

EventService::EventService(Database &db, PushRelay &relay, QObject *parent)
    : QObject(parent)
    , m_query(db)
    , m_relay(relay)
{ }

void EventService::pushEvents(const QUuid &org)
{
    m_query.run(kListSql, PgParams() << org, this,
        [this, org](const QJsonValue &events, const StoreError &error) {
            if (error) {
                qCWarning(lcRpc) << "events not pushed:" << error.message;
                return;
            }
            m_relay.publish({Audience::organisation(org), QStringLiteral("events.changed"),
                {{QStringLiteral("events"), events}}});
        });
}

void EventService::list(const RpcCall &call)
{
    m_query.run(kListSql, PgParams() << call.caller().organisationId, this,
        replyWithKey(call, QStringLiteral("events")));
}

void EventService::create(const RpcCall &call)
{
    ParamReader p(call.params());
    const QString name = p.requiredString(QStringLiteral("name"), kMaxName).trimmed();
    const QString zone = p.requiredString(QStringLiteral("timeZone"), 64);
    const QDateTime start = p.requiredTime(QStringLiteral("start"));
    const QDateTime end = p.requiredTime(QStringLiteral("end"));
    const qint64 boundary = p.optionalInt(QStringLiteral("dayBoundaryHour"), 0, 23).value_or(4);
    const bool activate = p.optionalBool(QStringLiteral("activate")).value_or(false);
    if (!p.ok())
        return call.fail(p.error());
    if (name.isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"name\" must not be blank")));
    if (!knownTimeZone(zone))
        return call.fail(RpcError::invalidParams(
            QStringLiteral("\"timeZone\" must be a time zone like Europe/Berlin")));
    if (end <= start)
        return call.fail(
            RpcError::invalidParams(QStringLiteral("\"end\" must be after \"start\"")));

    const Caller caller = call.caller();
    QList<PgStatement> statements;
    statements.append(
        {"WITH e AS (INSERT INTO events (organisation_id, name, time_zone, starts_at,"
         "   ends_at, day_boundary_hour, last_boundary_at)"
         "  VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz, $6::integer,"
         "   muster_last_boundary($3, $6::integer, now())) RETURNING *),"
         " a AS (UPDATE organisations o SET active_event_id = e.id FROM e"
         "  WHERE o.id = $1 AND $7::boolean),"
         " audit AS (INSERT INTO activities (organisation_id, actor_id, action,"
         "   subject_type, subject_id, new_value)"
         "  SELECT $1, $8::uuid, 'event.create', 'event', e.id,"
         "   jsonb_build_object('name', e.name, 'timeZone', e.time_zone, 'start',"
         "    muster_iso(e.starts_at), 'end', muster_iso(e.ends_at), 'active', $7) FROM e)"
         " SELECT muster_event_json(e) || jsonb_build_object('active', $7) FROM e",
            PgParams() << caller.organisationId << name << zone << isoTime(start) << isoTime(end)
                       << boundary << activate << caller.userId});
    m_query.transaction(statements, this,
        [this, call, org = caller.organisationId](
            const QJsonValue &event, const StoreError &error) {
            if (error) {
                return call.fail(error.kind == StoreError::Conflict ? RpcError::conflict(
                                     QStringLiteral("An event with that name already exists"))
                                                                    : error.toRpcError());
            }
            call.reply(QJsonObject {{QStringLiteral("event"), event}});
            pushEvents(org);
        });
}

void EventService::update(const RpcCall &call)
{
    const QJsonObject &params = call.params();
    ParamReader p(params);
    const QUuid eventId = p.requiredUuid(QStringLiteral("eventId"));
    std::optional<QString> name;
    if (params.contains(QStringLiteral("name")))
        name = p.requiredString(QStringLiteral("name"), kMaxName).trimmed();
    std::optional<QString> zone;
    if (params.contains(QStringLiteral("timeZone")))
        zone = p.requiredString(QStringLiteral("timeZone"), 64);
    const std::optional<QDateTime> start = params.contains(QStringLiteral("start"))
        ? std::optional(p.requiredTime(QStringLiteral("start")))
        : std::nullopt;
    const std::optional<QDateTime> end = params.contains(QStringLiteral("end"))
        ? std::optional(p.requiredTime(QStringLiteral("end")))
        : std::nullopt;
    const std::optional<qint64> boundary = p.optionalInt(QStringLiteral("dayBoundaryHour"), 0, 23);
    const std::optional<bool> archived = p.optionalBool(QStringLiteral("archived"));
    if (!p.ok())
        return call.fail(p.error());
    if (name && name->isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"name\" must not be blank")));
    if (zone && !knownTimeZone(*zone))
        return call.fail(RpcError::invalidParams(
            QStringLiteral("\"timeZone\" must be a time zone like Europe/Berlin")));

    const Caller caller = call.caller();
    PgParams sqlParams;
    sqlParams << caller.organisationId << eventId;
    name ? sqlParams << *name : sqlParams << std::nullopt;
    zone ? sqlParams << *zone : sqlParams << std::nullopt;
    start ? sqlParams << isoTime(*start) : sqlParams << std::nullopt;
    end ? sqlParams << isoTime(*end) : sqlParams << std::nullopt;
    boundary ? sqlParams << *boundary : sqlParams << std::nullopt;
    archived ? sqlParams << *archived : sqlParams << std::nullopt;
    sqlParams << caller.userId;
    QList<PgStatement> statements;
    statements.append(
        {"WITH old AS (SELECT * FROM events WHERE organisation_id = $1 AND id = $2 FOR UPDATE),"
         " e AS (UPDATE events SET name = COALESCE($3, events.name),"
         "   time_zone = COALESCE($4, events.time_zone),"
         "   starts_at = COALESCE($5::timestamptz, events.starts_at),"
         "   ends_at = COALESCE($6::timestamptz, events.ends_at),"
         "   day_boundary_hour = COALESCE($7::smallint, events.day_boundary_hour),"
         "   archived = COALESCE($8::boolean, events.archived)"
         "  FROM old WHERE events.id = old.id RETURNING events.*),"
         " deactivate AS (UPDATE organisations o SET active_event_id = NULL FROM e"
         "  WHERE o.id = $1 AND o.active_event_id = e.id AND e.archived),"
         " audit AS (INSERT INTO activities (organisation_id, actor_id, action, subject_type,"
         "   subject_id, old_value, new_value)"
         "  SELECT $1, $9::uuid, 'event.update', 'event', e.id,"
         "   jsonb_build_object('name', old.name, 'timeZone', old.time_zone, 'start',"
         "    muster_iso(old.starts_at), 'end', muster_iso(old.ends_at), 'dayBoundaryHour',"
         "    old.day_boundary_hour, 'archived', old.archived),"
         "   jsonb_build_object('name', e.name, 'timeZone', e.time_zone, 'start',"
         "    muster_iso(e.starts_at), 'end', muster_iso(e.ends_at), 'dayBoundaryHour',"
         "    e.day_boundary_hour, 'archived', e.archived) FROM e, old)"
         " SELECT muster_event_json(e) || jsonb_build_object('active', (SELECT"
         "  COALESCE(o.active_event_id = e.id, false) AND NOT e.archived FROM organisations o"
         "  WHERE o.id = $1))"
         " FROM e",
            sqlParams});
    m_query.transaction(statements, this,
        [this, call, org = caller.organisationId](
            const QJsonValue &event, const StoreError &error) {
            if (error) {
                if (error.kind == StoreError::Invalid) // the only check an edit can break
                    return call.fail(
                        RpcError::invalidParams(QStringLiteral("\"end\" must be after \"start\"")));
                return call.fail(error.kind == StoreError::Conflict ? RpcError::conflict(
                                     QStringLiteral("An event with that name already exists"))
                                                                    : error.toRpcError());
            }
            if (event.isNull())
                return call.fail(RpcError::notFound(QStringLiteral("Event")));
            call.reply(QJsonObject {{QStringLiteral("event"), event}});
            pushEvents(org);
        });
}

void EventService::activate(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid eventId = p.optionalUuid(QStringLiteral("eventId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    QList<PgStatement> statements;
    // Boundaries before the activation are not applied after the fact.
    statements.append({"WITH e AS (UPDATE events SET last_boundary_at ="
                       "   muster_last_boundary(time_zone, day_boundary_hour, now())"
                       "  WHERE organisation_id = $1 AND id = $2 AND NOT archived RETURNING *),"
                       " o AS (UPDATE organisations SET active_event_id = $2"
                       "  WHERE id = $1 AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM e))"
                       "  RETURNING id),"
                       " audit AS (INSERT INTO activities (organisation_id, actor_id, action,"
                       "   subject_type, subject_id, new_value)"
                       "  SELECT $1, $3::uuid, 'event.activate', 'event', $2, '{}' FROM o)"
                       " SELECT jsonb_build_object('activeEventId', $2::uuid) FROM o",
        PgParams() << caller.organisationId << eventId << caller.userId});
    m_query.transaction(statements, this,
        [this, call, org = caller.organisationId](
            const QJsonValue &result, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            if (result.isNull())
                return call.fail(RpcError::notFound(QStringLiteral("Event")));
            call.reply(result);
            pushEvents(org);
        });
}

} // namespace Muster
