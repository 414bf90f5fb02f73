// See presencestore.h. Presence is soft state: its writes commit without waiting for the disk
// (synchronous_commit off for that transaction only), so a status push never waits on an fsync.
#include "presencestore.h"

#include "database.h"
#include "pgsyncconnection.h"
#include "statestore.h"

namespace Muster {

namespace {

// Whether "users u" is connected to some server. Dead servers' rows are swept (ServerStore::reap),
// so a row is enough.
const QByteArray kOnline = "EXISTS (SELECT 1 FROM live_connections l WHERE l.user_id = u.id)";

// The columns every PersonState is read from, in order, for a query over "users u".
QByteArray stateColumns(const QByteArray &online = kOnline)
{
    return "u.organisation_id, u.id, u.state_id, muster_iso(u.state_since),"
           " muster_iso(u.last_seen_at), u.status_message, muster_iso(u.state_until), "
        + online;
}
// Makes synchronous_commit=off local to the transaction of the statement it is joined into.
const QByteArray kSoftCommit = "(SELECT set_config('synchronous_commit', 'off', true)) AS soft";

PresenceStore::PersonState stateAt(const PgResult &r, int row)
{
    return {r.uuid(row, 0), r.uuid(row, 1), r.uuid(row, 2), r.text(row, 3), r.text(row, 4),
        r.text(row, 5), r.text(row, 6), r.toBool(row, 7)};
}

void deliver(const PgResult &r, const PresenceStore::StateHandler &handler)
{
    if (!r.ok())
        return handler(std::nullopt, r.errorMessage());
    if (r.rows() == 0)
        return handler(std::nullopt, {});
    handler(stateAt(r, 0), {});
}

const QByteArray kCurrentStates = "SELECT " + stateColumns()
    + " FROM users u WHERE u.organisation_id = $1 AND u.id = ANY ($2::uuid[])";

QList<PresenceStore::PersonState> statesOf(const PgResult &r)
{
    QList<PresenceStore::PersonState> states;
    for (int row = 0; row < r.rows(); ++row)
        states.append(stateAt(r, row));
    return states;
}

} // namespace

void PresenceStore::snapshot(
    const QUuid &organisationId, const QUuid &teamId, QObject *context, SnapshotHandler handler)
{
    m_db.exec("SELECT json_build_object('states', (" + StateStore::listJsonSql()
            + "),"
              " 'people', COALESCE((SELECT json_agg(json_build_object("
              "    'userId', u.id, 'login', u.login, 'displayName', u.display_name, 'role', u.role,"
              "    'teamId', u.home_team_id, 'stateId', u.state_id,"
              "    'since', muster_iso(u.state_since), 'lastSeen', muster_iso(u.last_seen_at),"
              "    'message', u.status_message, 'until', muster_iso(u.state_until),"
              "    'highlight', u.highlight_color, 'avatar', u.avatar_sha256,"
              "    'online', "
            + kOnline
            + ")"
              "    ORDER BY lower(u.display_name), u.id)"
              "   FROM users u WHERE u.organisation_id = $1 AND u.role <> 'banned'"
              "     AND ($2::uuid IS NULL OR u.home_team_id = $2)), '[]'::json),"
              " 'organisation', (SELECT json_build_object('id', o.id, 'name', o.name)"
              "   FROM organisations o WHERE o.id = $1),"
              " 'team', (SELECT json_build_object('id', t.id, 'name', t.name, 'archived', "
              "t.archived)"
              "   FROM teams t WHERE t.id = $2 AND t.organisation_id = $1))",
        PgParams() << organisationId << teamId, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, r.errorMessage());
            handler(r.bytes(0, 0), {});
        });
}

void PresenceStore::setState(const QUuid &organisationId, const QUuid &userId, const QUuid &stateId,
    const QString &message, const QDateTime &until, QObject *context, StateHandler handler)
{
    PgParams params;
    params << organisationId << userId << stateId << message;
    until.isValid() ? params << until.toMSecsSinceEpoch() : params << std::nullopt;
    m_db.exec("UPDATE users u SET state_id = s.id, state_since = now(), status_message = $4,"
              "  state_until = to_timestamp($5::bigint / 1000.0)"
              " FROM states s, "
            + kSoftCommit
            + " WHERE u.id = $2 AND u.organisation_id = $1"
              "   AND s.id = $3 AND s.organisation_id = $1 AND NOT s.is_shift"
              " RETURNING "
            + stateColumns(),
        params, context, [handler](const PgResult &r) { deliver(r, handler); });
}

