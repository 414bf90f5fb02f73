// See kioskstore.h.
#include "kioskstore.h"

#include "database.h"
#include "pgsyncconnection.h"

namespace Muster {

namespace {

// The columns kioskAt() reads from `first` on, of a kiosks row k.
const QByteArray kKioskColumns
    = "k.id, k.name, k.location, floor(extract(epoch FROM k.expires_at) * 1000)::bigint,"
      " floor(extract(epoch FROM k.last_seen_at) * 1000)::bigint, k.revoked_at IS NOT NULL,"
      " floor(extract(epoch FROM k.created_at) * 1000)::bigint,"
      " (SELECT display_name FROM users u WHERE u.id = k.approved_by)";

Kiosk kioskAt(const PgResult &r, int row, int first = 0)
{
    Kiosk k;
    k.id = r.uuid(row, first);
    k.name = r.text(row, first + 1);
    k.location = r.text(row, first + 2);
    k.expiresAt = r.timestamp(row, first + 3);
    k.lastSeen = r.timestamp(row, first + 4);
    k.revoked = r.toBool(row, first + 5);
    k.createdAt = r.timestamp(row, first + 6);
    k.approvedBy = r.text(row, first + 7);
    return k;
}

const QByteArray kAuditValues = "jsonb_build_object('name', %1.name, 'location', %1.location,"
                                " 'expiresAt', muster_iso(%1.expires_at))";

QByteArray auditValues(const char *row)
{
    return QByteArray(kAuditValues).replace("%1", row);
}

PgStatement approveStatement(const KioskStore::Approval &a)
{
    return {"WITH p AS (DELETE FROM kiosk_pairings WHERE code = upper($2) AND expires_at > now()"
            "  RETURNING token_hash),"
            " k AS (INSERT INTO kiosks (organisation_id, name, location, token_hash, expires_at,"
            "   approved_by)"
            "  SELECT $1, $3, $4, p.token_hash, now() + make_interval(hours => $5::integer),"
            "   $6::uuid"
            "  FROM p RETURNING *)"
            " SELECT "
            + kKioskColumns
            + " FROM k CROSS JOIN LATERAL muster_audit($1, $6::uuid, 'kiosk.approve', 'kiosk',"
              "  k.id, NULL, "
            + auditValues("k") + ")",
        PgParams() << a.organisationId << a.pairingCode << a.name << a.location << a.lifetimeHours
                   << a.actor};
}

StoreError failureOf(const PgResult &r)
{
    if (r.isUniqueViolation())
        return StoreError::conflict(QStringLiteral("A kiosk with that name already exists"));
    return StoreError::of(r);
}

// Answers the one kiosk the last result holds, NotFound (`what`) when it holds none.
PgConnection::JobHandler oneKiosk(const QString &what, const KioskStore::KioskHandler &handler)
{
    return [what, handler](const QList<PgResult> &results) {
        const PgResult &r = results.last();
        if (!r.ok())
            return handler({}, failureOf(r));
        if (r.rows() == 0)
            return handler({}, StoreError::notFound(what));
        handler(kioskAt(r, 0), {});
    };
}

} // namespace

void KioskStore::addPairing(const QString &code, const QByteArray &tokenHash,
    const QString &address, int lifetimeMinutes, int maxPendingPerAddress, QObject *context,
    PairingHandler handler)
{
    PgParams params;
    params << code;
    params.addBytes(tokenHash);
    params << address << lifetimeMinutes << maxPendingPerAddress;
    m_db.transaction({{"DELETE FROM kiosk_pairings WHERE expires_at < now()", {}},
                         {"INSERT INTO kiosk_pairings (code, token_hash, address, expires_at)"
                          " SELECT $1, $2, $3, now() + make_interval(mins => $4::integer)"
                          " WHERE (SELECT count(*) FROM kiosk_pairings WHERE address = $3) < $5"
                          " RETURNING floor(extract(epoch FROM expires_at) * 1000)::bigint",
                             params}},
        context, [handler](const QList<PgResult> &results) {
            const PgResult &r = results.last();
            if (!r.ok())
                return handler({}, StoreError::of(r));
            handler(r.rows() == 0 ? QDateTime() : r.timestamp(0, 0), {});
        });
}

void KioskStore::resume(const QByteArray &tokenHash, QObject *context, ResumeHandler handler)
{
    PgParams params;
    params.addBytes(tokenHash);
    m_db.exec("WITH k AS (UPDATE kiosks SET last_seen_at = now() WHERE token_hash = $1"
              "  AND revoked_at IS NULL AND expires_at > now() RETURNING *)"
              " SELECT false, o.id, o.name, o.active_event_id, "
            + kKioskColumns
            + " FROM k JOIN organisations o ON o.id = k.organisation_id"
              " UNION ALL SELECT true, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
              "  NULL, NULL"
              " FROM kiosk_pairings WHERE token_hash = $1 AND expires_at > now()",
        params, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            Resumed resumed;
            if (r.rows() > 0 && r.toBool(0, 0)) {
                resumed.status = Resumed::Pending;
            } else if (r.rows() > 0) {
                resumed.status = Resumed::Approved;
                resumed.organisationId = r.uuid(0, 1);
                resumed.organisationName = r.text(0, 2);
                resumed.activeEventId = r.uuid(0, 3);
                resumed.kiosk = kioskAt(r, 0, 4);
            }
            handler(resumed, {});
        });
}

