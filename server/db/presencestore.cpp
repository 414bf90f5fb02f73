// See presencestore.h. Presence is soft state: its writes commit without waiting for the disk
// (synchronous_commit off for that transaction only), so a status push never waits on an fsync.
#include "presencestore.h"

#include "database.h"
#include "statestore.h"

namespace Muster {

namespace {

void deliver(const PgResult &r, const PresenceStore::StateHandler &handler)
{
    if (!r.ok())
        return handler(std::nullopt, r.errorMessage());
    if (r.rows() == 0)
        return handler(std::nullopt, {});
    handler(PresenceStore::PersonState {r.uuid(0, 0), r.text(0, 1), r.text(0, 2)}, {});
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
              "    'since', muster_iso(u.state_since), 'lastSeen', muster_iso(u.last_seen_at))"
              "    ORDER BY lower(u.display_name), u.id)"
              "   FROM users u WHERE u.organisation_id = $1 AND u.role <> 'banned'"
              "     AND ($2::uuid IS NULL OR u.home_team_id = $2)), '[]'::json),"
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
    QObject *context, StateHandler handler)
{
    // The set_config call makes synchronous_commit=off local to this statement's transaction.
    m_db.exec("UPDATE users u SET state_id = s.id, state_since = now()"
              " FROM states s, (SELECT set_config('synchronous_commit', 'off', true)) AS soft"
              " WHERE u.id = $2 AND u.organisation_id = $1"
              "   AND s.id = $3 AND s.organisation_id = $1"
              " RETURNING u.state_id, muster_iso(u.state_since), muster_iso(u.last_seen_at)",
        PgParams() << organisationId << userId << stateId, context,
        [handler](const PgResult &r) { deliver(r, handler); });
}

void PresenceStore::currentState(
    const QUuid &organisationId, const QUuid &userId, QObject *context, StateHandler handler)
{
    m_db.exec("SELECT state_id, muster_iso(state_since), muster_iso(last_seen_at) FROM users"
              " WHERE id = $2 AND organisation_id = $1",
        PgParams() << organisationId << userId, context,
        [handler](const PgResult &r) { deliver(r, handler); });
}

void PresenceStore::markSeen(
    const QUuid &organisationId, const QUuid &userId, QObject *context, StateHandler handler)
{
    m_db.exec("UPDATE users SET last_seen_at = now()"
              " FROM (SELECT set_config('synchronous_commit', 'off', true)) AS soft"
              " WHERE id = $2 AND organisation_id = $1"
              " RETURNING state_id, muster_iso(state_since), muster_iso(last_seen_at)",
        PgParams() << organisationId << userId, context,
        [handler](const PgResult &r) { deliver(r, handler); });
}

} // namespace Muster