void PresenceStore::currentStates(const QUuid &organisationId, const QList<QUuid> &userIds,
    QObject *context, StatesHandler handler)
{
    m_db.exec(kCurrentStates, PgParams() << organisationId << userIds, context,
        [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, r.errorMessage());
            handler(statesOf(r), {});
        });
}

QList<PresenceStore::PersonState> PresenceStore::currentStates(
    PgSyncConnection &db, const QUuid &organisationId, const QList<QUuid> &userIds)
{
    const PgResult r = db.exec(kCurrentStates, PgParams() << organisationId << userIds);
    return r.ok() ? statesOf(r) : QList<PersonState>();
}

void PresenceStore::arrive(const QUuid &serverId, const QUuid &organisationId, const QUuid &userId,
    QObject *context, std::function<void(bool ok)> handler)
{
    m_db.exec("INSERT INTO live_connections (server_id, organisation_id, user_id)"
              " SELECT $1, $2, $3 FROM "
            + kSoftCommit + " ON CONFLICT DO NOTHING",
        PgParams() << serverId << organisationId << userId, context,
        [handler](const PgResult &r) { handler(r.ok()); });
}

void PresenceStore::leave(const QUuid &serverId, const QUuid &organisationId, const QUuid &userId,
    QObject *context, StateHandler handler)
{
    // The CTE's delete is not visible to the rest of the statement, hence "another server".
    m_db.exec("WITH gone AS (DELETE FROM live_connections WHERE user_id = $2 AND server_id = $3),"
              " elsewhere AS (SELECT EXISTS (SELECT 1 FROM live_connections"
              "   WHERE user_id = $2 AND server_id <> $3) AS online)"
              " UPDATE users u SET last_seen_at = CASE WHEN e.online THEN u.last_seen_at"
              "   ELSE now() END FROM elsewhere e, "
            + kSoftCommit + " WHERE u.id = $2 AND u.organisation_id = $1 RETURNING "
            + stateColumns("e.online"),
        PgParams() << organisationId << userId << serverId, context,
        [handler](const PgResult &r) { deliver(r, handler); });
}

void PresenceStore::reassert(const QUuid &serverId,
    const QList<QPair<QUuid, QUuid>> &organisationAndUser, QObject *context,
    std::function<void(bool ok)> handler)
{
    QList<QUuid> organisations;
    QList<QUuid> users;
    for (const auto &[organisation, user] : organisationAndUser) {
        organisations.append(organisation);
        users.append(user);
    }
    // Rows this server holds for people no longer connected here (a failed write) go too.
    m_db.exec("WITH stale AS (DELETE FROM live_connections WHERE server_id = $1"
              "   AND NOT (user_id = ANY ($3::uuid[])))"
              " INSERT INTO live_connections (server_id, organisation_id, user_id)"
              " SELECT $1, o, u FROM unnest($2::uuid[], $3::uuid[]) AS t (o, u), "
            + kSoftCommit + " ON CONFLICT DO NOTHING",
        PgParams() << serverId << organisations << users, context,
        [handler](const PgResult &r) { handler(r.ok()); });
}

void PresenceStore::expireDue(QObject *context, StatesHandler handler)
{
    m_db.exec("UPDATE users u SET state_id = d.id, state_since = now(), status_message = '',"
              "  state_until = NULL"
              " FROM states d, "
            + kSoftCommit
            + " WHERE u.state_until <= now() AND d.organisation_id = u.organisation_id"
              "   AND d.is_default"
              " RETURNING "
            + stateColumns(),
        {}, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, r.errorMessage());
            handler(statesOf(r), {});
        });
}

void PresenceStore::nextExpiry(QObject *context, std::function<void(const QDateTime &)> handler)
{
    m_db.exec("SELECT (extract(epoch FROM min(state_until)) * 1000)::bigint FROM users"
              " WHERE state_until IS NOT NULL",
        {}, context, [handler](const PgResult &r) {
            handler(r.ok() && !r.isNull(0, 0) ? r.timestamp(0, 0) : QDateTime());
        });
}

} // namespace Muster