void KioskStore::list(const QUuid &org, QObject *context, KiosksHandler handler)
{
    m_db.exec("SELECT " + kKioskColumns
            + " FROM kiosks k WHERE k.organisation_id = $1"
              " ORDER BY k.revoked_at IS NOT NULL, lower(k.name)",
        PgParams() << org, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            QList<Kiosk> kiosks;
            kiosks.reserve(r.rows());
            for (int row = 0; row < r.rows(); ++row)
                kiosks.append(kioskAt(r, row));
            handler(kiosks, {});
        });
}

void KioskStore::approve(const Approval &approval, QObject *context, KioskHandler handler)
{
    m_db.transaction(
        {approveStatement(approval)}, context, oneKiosk(QStringLiteral("Pairing code"), handler));
}

std::optional<Kiosk> KioskStore::approve(
    PgSyncConnection &db, const Approval &approval, StoreError *error)
{
    const PgStatement statement = approveStatement(approval);
    const PgResult r = db.exec(statement.sql, statement.params);
    if (!r.ok()) {
        *error = failureOf(r);
        return std::nullopt;
    }
    if (r.rows() == 0) {
        *error = StoreError::notFound(QStringLiteral("Pairing code"));
        return std::nullopt;
    }
    return kioskAt(r, 0);
}

void KioskStore::update(const QUuid &org, const QUuid &actor, const QUuid &kioskId,
    const Change &change, QObject *context, KioskHandler handler)
{
    PgParams params;
    params << org << kioskId;
    change.name ? params << *change.name : params << std::nullopt;
    change.location ? params << *change.location : params << std::nullopt;
    change.lifetimeHours ? params << *change.lifetimeHours : params << std::nullopt;
    params << actor;
    m_db.transaction(
        {{"WITH old AS (SELECT * FROM kiosks WHERE organisation_id = $1 AND id = $2"
          "  AND revoked_at IS NULL FOR UPDATE),"
          " k AS (UPDATE kiosks SET name = COALESCE($3, kiosks.name),"
          "   location = COALESCE($4, kiosks.location),"
          "   expires_at = COALESCE(now() + make_interval(hours => $5::integer), kiosks.expires_at)"
          "  FROM old WHERE kiosks.id = old.id RETURNING kiosks.*)"
          " SELECT "
                + kKioskColumns
                + " FROM k, old CROSS JOIN LATERAL muster_audit($1, $6::uuid, 'kiosk.update',"
                  "  'kiosk', k.id, "
                + auditValues("old") + ", " + auditValues("k") + ")",
            params}},
        context, oneKiosk(QStringLiteral("Kiosk"), handler));
}

void KioskStore::revoke(const QUuid &org, const QUuid &actor, const QUuid &kioskId,
    QObject *context, KioskHandler handler)
{
    m_db.transaction(
        {{"WITH k AS (UPDATE kiosks SET revoked_at = now() WHERE organisation_id = $1 AND id = $2"
          "  AND revoked_at IS NULL RETURNING *)"
          " SELECT "
                + kKioskColumns
                + " FROM k CROSS JOIN LATERAL muster_audit($1, $3::uuid, 'kiosk.revoke', 'kiosk',"
                  "  k.id, jsonb_build_object('revoked', false),"
                  "  jsonb_build_object('revoked', true))",
            PgParams() << org << kioskId << actor}},
        context, oneKiosk(QStringLiteral("Kiosk"), handler));
}

} // namespace Muster
