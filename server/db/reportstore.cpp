// See reportstore.h. Hours and teams read the running totals (time_totals), so an event with a
// million entries reports from a few thousand rows; they count finished entries. Times are shown
// in the event's time zone, as the people who worked them saw the clock.
#include "reportstore.h"

#include "database.h"
#include "pgstatement.h"
#include "pgsyncconnection.h"

#include <QJsonDocument>

namespace Muster {

namespace {

const QByteArray kLocal = "'YYYY-MM-DD HH24:MI'";

std::optional<PgStatement> statementFor(
    const QString &type, const QUuid &org, const QUuid &eventId, const ReportOptions &options);

Report reportOf(const PgResult &r)
{
    return Report::fromJson(QJsonDocument::fromJson(r.bytes(0, 0)).object());
}

} // namespace

const QStringList &ReportStore::types()
{
    static const QStringList all {QStringLiteral("hours"), QStringLiteral("teams"),
        QStringLiteral("onshift"), QStringLiteral("unclocked"), QStringLiteral("rewards"),
        QStringLiteral("attendees"), QStringLiteral("audit")};
    return all;
}

void ReportStore::run(const QString &type, const QUuid &org, const QUuid &eventId,
    const ReportOptions &options, QObject *context, ReportHandler handler)
{
    const std::optional<PgStatement> statement = statementFor(type, org, eventId, options);
    if (!statement)
        return handler({}, {StoreError::Invalid, QStringLiteral("No such report"), {}});
    m_db.exec(statement->sql, statement->params, context, [handler](const PgResult &r) {
        if (!r.ok())
            return handler({}, StoreError::of(r));
        handler(reportOf(r), {});
    });
}

std::optional<Report> ReportStore::run(PgSyncConnection &db, const QString &type, const QUuid &org,
    const QUuid &eventId, const ReportOptions &options, StoreError *error)
{
    const std::optional<PgStatement> statement = statementFor(type, org, eventId, options);
    if (!statement) {
        *error = {StoreError::Invalid, QStringLiteral("No such report"), {}};
        return std::nullopt;
    }
    const PgResult r = db.exec(statement->sql, statement->params);
    if (!r.ok()) {
        *error = StoreError::of(r);
        return std::nullopt;
    }
    return reportOf(r);
}

namespace {

std::optional<PgStatement> statementFor(
    const QString &type, const QUuid &org, const QUuid &eventId, const ReportOptions &options)
{
    PgParams params;
    params << org << eventId;
    if (type == QLatin1String("hours")) {
        params << options.minHours;
        return PgStatement {
            "WITH per_user AS ("
            "  SELECT t.user_id, sum(t.worked_seconds) AS worked, sum(t.earned_seconds) AS earned,"
            "   string_agg(DISTINCT tm.name, ', ') AS teams"
            "  FROM time_totals t JOIN teams tm ON tm.id = t.team_id"
            "  WHERE t.organisation_id = $1 AND t.event_id = $2 AND t.entries > 0"
            "  GROUP BY t.user_id HAVING sum(t.worked_seconds) > $3::numeric * 3600)"
            " SELECT jsonb_build_object("
            "  'columns', jsonb_build_array('Badge', 'Name', 'Hours worked', 'Hours earned', "
            "'Teams'),"
            "  'rows', COALESCE(jsonb_agg(jsonb_build_array(u.badge, u.display_name,"
            "    round(p.worked / 3600, 2), round(p.earned / 3600, 2), p.teams)"
            "    ORDER BY p.earned DESC, lower(u.display_name)), '[]'),"
            "  'totals', jsonb_build_array(NULL, 'Total (' || count(p.*) || ' people)',"
            "    round(COALESCE(sum(p.worked), 0) / 3600, 2), round(COALESCE(sum(p.earned), 0) / "
            "3600, 2),"
            "    NULL))"
            " FROM per_user p JOIN users u ON u.organisation_id = $1 AND u.id = p.user_id",
            params};
    }
    if (type == QLatin1String("teams")) {
        return PgStatement {
            "WITH per_team AS ("
            "  SELECT t.team_id, sum(t.worked_seconds) AS worked, count(DISTINCT t.user_id) AS "
            "people,"
            "   sum(t.entries) AS entries"
            "  FROM time_totals t WHERE t.organisation_id = $1 AND t.event_id = $2 AND t.entries > "
            "0"
            "  GROUP BY t.team_id),"
            " everyone AS (SELECT count(DISTINCT user_id) AS people FROM time_totals"
            "  WHERE organisation_id = $1 AND event_id = $2 AND entries > 0)"
            " SELECT jsonb_build_object("
            "  'columns', jsonb_build_array('Team', 'Hours', 'Volunteers', 'Entries'),"
            "  'rows', COALESCE(jsonb_agg(jsonb_build_array(tm.name, round(p.worked / 3600, 2),"
            "    p.people, p.entries) ORDER BY lower(tm.name)), '[]'),"
            "  'totals', jsonb_build_array('Total', round(COALESCE(sum(p.worked), 0) / 3600, 2),"
            "    (SELECT people FROM everyone), COALESCE(sum(p.entries), 0)))"
            " FROM per_team p JOIN teams tm ON tm.organisation_id = $1 AND tm.id = p.team_id",
            params};
    }
    if (type == QLatin1String("onshift")) {
        // Hour by hour on the event's clocks, from the first shift to the last (or now): how
        // many people were on shift during it, and the hours they worked in it.
        return PgStatement {
            "WITH ev AS (SELECT * FROM events WHERE organisation_id = $1 AND id = $2),"
            " span AS (SELECT ev.time_zone AS tz,"
            "   date_trunc('hour', min(e.start_at) AT TIME ZONE ev.time_zone) AS first_hour,"
            "   date_trunc('hour', max(COALESCE(e.stop_at, now())) AT TIME ZONE ev.time_zone)"
            "    AS last_hour"
            "  FROM ev JOIN time_entries e ON e.organisation_id = $1 AND e.event_id = ev.id"
            "  GROUP BY ev.time_zone),"
            " hours AS (SELECT h AS local_hour, h AT TIME ZONE span.tz AS from_at"
            "  FROM span, generate_series(span.first_hour, span.last_hour, interval '1 hour') h),"
            " counted AS (SELECT hours.local_hour, count(DISTINCT e.user_id) AS people,"
            // (greatest and least skip NULLs: an hour without anyone must add nothing.)
            "   COALESCE(sum(extract(epoch FROM least(COALESCE(e.stop_at, now()),"
            "    hours.from_at + interval '1 hour') - greatest(e.start_at, hours.from_at)))"
            "    FILTER (WHERE e.id IS NOT NULL), 0) AS worked"
            "  FROM hours LEFT JOIN time_entries e ON e.organisation_id = $1 AND e.event_id = $2"
            "   AND e.start_at < hours.from_at + interval '1 hour'"
            "   AND COALESCE(e.stop_at, now()) > hours.from_at"
            "  GROUP BY hours.local_hour)"
            " SELECT jsonb_build_object("
            "  'columns', jsonb_build_array('Hour', 'On shift', 'Hours worked'),"
            "  'rows', COALESCE(jsonb_agg(jsonb_build_array(to_char(local_hour, "
                + kLocal
                + "),"
                  "    people, round(worked / 3600, 2)) ORDER BY local_hour), '[]'),"
                  "  'totals', jsonb_build_array('Most at once', COALESCE(max(people), 0),"
                  "    round(COALESCE(sum(worked), 0) / 3600, 2)))"
                  " FROM counted",
            params};
    }
    if (type == QLatin1String("unclocked")) {
        return PgStatement {
            "SELECT jsonb_build_object("
            "  'columns', jsonb_build_array('Badge', 'Name', 'Team', 'Check-in', 'Automatic "
            "check-out'),"
            "  'rows', COALESCE(jsonb_agg(jsonb_build_array(u.badge, u.display_name, tm.name,"
            "    to_char(e.start_at AT TIME ZONE ev.time_zone, "
                + kLocal
                + "),"
                  "    to_char(e.stop_at AT TIME ZONE ev.time_zone, "
                + kLocal
                + "))"
                  "    ORDER BY e.start_at), '[]'),"
                  "  'totals', jsonb_build_array(NULL, count(e.*) || ' entries', NULL, NULL, NULL))"
                  " FROM events ev JOIN time_entries e ON e.organisation_id = ev.organisation_id"
                  "  AND e.event_id = ev.id AND e.auto_stopped"
                  " JOIN users u ON u.id = e.user_id JOIN teams tm ON tm.id = e.team_id"
                  " WHERE ev.organisation_id = $1 AND ev.id = $2",
            params};
    }
    if (type == QLatin1String("rewards")) {
        return PgStatement {
            "WITH earned AS (SELECT user_id, sum(earned_seconds) AS seconds FROM time_totals"
            "  WHERE organisation_id = $1 AND event_id = $2 GROUP BY user_id),"
            " lines AS (SELECT r.name AS reward, r.threshold_hours, u.badge, u.display_name,"
            "   COALESCE(e.seconds, 0) AS seconds, c.claimed_at, cb.display_name AS claimed_by,"
            "   (SELECT time_zone FROM events WHERE id = $2) AS zone"
            "  FROM rewards r CROSS JOIN earned e JOIN users u ON u.id = e.user_id"
            "  LEFT JOIN reward_claims c ON c.organisation_id = $1 AND c.reward_id = r.id"
            "   AND c.user_id = e.user_id"
            "  LEFT JOIN users cb ON cb.id = c.claimed_by"
            "  WHERE r.organisation_id = $1 AND r.event_id = $2"
            "   AND (e.seconds > r.threshold_hours * 3600 OR c.user_id IS NOT NULL))"
            " SELECT jsonb_build_object("
            "  'columns', jsonb_build_array('Reward', 'Threshold (h)', 'Badge', 'Name',"
            "   'Hours earned', 'Claimed', 'Claimed at', 'Claimed by'),"
            "  'rows', COALESCE(jsonb_agg(jsonb_build_array(l.reward, l.threshold_hours, l.badge,"
            "    l.display_name, round(l.seconds / 3600, 2),"
            "    CASE WHEN l.claimed_at IS NULL THEN 'no' ELSE 'yes' END,"
            "    to_char(l.claimed_at AT TIME ZONE l.zone, "
                + kLocal
                + "), l.claimed_by)"
                  "    ORDER BY l.threshold_hours, lower(l.reward), lower(l.display_name)), '[]'),"
                  "  'totals', jsonb_build_array('Total', NULL, NULL, count(l.*) || ' eligible', "
                  "NULL,"
                  "    count(l.claimed_at) || ' claimed', NULL, NULL))"
                  " FROM lines l",
            params};
    }
    if (type == QLatin1String("attendees")) {
        params << options.logId;
        return PgStatement {
            "SELECT jsonb_build_object("
            "  'columns', jsonb_build_array('Log', 'Badge', 'Name', 'Arrival'),"
            "  'rows', COALESCE(jsonb_agg(jsonb_build_array(l.name, u.badge, u.display_name,"
            "    to_char(a.added_at AT TIME ZONE ev.time_zone, "
                + kLocal
                + "))"
                  "    ORDER BY lower(l.name), a.added_at), '[]'),"
                  "  'totals', jsonb_build_array('Total', NULL, count(a.*) || ' attendees', NULL))"
                  " FROM events ev JOIN attendee_logs l ON l.organisation_id = ev.organisation_id"
                  "  AND l.event_id = ev.id AND ($3::uuid IS NULL OR l.id = $3)"
                  " JOIN attendee_log_users a ON a.organisation_id = l.organisation_id AND "
                  "a.log_id = l.id"
                  "  AND a.kind = 'attendee'"
                  " JOIN users u ON u.id = a.user_id"
                  " WHERE ev.organisation_id = $1 AND ev.id = $2",
            params};
    }
    if (type == QLatin1String("audit")) {
        options.from.isValid() ? params << options.from.toString(Qt::ISODateWithMs)
                               : params << std::nullopt;
        options.to.isValid() ? params << options.to.toString(Qt::ISODateWithMs)
                             : params << std::nullopt;
        // The newest 10,000 changes in the window; the organisation's, whatever the event.
        return PgStatement {
            "WITH a AS (SELECT * FROM activities WHERE organisation_id = $1"
            "  AND ($3::timestamptz IS NULL OR created_at >= $3::timestamptz)"
            "  AND ($4::timestamptz IS NULL OR created_at < $4::timestamptz)"
            "  ORDER BY created_at DESC LIMIT 10000),"
            " zone AS (SELECT COALESCE((SELECT time_zone FROM events WHERE organisation_id = $1"
            "  AND id = $2), 'UTC') AS name)"
            " SELECT jsonb_build_object("
            "  'columns', jsonb_build_array('Time', 'Who', 'Action', 'Subject', 'Subject id',"
            "   'Old', 'New'),"
            "  'rows', COALESCE(jsonb_agg(jsonb_build_array("
            "    to_char(a.created_at AT TIME ZONE zone.name, 'YYYY-MM-DD HH24:MI:SS'),"
            "    COALESCE(u.display_name, 'server'), a.action, a.subject_type, a.subject_id,"
            "    a.old_value::text, a.new_value::text) ORDER BY a.created_at DESC)"
            "    FILTER (WHERE a.id IS NOT NULL), '[]'),"
            "  'totals', jsonb_build_array('Total', count(a.*) || ' changes', NULL, NULL, NULL,"
            "    NULL, NULL))"
            " FROM zone LEFT JOIN a ON true LEFT JOIN users u ON u.id = a.actor_id",
            params};
    }
    return std::nullopt;
}

} // namespace

} // namespace Muster
