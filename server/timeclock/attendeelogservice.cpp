// See attendeelogservice.h. Who may see or change a log is decided in one place,
// muster_attendee_log_access (migration 0005).
#include "attendeelogservice.h"

#include "protocol/paramreader.h"
#include "replies.h"

namespace Muster {

namespace {

constexpr qsizetype kMaxName = 200;

RpcError nameTaken()
{
    return RpcError::conflict(QStringLiteral("This event already has a log with that name"));
}

} // namespace

AttendeeLogService::AttendeeLogService(Database &db, QObject *parent)
    : QObject(parent)
    , m_query(db)
{ }

void AttendeeLogService::list(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid eventId = p.optionalUuid(QStringLiteral("eventId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_query.run(QByteArray("SELECT CASE WHEN ") + kEventKnown
            + " THEN COALESCE(jsonb_agg(muster_attendee_log_json(l) ORDER BY lower(l.name)),"
              " '[]') END FROM attendee_logs l WHERE l.organisation_id = $1 AND l.event_id ="
              " COALESCE($2::uuid, (SELECT active_event_id FROM organisations WHERE id = $1))"
              " AND ($4 OR EXISTS (SELECT 1 FROM attendee_log_users a WHERE a.organisation_id = $1"
              "  AND a.log_id = l.id AND a.user_id = $3 AND a.kind = 'gatekeeper'))",
        PgParams() << caller.organisationId << eventId << caller.userId
                   << roleAtLeast(caller.role, Role::Manager),
        this, replyWithKeyOrNotFound(call, QStringLiteral("logs"), QStringLiteral("Event")));
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
    const Caller caller = call.caller();
    m_query.transaction(
        {{"WITH ev AS (SELECT (muster_writable_event($1, COALESCE($2::uuid, (SELECT active_event_id"
          "   FROM organisations WHERE id = $1)))).id),"
          " l AS (INSERT INTO attendee_logs (organisation_id, event_id, name)"
          "  SELECT $1, ev.id, $3 FROM ev RETURNING *)"
          " SELECT muster_attendee_log_json(l)"
          " FROM l CROSS JOIN LATERAL muster_audit($1, $4::uuid, 'attendeeLog.create',"
          "  'attendee_log', l.id, NULL, jsonb_build_object('name', l.name))",
            PgParams() << caller.organisationId << eventId << name << caller.userId}},
        this, [call](const QJsonValue &log, const StoreError &e) {
            if (e)
                return call.fail(e.kind == StoreError::Conflict && e.reason.isEmpty()
                        ? nameTaken()
                        : e.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("log"), log}});
        });
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
    const Caller caller = call.caller();
    m_query.transaction(
        {{"WITH old AS (SELECT * FROM muster_attendee_log_access($1, $2, $3, $4, true)),"
          " l AS (UPDATE attendee_logs SET name = $5 FROM old WHERE attendee_logs.id = old.id"
          "  RETURNING attendee_logs.*)"
          " SELECT muster_attendee_log_json(l)"
          " FROM l, old CROSS JOIN LATERAL muster_audit($1, $3::uuid, 'attendeeLog.update',"
          "  'attendee_log', l.id, jsonb_build_object('name', old.name),"
          "  jsonb_build_object('name', l.name))",
            PgParams() << caller.organisationId << logId << caller.userId << roleName(caller.role)
                       << name}},
        this, [call](const QJsonValue &log, const StoreError &e) {
            if (e)
                return call.fail(e.kind == StoreError::Conflict && e.reason.isEmpty()
                        ? nameTaken()
                        : e.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("log"), log}});
        });
}

