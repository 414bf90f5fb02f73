// See userstore.h.
#include "userstore.h"

#include "database.h"
#include "directorystore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Muster {

namespace {

StoreError failureOf(const PgResult &r)
{
    if (r.isUniqueViolation()) {
        return StoreError::conflict(r.errorMessage().contains(QLatin1String("users_badge_key"))
                ? QStringLiteral("That badge number belongs to someone else")
                : QStringLiteral("That login is taken"));
    }
    return StoreError::of(r);
}

} // namespace

QByteArray UserStore::accountColumns()
{
    return "u.id, u.login, u.display_name, u.email, u.role, u.home_team_id, u.badge,"
           " u.highlight_color, u.avatar_sha256";
}

Account UserStore::accountAt(const PgResult &r, int row)
{
    Account a;
    a.userId = r.uuid(row, 0);
    a.login = r.text(row, 1);
    a.displayName = r.text(row, 2);
    a.email = r.text(row, 3);
    a.role = roleFromName(r.text(row, 4)).value_or(Role::Banned);
    a.teamId = r.isNull(row, 5) ? QUuid() : r.uuid(row, 5);
    a.badge = r.text(row, 6);
    a.highlight = r.text(row, 7);
    a.avatar = r.text(row, 8);
    return a;
}

void UserStore::find(const QUuid &org, const QUuid &userId, QObject *context,
    std::function<void(const std::optional<Target> &, const StoreError &)> handler)
{
    m_db.exec("SELECT role FROM users WHERE id = $2 AND organisation_id = $1",
        PgParams() << org << userId, context, [handler, userId](const PgResult &r) {
            if (!r.ok())
                return handler(std::nullopt, StoreError::unavailable(r.errorMessage()));
            if (r.rows() == 0)
                return handler(std::nullopt, {});
            handler(Target {userId, roleFromName(r.text(0, 0)).value_or(Role::Banned)}, {});
        });
}

void UserStore::update(const QUuid &org, const QUuid &actor, const QUuid &userId, const Edit &edit,
    QObject *context, AccountHandler handler)
{
    PgParams params;
    params << org << userId;
    edit.teamId ? params << *edit.teamId : params << std::nullopt;
    edit.role ? params << roleName(*edit.role) : params << std::nullopt;
    edit.highlight ? params << *edit.highlight : params << std::nullopt;
    params << edit.highlight.has_value() << actor << edit.badge.has_value()
           << edit.badge.value_or(QString());
    QList<PgStatement> statements;
    statements.append(
        {"WITH old AS (SELECT * FROM users WHERE id = $2 AND organisation_id = $1),"
         " team AS (SELECT id FROM teams WHERE id = $3 AND organisation_id = $1"
         "   AND NOT archived),"
         " u AS (UPDATE users SET home_team_id = COALESCE((SELECT id FROM team), "
         "users.home_team_id),"
         "   role = COALESCE($4, users.role),"
         "   highlight_color = CASE WHEN $6::boolean THEN NULLIF($5, '') ELSE "
         "users.highlight_color END,"
         "   badge = CASE WHEN $8::boolean THEN NULLIF($9, '') ELSE users.badge END"
         "  FROM old WHERE users.id = old.id AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM team))"
         "  RETURNING users.*)"
         " SELECT "
                + accountColumns()
                + " FROM u, old CROSS JOIN LATERAL muster_audit($1, $7::uuid, 'user.update', "
                  "'user', u.id,"
                  "   jsonb_build_object('teamId', old.home_team_id, 'role', old.role,"
                  "     'highlight', old.highlight_color, 'badge', old.badge),"
                  "   jsonb_build_object('teamId', u.home_team_id, 'role', u.role,"
                  "     'highlight', u.highlight_color, 'badge', u.badge))",
            params});
    if (edit.role) {
        // Connected sessions pick the new role up at once (see SessionService::refreshUser).
        statements.append({"SELECT pg_notify($1, $2)",
            PgParams() << QString::fromLatin1(DirectoryStore::kUserChangedChannel)
                       << userId.toString(QUuid::WithoutBraces)});
    }
    m_db.transaction(statements, context, [handler](const QList<PgResult> &results) {
        const PgResult &first = results.first();
        if (!results.last().ok())
            return handler({}, failureOf(results.last()));
        if (first.rows() == 0)
            return handler({}, StoreError::notFound(QStringLiteral("User or team")));
        handler(accountAt(first, 0), {});
    });
}

