// See kioskcredentialstore.h.
#include "kioskcredentialstore.h"

#include "database.h"

namespace Muster {

namespace {

// The columns holderFrom() reads, of a users row u.
const QByteArray kHolderColumns = "u.id, u.login, u.display_name, u.role, u.badge, u.pin_hash";

Database::ResultHandler holderFrom(const KioskCredentialStore::HolderHandler &handler)
{
    return [handler](const PgResult &r) {
        if (!r.ok())
            return handler(std::nullopt, StoreError::of(r));
        if (r.rows() == 0)
            return handler(std::nullopt, {});
        KioskCredentialStore::BadgeHolder holder;
        holder.id = r.uuid(0, 0);
        holder.login = r.text(0, 1);
        holder.displayName = r.text(0, 2);
        holder.role = roleFromName(r.text(0, 3)).value_or(Role::Banned);
        holder.badge = r.text(0, 4);
        holder.pinHash = r.bytes(0, 5);
        handler(holder, {});
    };
}

} // namespace

void KioskCredentialStore::findByBadge(
    const QUuid &org, const QString &badge, QObject *context, HolderHandler handler)
{
    m_db.exec(
        "SELECT " + kHolderColumns + " FROM users u WHERE u.organisation_id = $1 AND u.badge = $2",
        PgParams() << org << badge, context, holderFrom(handler));
}

void KioskCredentialStore::useQuickCode(const QUuid &org, const QString &badge,
    const QByteArray &codeHash, QObject *context, HolderHandler handler)
{
    PgParams params;
    params << org << badge;
    params.addBytes(codeHash);
    m_db.exec("WITH q AS (DELETE FROM quick_codes q USING users u WHERE q.organisation_id = $1"
              "  AND u.organisation_id = $1 AND u.badge = $2 AND q.user_id = u.id"
              "  AND q.code_hash = $3 AND q.expires_at > now() RETURNING u.*)"
              " SELECT "
            + kHolderColumns + " FROM q u",
        params, context, holderFrom(handler));
}

void KioskCredentialStore::saveQuickCode(const QUuid &org, const QUuid &userId,
    const QByteArray &codeHash, int validSeconds, QObject *context, CodeHandler handler)
{
    PgParams params;
    params << org << userId;
    params.addBytes(codeHash);
    params << validSeconds;
    m_db.exec("INSERT INTO quick_codes (organisation_id, user_id, code_hash, expires_at)"
              " SELECT $1, $2, $3, now() + make_interval(secs => $4::integer) FROM users"
              "  WHERE organisation_id = $1 AND id = $2 AND badge IS NOT NULL"
              " ON CONFLICT (organisation_id, user_id) DO UPDATE"
              "  SET code_hash = excluded.code_hash, expires_at = excluded.expires_at,"
              "   created_at = now()"
              " RETURNING floor(extract(epoch FROM expires_at) * 1000)::bigint",
        params, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            handler(r.rows() == 0 ? QDateTime() : r.timestamp(0, 0), {});
        });
}

void KioskCredentialStore::setPin(const QUuid &org, const QUuid &userId, const QByteArray &pinHash,
    QObject *context, DoneHandler handler)
{
    PgParams params;
    params << org << userId;
    pinHash.isEmpty() ? params << std::nullopt : params << QString::fromLatin1(pinHash);
    m_db.transaction(
        {{"UPDATE users SET pin_hash = $3 WHERE organisation_id = $1 AND id = $2", params},
            {"SELECT muster_audit($1, $2, 'user.pin', 'user', $2, NULL,"
             " jsonb_build_object('pin', CASE WHEN $3::boolean THEN 'set' ELSE 'removed' END))",
                PgParams() << org << userId << !pinHash.isEmpty()}},
        context, [handler](const QList<PgResult> &results) {
            const PgResult &r = results.last();
            handler(r.ok() ? StoreError() : StoreError::of(r));
        });
}

} // namespace Muster
