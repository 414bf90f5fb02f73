// See attendeelogstore.h.
#include "attendeelogstore.h"

#include "database.h"
#include "rowjson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Muster {

namespace {

// The columns logAt() reads, of an attendee_logs row l. Gatekeepers come as [id, name] pairs.
const QByteArray kLogColumns
    = "l.id, l.event_id, l.name,"
      " (SELECT count(*) FROM attendee_log_users a WHERE a.organisation_id = l.organisation_id"
      "   AND a.log_id = l.id AND a.kind = 'attendee'),"
      " (SELECT COALESCE(json_agg(json_build_array(u.id, u.display_name)"
      "   ORDER BY lower(u.display_name)), '[]')"
      "  FROM attendee_log_users a JOIN users u ON u.id = a.user_id"
      "  WHERE a.organisation_id = l.organisation_id AND a.log_id = l.id"
      "   AND a.kind = 'gatekeeper')";

AttendeeLog logAt(const PgResult &r, int row)
{
    AttendeeLog l;
    l.id = r.uuid(row, 0);
    l.eventId = r.uuid(row, 1);
    l.name = r.text(row, 2);
    l.attendees = int(r.toInt(row, 3));
    for (const QJsonValue &pair : QJsonDocument::fromJson(r.bytes(row, 4)).array())
        l.gatekeepers.append({QUuid::fromString(pair[0].toString()), pair[1].toString()});
    return l;
}

Attendee attendeeFromRow(const QJsonObject &json)
{
    const RowJson row(json);
    Attendee a;
    a.userId = row.uuid(u"user_id");
    a.badge = json.value(QStringLiteral("badge")).isNull() ? QString() : row.text(u"badge");
    a.displayName = row.text(u"display_name");
    a.placeholder = row.boolean(u"is_placeholder");
    a.arrivedAt = row.time(u"added_at");
    return a;
}

StoreError failureOf(const PgResult &r)
{
    if (r.isUniqueViolation())
        return StoreError::conflict(QStringLiteral("This event already has a log with that name"));
    return StoreError::of(r);
}

PgParams actorParams(const AttendeeLogStore::Actor &actor, const QUuid &logId)
{
    return PgParams() << actor.organisationId << logId << actor.userId << roleName(actor.role);
}

// Answers the one log the last result holds.
PgConnection::JobHandler oneLog(const AttendeeLogStore::LogHandler &handler)
{
    return [handler](const QList<PgResult> &results) {
        const PgResult &r = results.last();
        if (!r.ok())
            return handler({}, failureOf(r));
        if (r.rows() == 0)
            return handler({}, StoreError::notFound(QStringLiteral("Attendee log")));
        handler(logAt(r, 0), {});
    };
}

} // namespace

void AttendeeLogStore::list(
    const Actor &actor, const QUuid &eventId, QObject *context, LogsHandler handler)
{
    m_db.transaction(
        {{"SELECT muster_fail('MU404', 'not_found', 'Event not found') WHERE $2::uuid IS NOT NULL"
          " AND NOT EXISTS (SELECT 1 FROM events x WHERE x.organisation_id = $1 AND x.id = $2)",
             PgParams() << actor.organisationId << eventId},
            {"SELECT " + kLogColumns
                    + " FROM attendee_logs l WHERE l.organisation_id = $1 AND l.event_id ="
                      " COALESCE($2::uuid, (SELECT active_event_id FROM organisations"
                      "  WHERE id = $1))"
                      " AND ($4 OR EXISTS (SELECT 1 FROM attendee_log_users a"
                      "  WHERE a.organisation_id = $1 AND a.log_id = l.id AND a.user_id = $3"
                      "  AND a.kind = 'gatekeeper'))"
                      " ORDER BY lower(l.name)",
                PgParams() << actor.organisationId << eventId << actor.userId
                           << roleAtLeast(actor.role, Role::Manager)}},
        context, [handler](const QList<PgResult> &results) {
            const PgResult &r = results.last();
            if (!r.ok())
                return handler({}, StoreError::of(r));
            QList<AttendeeLog> logs;
            logs.reserve(r.rows());
            for (int row = 0; row < r.rows(); ++row)
                logs.append(logAt(r, row));
            handler(logs, {});
        });
}