void UserStore::createFromBadge(const QUuid &org, const QUuid &actor, const QString &badge,
    const QString &displayName, const QString &login, const QUuid &teamId,
    const QByteArray &passwordHash, QObject *context, AccountHandler handler)
{
    PgParams params;
    params << org << badge << displayName;
    login.isEmpty() ? params << std::nullopt : params << login;
    params << teamId << QString::fromLatin1(passwordHash) << actor;
    // A placeholder made by an attendee log is the same person: they keep their attendance.
    m_db.transaction(
        {{"WITH team AS (SELECT id FROM teams WHERE organisation_id = $1 AND id = $5"
          "   AND NOT archived),"
          " placeholder AS (UPDATE users SET login = COALESCE($4, users.login),"
          "   display_name = $3, password_hash = $6, role = 'volunteer', is_placeholder = false,"
          "   home_team_id = COALESCE((SELECT id FROM team), users.home_team_id)"
          "  WHERE organisation_id = $1 AND badge = $2 AND is_placeholder"
          "   AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM team)) RETURNING *),"
          " fresh AS (INSERT INTO users (organisation_id, login, display_name, password_hash,"
          "   role, badge, home_team_id, state_id)"
          "  SELECT $1, COALESCE($4, 'badge-' || $2 || '-' || replace($1::text, '-', '')), $3, $6,"
          "   'volunteer', $2, (SELECT id FROM team),"
          "   (SELECT id FROM states WHERE organisation_id = $1 AND is_default)"
          "  WHERE NOT EXISTS (SELECT 1 FROM placeholder)"
          "   AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM team)) RETURNING *),"
          " u AS (SELECT * FROM placeholder UNION ALL SELECT * FROM fresh)"
          " SELECT "
                + accountColumns()
                + " FROM u CROSS JOIN LATERAL muster_audit($1, $7::uuid, 'user.create', 'user',"
                  "  u.id, NULL, jsonb_build_object('badge', u.badge, 'displayName',"
                  "  u.display_name, 'login', u.login, 'role', u.role))",
            params}},
        context, [handler](const QList<PgResult> &results) {
            const PgResult &r = results.last();
            if (!r.ok())
                return handler({}, failureOf(r));
            if (r.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("Team")));
            handler(accountAt(r, 0), {});
        });
}

