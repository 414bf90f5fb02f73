// See eventstore.h.
#include "eventstore.h"

#include "database.h"

namespace Muster {

namespace {

// The columns eventAt() reads, of an events row e; `active` is the caller's expression.
QByteArray eventColumns(const QByteArray &active)
{
    return "e.id, e.name, e.time_zone, floor(extract(epoch FROM e.starts_at) * 1000)::bigint,"
           " floor(extract(epoch FROM e.ends_at) * 1000)::bigint, e.day_boundary_hour,"
           " e.archived, NOT muster_event_open(e), "
        + active;
}

const QByteArray kIsActive = "EXISTS (SELECT 1 FROM organisations o"
                             " WHERE o.id = e.organisation_id AND o.active_event_id = e.id)";

// An event's audited values.
QByteArray auditValues(const QByteArray &row)
{
    return "jsonb_build_object('name', " + row + ".name, 'timeZone', " + row
        + ".time_zone, 'start', muster_iso(" + row + ".starts_at), 'end', muster_iso(" + row
        + ".ends_at), 'dayBoundaryHour', " + row + ".day_boundary_hour, 'archived', " + row
        + ".archived)";
}

Event eventAt(const PgResult &r, int row)
{
    Event e;
    e.id = r.uuid(row, 0);
    e.name = r.text(row, 1);
    e.timeZone = r.text(row, 2);
    e.start = r.timestamp(row, 3);
    e.end = r.timestamp(row, 4);
    e.dayBoundaryHour = int(r.toInt(row, 5));
    e.archived = r.toBool(row, 6);
    e.readOnly = r.toBool(row, 7);
    e.active = r.toBool(row, 8);
    return e;
}

StoreError failureOf(const PgResult &r)
{
    if (r.isUniqueViolation())
        return StoreError::conflict(QStringLiteral("An event with that name already exists"));
    if (r.sqlState() == "23514") // the only check an event can break
        return {StoreError::Invalid, QStringLiteral("\"end\" must be after \"start\""), {}};
    return StoreError::of(r);
}

// Answers the one event the last result holds, NotFound when it holds none.
PgConnection::JobHandler oneEvent(const EventStore::EventHandler &handler)
{
    return [handler](const QList<PgResult> &results) {
        const PgResult &r = results.last();
        if (!r.ok())
            return handler({}, failureOf(r));
        if (r.rows() == 0)
            return handler({}, StoreError::notFound(QStringLiteral("Event")));
        handler(eventAt(r, 0), {});
    };
}

} // namespace

void EventStore::list(const QUuid &org, QObject *context, EventsHandler handler)
{
    m_db.exec("SELECT " + eventColumns(kIsActive)
            + " FROM events e WHERE e.organisation_id = $1 ORDER BY e.starts_at DESC",
        PgParams() << org, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            QList<Event> events;
            events.reserve(r.rows());
            for (int row = 0; row < r.rows(); ++row)
                events.append(eventAt(r, row));
            handler(events, {});
        });
}

void EventStore::find(const QUuid &org, const QUuid &eventId, const QUuid &logId, QObject *context,
    EventHandler handler)
{
    m_db.transaction({{"SELECT " + eventColumns(kIsActive)
                             + " FROM events e WHERE e.organisation_id = $1 AND e.id ="
                               " COALESCE($2::uuid, (SELECT active_event_id FROM organisations"
                               "  WHERE id = $1))"
                               " AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM attendee_logs l"
                               "  WHERE l.organisation_id = $1 AND l.event_id = e.id"
                               "  AND l.id = $3))",
                         PgParams() << org << eventId << logId}},
        context, oneEvent(handler));
}

