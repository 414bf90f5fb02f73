// See presencestore.h. Presence is soft state: its writes commit without waiting for the disk
// (synchronous_commit off for that transaction only), so a status push never waits on an fsync.
#include "presencestore.h"

#include "database.h"
#include "pgsyncconnection.h"
#include "statestore.h"
#include "teamstore.h"

namespace Muster {

namespace {

// Whether "users u" is connected to some server. Dead servers' rows are swept (ServerStore::reap),
// so a row is enough.
const QByteArray kOnline = "EXISTS (SELECT 1 FROM live_connections l WHERE l.user_id = u.id)";

// The columns every PersonState is read from, in order, for a query over "users u".
QByteArray stateColumnsWith(const QByteArray &online)
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

const QByteArray kCurrentStates = "SELECT " + PresenceStore::stateColumns()
    + " FROM users u WHERE u.organisation_id = $1 AND u.id = ANY ($2::uuid[])";

// A timestamp of "users u" as epoch milliseconds, truncated as muster_iso does: cheap to read
// for thousands of rows, and equal to the time the pushes send.
QByteArray epochMs(const char *column)
{
    return QByteArray("floor(extract(epoch FROM u.") + column + ") * 1000)::bigint";
}

// The columns personAt() reads, of "users u" and "ch" (kChatLoads).
const QByteArray kPersonColumns = "u.id, u.login, u.display_name, u.role, u.home_team_id,"
                                  " u.state_id, "
    + epochMs("state_since") + ", " + epochMs("last_seen_at") + ", u.status_message, "
    + epochMs("state_until") + ", u.highlight_color, u.avatar_sha256, " + kOnline
    + ", COALESCE(ch.chats, 0)";

QString idText(const PgResult &r, int row, int column)
{
    return r.isNull(row, column) ? QString() : r.uuid(row, column).toString(QUuid::WithoutBraces);
}

Person personAt(const PgResult &r, int row)
{
    Person p;
    p.userId = idText(r, row, 0);
    p.login = r.text(row, 1);
    p.displayName = r.text(row, 2);
    p.role = r.text(row, 3);
    p.teamId = idText(r, row, 4);
    p.stateId = idText(r, row, 5);
    p.since = r.timestamp(row, 6);
    p.lastSeen = r.timestamp(row, 7);
    p.message = r.text(row, 8);
    p.until = r.timestamp(row, 9);
    p.highlight = r.text(row, 10);
    p.avatar = r.text(row, 11);
    p.online = r.toBool(row, 12);
    p.chats = int(r.toInt(row, 13));
    return p;
}

} // namespace

QByteArray PresenceStore::stateColumns()
{
    return stateColumnsWith(kOnline);
}

QList<PresenceStore::PersonState> PresenceStore::statesOf(const PgResult &r)
{
    QList<PersonState> states;
    states.reserve(r.rows());
    for (int row = 0; row < r.rows(); ++row)
        states.append(stateAt(r, row));
    return states;
}

void PresenceStore::snapshot(
    const QUuid &organisationId, const QUuid &teamId, QObject *context, SnapshotHandler handler)
{
    const PgParams params = PgParams() << organisationId << teamId;
    // One read-only REPEATABLE READ transaction: the four reads see one view of the board.
    m_db.transaction(
        {{"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", {}},
            {"SELECT o.id, o.name FROM organisations o WHERE o.id = $1",
                PgParams() << organisationId},
            {"SELECT " + TeamStore::teamColumns()
                    + " FROM teams t WHERE t.id = $2 AND t.organisation_id = $1",
                params},
            {StateStore::listSql(), PgParams() << organisationId},
            {"SELECT " + kPersonColumns
                    + " FROM users u LEFT JOIN (SELECT consultant_id, count(*) AS chats FROM chats"
                      "  WHERE organisation_id = $1 AND status = 'active' GROUP BY consultant_id)"
                      " ch ON ch.consultant_id = u.id"
                      " WHERE u.organisation_id = $1 AND u.role <> 'banned'"
                      "  AND ($2::uuid IS NULL OR u.home_team_id = $2)"
                      " ORDER BY lower(u.display_name), u.id",
                params}},
        context, [handler](const QList<PgResult> &results) {
            if (results.size() != 5 || !results.last().ok())
                return handler({}, results.last().errorMessage());
            Snapshot snapshot;
            const PgResult &organisation = results.at(1);
            if (organisation.rows() == 1)
                snapshot.organisation
                    = Organisation {organisation.uuid(0, 0), organisation.text(0, 1), {}};
            if (results.at(2).rows() == 1)
                snapshot.team = TeamStore::teamAt(results.at(2), 0);
            snapshot.states = StateStore::statesOf(results.at(3));
            const PgResult &people = results.at(4);
            snapshot.people.reserve(people.rows());
            for (int row = 0; row < people.rows(); ++row)
                snapshot.people.append(personAt(people, row));
            handler(snapshot, {});
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
            + stateColumnsWith("e.online"),
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
