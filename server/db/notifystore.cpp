// See notifystore.h.
#include "notifystore.h"

#include "pgsyncconnection.h"

namespace Muster {

const QByteArray NotifyStore::kNotifySql = "SELECT pg_notify($1, $2)";
const QByteArray NotifyStore::kNotifyThroughOutboxSql
    = "WITH o AS (INSERT INTO push_outbox (payload) VALUES ($2) RETURNING id)"
      " SELECT pg_notify($1, $3 || '#' || o.id) FROM o";
const QByteArray NotifyStore::kReadOutboxSql = "SELECT payload FROM push_outbox WHERE id = $1";
const QByteArray NotifyStore::kSweepOutboxSql
    = "DELETE FROM push_outbox WHERE created_at < now() - make_interval(secs => $1)";

bool NotifyStore::publish(const QString &channel, const QByteArray &prefix, const QByteArray &body)
{
    const QByteArray payload = prefix + ' ' + body;
    const PgResult r = payload.size() <= kMaxPayloadBytes
        ? m_db.exec(kNotifySql, PgParams() << channel << QString::fromUtf8(payload))
        : m_db.exec(kNotifyThroughOutboxSql,
            PgParams() << channel << QString::fromUtf8(body) << QString::fromUtf8(prefix));
    if (!r.ok())
        m_error = r.errorMessage();
    return r.ok();
}

} // namespace Muster