void AttendeeLogService::remove(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid logId = p.requiredUuid(QStringLiteral("logId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_query.transaction(
        {{"WITH old AS (SELECT * FROM muster_attendee_log_access($1, $2, $3, $4, true)),"
          " l AS (DELETE FROM attendee_logs USING old WHERE attendee_logs.id = old.id"
          "  RETURNING attendee_logs.*)"
          " SELECT jsonb_build_object('logId', l.id)"
          " FROM l CROSS JOIN LATERAL muster_audit($1, $3::uuid, 'attendeeLog.delete',"
          "  'attendee_log', l.id, jsonb_build_object('name', l.name), NULL)",
            PgParams() << caller.organisationId << logId << caller.userId
                       << roleName(caller.role)}},
        this, replyWith(call));
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
    const Caller caller = call.caller();
    const QByteArray change = gatekeeper
        ? "INSERT INTO attendee_log_users (organisation_id, log_id, user_id, kind, added_by)"
          " SELECT $1, l.id, u.id, 'gatekeeper', $3 FROM l, users u"
          " WHERE u.organisation_id = $1 AND u.id = $5 AND u.role <> 'banned'"
          " ON CONFLICT DO NOTHING RETURNING user_id"
        : "DELETE FROM attendee_log_users a USING l WHERE a.organisation_id = $1"
          " AND a.log_id = l.id AND a.user_id = $5 AND a.kind = 'gatekeeper' RETURNING a.user_id";
    // The log is read by a second statement: a statement does not see its own changes.
    m_query.transaction(
        {// Someone of another organisation, or no one, is not a person to add or remove.
            {"SELECT muster_fail('MU404', 'not_found', 'User not found') WHERE NOT EXISTS"
             " (SELECT 1 FROM users WHERE organisation_id = $1 AND id = $2)",
                PgParams() << caller.organisationId << userId},
            {"WITH l AS (SELECT * FROM muster_attendee_log_access($1, $2, $3, $4, false)),"
             " changed AS ("
                    + change
                    + ")"
                      " SELECT count(*) FROM changed CROSS JOIN LATERAL muster_audit($1,"
                      "  $3::uuid, $6, 'attendee_log', $2, NULL,"
                      "  jsonb_build_object('userId', changed.user_id))",
                PgParams() << caller.organisationId << logId << caller.userId
                           << roleName(caller.role) << userId
                           << (gatekeeper ? QStringLiteral("attendeeLog.addGatekeeper")
                                          : QStringLiteral("attendeeLog.removeGatekeeper"))},
            {"SELECT muster_attendee_log_json(l) FROM attendee_logs l WHERE l.organisation_id = $1"
             " AND l.id = $2",
                PgParams() << caller.organisationId << logId}},
        this, [call](const QJsonValue &log, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            if (log.isNull())
                return call.fail(RpcError::notFound(QStringLiteral("Attendee log")));
            call.reply(QJsonObject {{QStringLiteral("log"), log}});
        });
}

void AttendeeLogService::attendees(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid logId = p.requiredUuid(QStringLiteral("logId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_query.run("SELECT COALESCE(jsonb_agg(muster_attendee_json(a) ORDER BY a.added_at), '[]')"
                " FROM muster_attendee_log_access($1, $2, $3, $4, false) l"
                " LEFT JOIN attendee_log_users a ON a.organisation_id = $1 AND a.log_id = l.id"
                "  AND a.kind = 'attendee'",
        PgParams() << caller.organisationId << logId << caller.userId << roleName(caller.role),
        this, [call](const QJsonValue &v, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            QJsonArray attendees;
            for (const QJsonValue &a : v.toArray()) {
                if (!a.isNull()) // the LEFT JOIN's row of an empty log
                    attendees.append(a);
            }
            call.reply(QJsonObject {{QStringLiteral("attendees"), attendees}});
        });
}

void AttendeeLogService::addAttendee(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid logId = p.requiredUuid(QStringLiteral("logId"));
    const QString badge = p.requiredBadge(QStringLiteral("badge"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_query.transaction({{"SELECT muster_add_attendee($1, $2, $3, $4, $5)",
                            PgParams() << caller.organisationId << caller.userId
                                       << roleName(caller.role) << logId << badge}},
        this, replyWith(call));
}

void AttendeeLogService::removeAttendee(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid logId = p.requiredUuid(QStringLiteral("logId"));
    const QUuid userId = p.requiredUuid(QStringLiteral("userId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_query.transaction(
        {{"WITH l AS (SELECT * FROM muster_attendee_log_access($1, $2, $3, $4, true)),"
          " gone AS (DELETE FROM attendee_log_users a USING l WHERE a.organisation_id = $1"
          "  AND a.log_id = l.id AND a.user_id = $5 AND a.kind = 'attendee' RETURNING a.*)"
          " SELECT (SELECT jsonb_build_object('removed', count(*) > 0)"
          "  FROM gone CROSS JOIN LATERAL muster_audit($1, $3::uuid, 'attendee.remove',"
          "   'attendee_log', $2, jsonb_build_object('userId', gone.user_id), NULL))"
          " FROM l",
            PgParams() << caller.organisationId << logId << caller.userId << roleName(caller.role)
                       << userId}},
        this, [call](const QJsonValue &v, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            if (!v[QStringLiteral("removed")].toBool())
                return call.fail(RpcError::notFound(QStringLiteral("Attendee")));
            call.reply(QJsonObject());
        });
}

} // namespace Muster
