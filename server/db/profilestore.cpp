// See profilestore.h.
#include "profilestore.h"

#include "database.h"
#include "directorystore.h"
#include "userstore.h"

namespace Muster {

void ProfileStore::get(
    const QUuid &org, const QUuid &userId, QObject *context, ProfileHandler handler)
{
    m_db.exec("SELECT " + UserStore::accountColumns()
            + " FROM users u WHERE u.id = $2 AND u.organisation_id = $1",
        PgParams() << org << userId, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::unavailable(r.errorMessage()));
            if (r.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("User")));
            handler(UserStore::accountAt(r, 0), {});
        });
}

void ProfileStore::update(const QUuid &org, const QUuid &userId,
    const std::optional<QString> &displayName, const std::optional<QString> &email,
    QObject *context, ProfileHandler handler)
{
    PgParams params;
    params << org << userId;
    displayName ? params << *displayName : params << std::nullopt;
    email ? params << *email : params << std::nullopt;
    m_db.exec(
        "WITH old AS (SELECT * FROM users WHERE id = $2 AND organisation_id = $1),"
        " u AS (UPDATE users SET display_name = COALESCE($3, users.display_name),"
        "   email = COALESCE($4, users.email) FROM old WHERE users.id = old.id RETURNING users.*)"
        " SELECT "
            + UserStore::accountColumns()
            + " FROM u, old CROSS JOIN LATERAL muster_audit($1, $2, 'user.profile', 'user', $2,"
              "   jsonb_build_object('displayName', old.display_name, 'email', old.email),"
              "   jsonb_build_object('displayName', u.display_name, 'email', u.email))",
        params, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::unavailable(r.errorMessage()));
            if (r.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("User")));
            handler(UserStore::accountAt(r, 0), {});
        });
}

void ProfileStore::passwordHash(const QUuid &org, const QUuid &userId, QObject *context,
    std::function<void(const QByteArray &, const StoreError &)> handler)
{
    m_db.exec("SELECT password_hash FROM users WHERE id = $2 AND organisation_id = $1",
        PgParams() << org << userId, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::unavailable(r.errorMessage()));
            if (r.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("User")));
            handler(r.bytes(0, 0), {});
        });
}

void ProfileStore::setPassword(const QUuid &org, const QUuid &userId, const QUuid &keepSession,
    const QByteArray &hash, QObject *context, std::function<void(const StoreError &)> handler)
{
    QList<PgStatement> statements;
    statements.append({"UPDATE users SET password_hash = $3 WHERE id = $2 AND organisation_id = $1",
        PgParams() << org << userId << QString::fromLatin1(hash)});
    statements.append({"UPDATE sessions SET revoked_at = now() WHERE organisation_id = $1"
                       " AND user_id = $2 AND id <> $3 AND revoked_at IS NULL",
        PgParams() << org << userId << keepSession});
    statements.append({"SELECT muster_audit($1, $2, 'user.password_change', 'user', $2, NULL,"
                       " NULL)",
        PgParams() << org << userId});
    // Delivered at commit: every server drops the user's connections whose session just ended.
    statements.append({"SELECT pg_notify($1, $2)",
        PgParams() << QString::fromLatin1(DirectoryStore::kUserChangedChannel)
                   << userId.toString(QUuid::WithoutBraces)});
    m_db.transaction(statements, context, [handler](const QList<PgResult> &results) {
        if (results.size() != 4 || !results.last().ok())
            return handler(StoreError::unavailable(results.last().errorMessage()));
        handler({});
    });
}

} // namespace Muster
