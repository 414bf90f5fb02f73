// See kioskstore.h.
#include "kioskstore.h"

namespace Muster {

QByteArray KioskStore::approveSql()
{
    return "WITH p AS (DELETE FROM kiosk_pairings WHERE code = upper($2) AND expires_at > now()"
           "  RETURNING token_hash),"
           " k AS (INSERT INTO kiosks (organisation_id, name, location, token_hash, expires_at,"
           "   approved_by)"
           "  SELECT $1, $3, $4, p.token_hash, now() + make_interval(hours => $5::integer), "
           "$6::uuid"
           "  FROM p RETURNING *)"
           " SELECT muster_kiosk_json(k)"
           " FROM k CROSS JOIN LATERAL muster_audit($1, $6::uuid, 'kiosk.approve', 'kiosk', k.id,"
           "  NULL, jsonb_build_object('name', k.name, 'location', k.location, 'expiresAt',"
           "   muster_iso(k.expires_at)))";
}

} // namespace Muster