void AttendeeLogStore::create(const Actor &actor, const QUuid &eventId, const QString &name,
    QObject *context, LogHandler handler)
{
    m_db.transaction(
        {{"WITH ev AS (SELECT (muster_writable_event($1, COALESCE($2::uuid, (SELECT"
          "   active_event_id FROM organisations WHERE id = $1)))).id),"
          " l AS (INSERT INTO attendee_logs (organisation_id, event_id, name)"
          "  SELECT $1, ev.id, $3 FROM ev RETURNING *)"
          " SELECT "
                + kLogColumns
                + " FROM l CROSS JOIN LATERAL muster_audit($1, $4::uuid, 'attendeeLog.create',"
                  "  'attendee_log', l.id, NULL, jsonb_build_object('name', l.name))",
            PgParams() << actor.organisationId << eventId << name << actor.userId}},
        context, oneLog(handler));
}

void AttendeeLogStore::rename(const Actor &actor, const QUuid &logId, const QString &name,
    QObject *context, LogHandler handler)
{
    m_db.transaction(
        {{"WITH old AS (SELECT * FROM muster_attendee_log_access($1, $2, $3, $4, true)),"
          " l AS (UPDATE attendee_logs SET name = $5 FROM old WHERE attendee_logs.id = old.id"
          "  RETURNING attendee_logs.*)"
          " SELECT "
                + kLogColumns
                + " FROM l, old CROSS JOIN LATERAL muster_audit($1, $3::uuid,"
                  "  'attendeeLog.update', 'attendee_log', l.id,"
                  "  jsonb_build_object('name', old.name), jsonb_build_object('name', l.name))",
            actorParams(actor, logId) << name}},
        context, oneLog(handler));
}

void AttendeeLogStore::remove(
    const Actor &actor, const QUuid &logId, QObject *context, DoneHandler handler)
{
    m_db.exec("WITH old AS (SELECT * FROM muster_attendee_log_access($1, $2, $3, $4, true)),"
              " l AS (DELETE FROM attendee_logs USING old WHERE attendee_logs.id = old.id"
              "  RETURNING attendee_logs.*)"
              " SELECT 1 FROM l CROSS JOIN LATERAL muster_audit($1, $3::uuid,"
              "  'attendeeLog.delete', 'attendee_log', l.id, jsonb_build_object('name', l.name),"
              "  NULL)",
        actorParams(actor, logId), context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler(StoreError::of(r));
            handler(r.rows() == 0 ? StoreError::notFound(QStringLiteral("Attendee log"))
                                  : StoreError());
        });
}

void AttendeeLogStore::setGatekeeper(const Actor &actor, const QUuid &logId, const QUuid &userId,
    bool keeper, QObject *context, LogHandler handler)
{
    const QByteArray change = keeper
        ? "INSERT INTO attendee_log_users (organisation_id, log_id, user_id, kind, added_by)"
          " SELECT $1, l.id, u.id, 'gatekeeper', $3 FROM l, users u"
          " WHERE u.organisation_id = $1 AND u.id = $5 AND u.role <> 'banned'"
          " ON CONFLICT DO NOTHING RETURNING user_id"
        : "DELETE FROM attendee_log_users a USING l WHERE a.organisation_id = $1"
          " AND a.log_id = l.id AND a.user_id = $5 AND a.kind = 'gatekeeper' RETURNING a.user_id";
    m_db.transaction(
        {// Someone of another organisation, or no one, is not a person to add or remove.
            {"SELECT muster_fail('MU404', 'not_found', 'User not found') WHERE NOT EXISTS"
             " (SELECT 1 FROM users WHERE organisation_id = $1 AND id = $2)",
                PgParams() << actor.organisationId << userId},
            {"WITH l AS (SELECT * FROM muster_attendee_log_access($1, $2, $3, $4, false)),"
             " changed AS ("
                    + change
                    + ")"
                      " SELECT count(*) FROM changed CROSS JOIN LATERAL muster_audit($1,"
                      "  $3::uuid, $6, 'attendee_log', $2, NULL,"
                      "  jsonb_build_object('userId', changed.user_id))",
                actorParams(actor, logId)
                    << userId
                    << (keeper ? QStringLiteral("attendeeLog.addGatekeeper")
                               : QStringLiteral("attendeeLog.removeGatekeeper"))},
            {"SELECT " + kLogColumns
                    + " FROM attendee_logs l WHERE l.organisation_id = $1 AND l.id = $2",
                PgParams() << actor.organisationId << logId}},
        context, oneLog(handler));
}