void UserStore::roster(
    const QUuid &org, const QUuid &eventId, QObject *context, RosterHandler handler)
{
    const PgParams params = PgParams() << org << eventId;
    // One read of the totals per person (summed over teams) and of their open entry, in the
    // event asked for or the active one.
    m_db.transaction(
        {{"SELECT muster_fail('MU404', 'not_found', 'Event not found') WHERE $2::uuid IS NOT NULL"
          " AND NOT EXISTS (SELECT 1 FROM events WHERE organisation_id = $1 AND id = $2)",
             params},
            {"WITH ev AS (SELECT COALESCE($2::uuid,"
             "   (SELECT active_event_id FROM organisations WHERE id = $1)) AS id),"
             " totals AS (SELECT t.user_id, sum(t.worked_seconds)::bigint AS worked,"
             "   sum(t.earned_seconds)::bigint AS earned, sum(t.entries)::int AS entries"
             "  FROM time_totals t, ev WHERE t.organisation_id = $1 AND t.event_id = ev.id"
             "  GROUP BY t.user_id)"
             " SELECT u.id, u.login, u.display_name, u.role, u.home_team_id, u.badge,"
             "  COALESCE(t.worked, 0), COALESCE(t.earned, 0), COALESCE(t.entries, 0),"
             "  o.start_at, o.team_id"
             " FROM users u LEFT JOIN totals t ON t.user_id = u.id"
             " LEFT JOIN time_entries o ON o.organisation_id = $1 AND o.user_id = u.id"
             "  AND o.stop_at IS NULL AND o.event_id = (SELECT id FROM ev)"
             " WHERE u.organisation_id = $1 AND NOT u.is_placeholder"
             " ORDER BY lower(u.display_name), u.id",
                params}},
        context, [handler](const QList<PgResult> &results) {
            const PgResult &r = results.last();
            if (!r.ok())
                return handler({}, StoreError::of(r));
            QList<RosterEntry> people;
            people.reserve(r.rows());
            for (int row = 0; row < r.rows(); ++row) {
                RosterEntry e;
                e.userId = r.uuid(row, 0);
                e.login = r.text(row, 1);
                e.displayName = r.text(row, 2);
                e.role = roleFromName(r.text(row, 3)).value_or(Role::Banned);
                e.teamId = r.isNull(row, 4) ? QUuid() : r.uuid(row, 4);
                e.badge = r.text(row, 5);
                e.workedSeconds = r.toInt(row, 6);
                e.earnedSeconds = r.toInt(row, 7);
                e.entries = int(r.toInt(row, 8));
                if (!r.isNull(row, 9)) {
                    e.shiftStart = r.timestamp(row, 9);
                    e.shiftTeamId = r.uuid(row, 10);
                }
                people.append(e);
            }
            handler(people, {});
        });
}

void UserStore::resetPassword(const QUuid &org, const QUuid &actor, const QUuid &userId,
    const QByteArray &passwordHash, QObject *context,
    std::function<void(const StoreError &error)> handler)
{
    m_db.transaction(
        {{"UPDATE users SET password_hash = $3 WHERE organisation_id = $1 AND id = $2 RETURNING id",
             PgParams() << org << userId << QString::fromLatin1(passwordHash)},
            {"UPDATE sessions SET revoked_at = now() WHERE organisation_id = $1"
             " AND user_id = $2 AND revoked_at IS NULL",
                PgParams() << org << userId},
            {"SELECT muster_audit($1, $3, 'user.password_reset', 'user', $2, NULL, NULL)",
                PgParams() << org << userId << actor},
            // Delivered at commit: every server drops the person's connections.
            {"SELECT pg_notify($1, $2)",
                PgParams() << QString::fromLatin1(DirectoryStore::kUserChangedChannel)
                           << userId.toString(QUuid::WithoutBraces)}},
        context, [handler](const QList<PgResult> &results) {
            if (!results.last().ok())
                return handler(StoreError::of(results.last()));
            if (results.first().rows() == 0)
                return handler(StoreError::notFound(QStringLiteral("User")));
            handler({});
        });
}

