// See presencestore.h. Presence is soft state: its writes commit without waiting for the disk
// (synchronous_commit off for that transaction only), so a status push never waits on an fsync.
#include "presencestore.h"

#include "database.h"
#include "statestore.h"

namespace Muster {

namespace {

// The columns every PersonState is read from, in order, for a query over "users u".
const QByteArray kStateColumns = "u.organisation_id, u.id, u.state_id, muster_iso(u.state_since),"
                                 " muster_iso(u.last_seen_at), u.status_message,"
                                 " muster_iso(u.state_until)";
// Makes synchronous_commit=off local to the transaction of the statement it is joined into.
const QByteArray kSoftCommit = "(SELECT set_config('synchronous_commit', 'off', true)) AS soft";

PresenceStore::PersonState stateAt(const PgResult &r, int row)
{
    return {r.uuid(row, 0), r.uuid(row, 1), r.uuid(row, 2), r.text(row, 3), r.text(row, 4),
        r.text(row, 5), r.text(row, 6)};
}

void deliver(const PgResult &r, const PresenceStore::StateHandler &handler)
{
    if (!r.ok())
        return handler(std::nullopt, r.errorMessage());
    if (r.rows() == 0)
        return handler(std::nullopt, {});
    handler(stateAt(r, 0), {});
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
              "    'highlight', u.highlight_color, 'avatar', u.avatar_sha256)"
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
            + kStateColumns,
        params, context, [handler](const PgResult &r) { deliver(r, handler); });
}

void PresenceStore::currentStates(const QUuid &organisationId, const QList<QUuid> &userIds,
    QObject *context, StatesHandler handler)
{
    // One array parameter, in PostgreSQL's literal form: {id,id,…}.
    QStringList ids;
    ids.reserve(userIds.size());
    for (const QUuid &id : userIds)
        ids << id.toString(QUuid::WithoutBraces);
    m_db.exec("SELECT " + kStateColumns
            + " FROM users u WHERE u.organisation_id = $1 AND u.id = ANY ($2::uuid[])",
        PgParams() << organisationId << (u'{' + ids.join(u',') + u'}'), context,
        [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, r.errorMessage());
            QList<PersonState> states;
            for (int row = 0; row < r.rows(); ++row)
                states.append(stateAt(r, row));
            handler(states, {});
        });
}

void PresenceStore::markSeen(
    const QUuid &organisationId, const QUuid &userId, QObject *context, StateHandler handler)
{
    m_db.exec("UPDATE users u SET last_seen_at = now() FROM " + kSoftCommit
            + " WHERE u.id = $2 AND u.organisation_id = $1 RETURNING " + kStateColumns,
        PgParams() << organisationId << userId, context,
        [handler](const PgResult &r) { deliver(r, handler); });
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
            + kStateColumns,
        {}, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, r.errorMessage());
            QList<PersonState> states;
            for (int row = 0; row < r.rows(); ++row)
                states.append(stateAt(r, row));
            handler(states, {});
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