void AttendeeLogStore::log(
    const QUuid &org, const QUuid &logId, QObject *context, LogHandler handler)
{
    m_db.transaction({{"SELECT " + kLogColumns
                             + " FROM attendee_logs l WHERE l.organisation_id = $1 AND l.id = $2",
                         PgParams() << org << logId}},
        context, oneLog(handler));
}

void AttendeeLogStore::attendees(
    const Actor &actor, const QUuid &logId, QObject *context, AttendeesHandler handler)
{
    // The LEFT JOIN answers one row for an empty log the actor may see, none for one they may
    // not (the access check fails then).
    m_db.exec("SELECT muster_attendee_row(a)"
              " FROM muster_attendee_log_access($1, $2, $3, $4, false) l"
              " LEFT JOIN attendee_log_users a ON a.organisation_id = $1 AND a.log_id = l.id"
              "  AND a.kind = 'attendee'"
              " ORDER BY a.added_at",
        actorParams(actor, logId), context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            QList<Attendee> attendees;
            for (int row = 0; row < r.rows(); ++row) {
                if (!r.isNull(row, 0))
                    attendees.append(
                        attendeeFromRow(QJsonDocument::fromJson(r.bytes(row, 0)).object()));
            }
            handler(attendees, {});
        });
}

void AttendeeLogStore::addAttendee(const Actor &actor, const QUuid &logId, const QString &badge,
    QObject *context, AttendeeHandler handler)
{
    m_db.exec("SELECT muster_add_attendee($1, $2, $3, $4, $5)",
        PgParams() << actor.organisationId << actor.userId << roleName(actor.role) << logId
                   << badge,
        context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            const QJsonObject answer = QJsonDocument::fromJson(r.bytes(0, 0)).object();
            handler(attendeeFromRow(answer.value(QStringLiteral("attendee")).toObject()), {});
        });
}

void AttendeeLogStore::removeAttendee(const Actor &actor, const QUuid &logId, const QUuid &userId,
    QObject *context, DoneHandler handler)
{
    m_db.exec("WITH l AS (SELECT * FROM muster_attendee_log_access($1, $2, $3, $4, true)),"
              " gone AS (DELETE FROM attendee_log_users a USING l WHERE a.organisation_id = $1"
              "  AND a.log_id = l.id AND a.user_id = $5 AND a.kind = 'attendee' RETURNING a.*)"
              " SELECT (SELECT count(*)"
              "  FROM gone CROSS JOIN LATERAL muster_audit($1, $3::uuid, 'attendee.remove',"
              "   'attendee_log', $2, jsonb_build_object('userId', gone.user_id), NULL))"
              " FROM l",
        actorParams(actor, logId) << userId, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler(StoreError::of(r));
            handler(r.rows() == 0 || r.toInt(0, 0) == 0
                    ? StoreError::notFound(QStringLiteral("Attendee"))
                    : StoreError());
        });
}

} // namespace Muster