void UserStore::history(const QUuid &org, const QUuid &userId, const QUuid &before, int limit,
    QObject *context, HistoryHandler handler)
{
    const PgParams params = PgParams() << org << userId << before << limit;
    // Four index scans (migration 0011), each newest first from the cursor and cut at the page:
    // what the person did, what was done to them, to their shifts while these exist, and what
    // names them as the owner (a shift since deleted, a reward handed over to them).
    m_db.transaction(
        {{"SELECT muster_fail('MU404', 'not_found', 'User not found') WHERE NOT EXISTS ("
          " SELECT 1 FROM users WHERE organisation_id = $1 AND id = $2)",
             PgParams() << org << userId},
            // The cursor: the record `before` names (none for one not of the organisation,
            // and so an empty page), or past the newest for the first page.
            {"WITH c AS (SELECT b.created_at AS at, b.id FROM activities b"
             "   WHERE b.organisation_id = $1 AND b.id = $3"
             "  UNION ALL SELECT 'infinity', 'ffffffff-ffff-ffff-ffff-ffffffffffff'"
             "   WHERE $3::uuid IS NULL),"
             " ids AS ("
             "  (SELECT a.id FROM activities a, c WHERE a.organisation_id = $1"
             "    AND a.actor_id = $2 AND (a.created_at, a.id) < (c.at, c.id)"
             "    ORDER BY a.created_at DESC, a.id DESC LIMIT $4)"
             "  UNION (SELECT a.id FROM activities a, c WHERE a.organisation_id = $1"
             "    AND a.subject_id = $2 AND a.subject_type = 'user'"
             "    AND (a.created_at, a.id) < (c.at, c.id)"
             "    ORDER BY a.created_at DESC, a.id DESC LIMIT $4)"
             "  UNION (SELECT a.id FROM time_entries t JOIN activities a"
             "    ON a.organisation_id = $1 AND a.subject_id = t.id, c"
             "    WHERE t.organisation_id = $1 AND t.user_id = $2"
             "    AND a.subject_type = 'time_entry' AND (a.created_at, a.id) < (c.at, c.id)"
             "    ORDER BY a.created_at DESC, a.id DESC LIMIT $4)"
             "  UNION (SELECT a.id FROM activities a, c WHERE a.organisation_id = $1"
             "    AND COALESCE(a.new_value->>'userId', a.old_value->>'userId') = $2::text"
             "    AND a.subject_type IN ('time_entry', 'reward')"
             "    AND (a.created_at, a.id) < (c.at, c.id)"
             "    ORDER BY a.created_at DESC, a.id DESC LIMIT $4))"
             " SELECT a.id, a.created_at, a.actor_id, COALESCE(u.display_name, ''), a.action,"
             " a.subject_type, a.subject_id,"
             " jsonb_build_object('old', a.old_value, 'new', a.new_value)"
             " FROM ids JOIN activities a ON a.id = ids.id"
             " LEFT JOIN users u ON u.id = a.actor_id"
             " ORDER BY a.created_at DESC, a.id DESC LIMIT $4",
                params}},
        context, [handler](const QList<PgResult> &results) {
            const PgResult &r = results.last();
            if (!r.ok())
                return handler({}, StoreError::of(r));
            QList<AuditRecord> records;
            records.reserve(r.rows());
            for (int row = 0; row < r.rows(); ++row) {
                AuditRecord a;
                a.id = r.uuid(row, 0);
                a.at = r.timestamp(row, 1);
                a.actorId = r.isNull(row, 2) ? QUuid() : r.uuid(row, 2);
                a.actorName = r.text(row, 3);
                a.action = r.text(row, 4);
                a.subjectType = r.text(row, 5);
                a.subjectId = r.isNull(row, 6) ? QUuid() : r.uuid(row, 6);
                const QJsonObject values = QJsonDocument::fromJson(r.bytes(row, 7)).object();
                a.oldValue = values.value(QStringLiteral("old"));
                a.newValue = values.value(QStringLiteral("new"));
                records.append(a);
            }
            handler(records, {});
        });
}

void UserStore::remove(const QUuid &org, const QUuid &actor, const QUuid &userId, QObject *context,
    AccountHandler handler)
{
    m_db.transaction(
        {{"WITH u AS (DELETE FROM users WHERE organisation_id = $1 AND id = $2 RETURNING *)"
          " SELECT "
                 + accountColumns()
                 + " FROM u CROSS JOIN LATERAL muster_audit($1, $3::uuid, 'user.delete', 'user', "
                   "u.id,"
                   "   jsonb_build_object('login', u.login, 'displayName', u.display_name, 'badge',"
                   "    u.badge, 'role', u.role), NULL)",
             PgParams() << org << userId << actor},
            {"SELECT pg_notify($1, $2)",
                PgParams() << QString::fromLatin1(DirectoryStore::kUserChangedChannel)
                           << userId.toString(QUuid::WithoutBraces)}},
        context, [handler](const QList<PgResult> &results) {
            if (!results.last().ok())
                return handler({}, failureOf(results.last()));
            if (results.first().rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("User")));
            handler(accountAt(results.first(), 0), {});
        });
}

} // namespace Muster