void EventStore::create(const QUuid &org, const QUuid &actor, const NewEvent &event,
    QObject *context, EventHandler handler)
{
    m_db.transaction(
        {{"WITH e AS (INSERT INTO events (organisation_id, name, time_zone, starts_at,"
          "   ends_at, day_boundary_hour, last_boundary_at)"
          "  VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz, $6::integer,"
          "   muster_last_boundary($3, $6::integer, now())) RETURNING *),"
          " a AS (UPDATE organisations o SET active_event_id = e.id FROM e"
          "  WHERE o.id = $1 AND $7::boolean)"
          " SELECT "
                 + eventColumns("$7::boolean")
                 + " FROM e CROSS JOIN LATERAL muster_audit($1, $8::uuid, 'event.create', 'event',"
                   "  e.id, NULL, jsonb_build_object('name', e.name, 'timeZone', e.time_zone,"
                   "  'start', muster_iso(e.starts_at), 'end', muster_iso(e.ends_at),"
                   "  'active', $7::boolean))",
             PgParams() << org << event.name << event.timeZone << event.start << event.end
                        << event.dayBoundaryHour << event.activate << actor},
            // Set up like the earlier event, in the same transaction: all of it or none.
            {"SELECT muster_copy_event_setup($1, $2, $3, e.id) FROM events e"
             " WHERE e.organisation_id = $1 AND e.name = $4 AND $3::uuid IS NOT NULL",
                PgParams() << org << actor << event.copySetupFrom << event.name},
            {"SELECT " + eventColumns(kIsActive)
                    + " FROM events e WHERE e.organisation_id = $1 AND e.name = $2",
                PgParams() << org << event.name}},
        context, oneEvent(handler));
}

void EventStore::update(const QUuid &org, const QUuid &actor, const QUuid &eventId,
    const Change &change, QObject *context, EventHandler handler)
{
    PgParams params;
    params << org << eventId;
    change.name ? params << *change.name : params << std::nullopt;
    change.timeZone ? params << *change.timeZone : params << std::nullopt;
    change.start ? params << *change.start : params << std::nullopt;
    change.end ? params << *change.end : params << std::nullopt;
    change.dayBoundaryHour ? params << *change.dayBoundaryHour : params << std::nullopt;
    change.archived ? params << *change.archived : params << std::nullopt;
    params << actor;
    // The main query reads organisations as they were before `deactivate`: an event archived
    // now is no longer active.
    m_db.transaction(
        {{"WITH old AS (SELECT * FROM events WHERE organisation_id = $1 AND id = $2 FOR UPDATE),"
          " e AS (UPDATE events SET name = COALESCE($3, events.name),"
          "   time_zone = COALESCE($4, events.time_zone),"
          "   starts_at = COALESCE($5::timestamptz, events.starts_at),"
          "   ends_at = COALESCE($6::timestamptz, events.ends_at),"
          "   day_boundary_hour = COALESCE($7::smallint, events.day_boundary_hour),"
          "   archived = COALESCE($8::boolean, events.archived)"
          "  FROM old WHERE events.id = old.id RETURNING events.*),"
          " deactivate AS (UPDATE organisations o SET active_event_id = NULL FROM e"
          "  WHERE o.id = $1 AND o.active_event_id = e.id AND e.archived)"
          " SELECT "
                + eventColumns(kIsActive + " AND NOT e.archived")
                + " FROM e, old CROSS JOIN LATERAL muster_audit($1, $9::uuid, 'event.update',"
                  "  'event', e.id, "
                + auditValues("old") + ", " + auditValues("e") + ")",
            params}},
        context, oneEvent(handler));
}

void EventStore::activate(const QUuid &org, const QUuid &actor, const QUuid &eventId,
    QObject *context, DoneHandler handler)
{
    m_db.exec("WITH e AS (UPDATE events SET last_boundary_at ="
              "   muster_last_boundary(time_zone, day_boundary_hour, now())"
              "  WHERE organisation_id = $1 AND id = $2 AND NOT archived RETURNING *),"
              " o AS (UPDATE organisations SET active_event_id = $2"
              "  WHERE id = $1 AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM e))"
              "  RETURNING id)"
              " SELECT 1 FROM o CROSS JOIN LATERAL muster_audit($1, $3::uuid, 'event.activate',"
              "  'event', $2, NULL, '{}')",
        PgParams() << org << eventId << actor, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler(StoreError::of(r));
            handler(r.rows() == 0 ? StoreError::notFound(QStringLiteral("Event")) : StoreError());
        });
}

} // namespace Muster
