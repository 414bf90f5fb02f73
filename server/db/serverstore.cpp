// See serverstore.h. Data-modifying CTEs see the table as it was before the statement, so "still
// connected elsewhere" must leave out the rows the statement deletes itself.
#include "serverstore.h"

#include "database.h"

namespace Muster {

namespace {

const QByteArray kSoftCommit = "(SELECT set_config('synchronous_commit', 'off', true)) AS soft";

// Turns the deleted rows of CTE "gone" (organisation_id, user_id) into "last seen" for the
// people no other server holds, and answers them.
const QByteArray kMarkOffline
    = " UPDATE users u SET last_seen_at = g.seen"
      " FROM (SELECT organisation_id, user_id, max(seen) AS seen FROM gone"
      "   GROUP BY organisation_id, user_id) g, "
    + kSoftCommit
    + " WHERE u.id = g.user_id AND u.organisation_id = g.organisation_id"
      "  AND NOT EXISTS (SELECT 1 FROM live_connections o WHERE o.user_id = g.user_id"
      "   AND (o.user_id, o.server_id) NOT IN (SELECT user_id, server_id FROM gone))"
      " RETURNING u.organisation_id, u.id";

ServerStore::People peopleOf(const PgResult &r)
{
    ServerStore::People people;
    if (!r.ok())
        return people;
    people.reserve(r.rows());
    for (int row = 0; row < r.rows(); ++row)
        people.append({r.uuid(row, 0), r.uuid(row, 1)});
    return people;
}

} // namespace

void ServerStore::beat(const QUuid &serverId, const QString &host,
    std::chrono::milliseconds silence, QObject *context, std::function<void(const Beat &)> handler)
{
    // xmax is 0 on a row this statement inserted, and set on one it updated.
    m_db.exec("WITH me AS (INSERT INTO server_instances (id, host) SELECT $1, $2 FROM "
            + kSoftCommit
            + " ON CONFLICT (id) DO UPDATE SET heartbeat_at = now() RETURNING (xmax = 0) AS made)"
              " SELECT me.made, (SELECT count(*) FROM server_instances WHERE id <> $1"
              "  AND heartbeat_at > now() - make_interval(secs => $3::bigint / 1000.0))"
              " FROM me",
        PgParams() << serverId << host << qint64(silence.count()), context,
        [handler](const PgResult &r) {
            Beat beat;
            beat.ok = r.ok() && r.rows() == 1;
            if (beat.ok) {
                beat.registered = r.toBool(0, 0);
                beat.others = int(r.toInt(0, 1));
            }
            handler(beat);
        });
}

void ServerStore::reap(std::chrono::milliseconds silence, QObject *context,
    std::function<void(const People &)> handler)
{
    m_db.exec("WITH dead AS (DELETE FROM server_instances"
              "   WHERE heartbeat_at < now() - make_interval(secs => $1::bigint / 1000.0)"
              "   RETURNING id, heartbeat_at),"
              " gone AS (DELETE FROM live_connections l"
              "   WHERE l.server_id IN (SELECT id FROM dead)"
              "    OR (l.since < now() - make_interval(secs => $1::bigint / 1000.0)"
              "     AND NOT EXISTS (SELECT 1 FROM server_instances s WHERE s.id = l.server_id))"
              "   RETURNING l.organisation_id, l.user_id, l.server_id,"
              "    COALESCE((SELECT d.heartbeat_at FROM dead d WHERE d.id = l.server_id),"
              "     now()) AS seen)"
            + kMarkOffline,
        PgParams() << qint64(silence.count()), context,
        [handler](const PgResult &r) { handler(peopleOf(r)); });
}

void ServerStore::deregister(
    const QUuid &serverId, QObject *context, std::function<void(const People &)> handler)
{
    m_db.exec("WITH dead AS (DELETE FROM server_instances WHERE id = $1),"
              " gone AS (DELETE FROM live_connections WHERE server_id = $1"
              "   RETURNING organisation_id, user_id, server_id, now() AS seen)"
            + kMarkOffline,
        PgParams() << serverId, context, [handler](const PgResult &r) { handler(peopleOf(r)); });
}

} // namespace Muster
