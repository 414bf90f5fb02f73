// See avatarstore.h.
#include "avatarstore.h"

#include "database.h"

namespace Muster {

void AvatarStore::set(const QUuid &org, const QUuid &userId,
    const std::optional<StoredPicture> &upload, QObject *context,
    std::function<void(const StoreError &)> handler)
{
    QList<PgStatement> statements;
    if (upload) {
        PgParams insert;
        insert << org << upload->sha256 << QString::fromLatin1(upload->contentType);
        insert.addBytes(upload->data);
        statements.append({"INSERT INTO avatars (organisation_id, sha256, content_type, data)"
                           " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            insert});
    }
    PgParams change;
    change << org << userId;
    upload ? change << upload->sha256 : change << std::nullopt;
    statements.append(
        {"WITH old AS (SELECT avatar_sha256 FROM users WHERE id = $2 AND organisation_id = $1"
         "   FOR UPDATE),"
         " u AS (UPDATE users SET avatar_sha256 = $3 FROM old"
         "   WHERE users.id = $2 AND users.organisation_id = $1 RETURNING users.id)"
         " SELECT 1 FROM old, u CROSS JOIN LATERAL muster_audit($1, $2, 'user.avatar', 'user',"
         "  $2, jsonb_build_object('avatar', old.avatar_sha256),"
         "  jsonb_build_object('avatar', $3::text))",
            change});
    statements.append({"DELETE FROM avatars a WHERE a.organisation_id = $1 AND NOT EXISTS"
                       " (SELECT 1 FROM users u WHERE u.organisation_id = a.organisation_id"
                       "  AND u.avatar_sha256 = a.sha256)",
        PgParams() << org});
    const qsizetype changeIndex = statements.size() - 2;
    m_db.transaction(statements, context, [handler, changeIndex](const QList<PgResult> &results) {
        if (results.isEmpty() || !results.last().ok())
            return handler(StoreError::unavailable(
                results.isEmpty() ? QString() : results.last().errorMessage()));
        if (results.at(changeIndex).rows() == 0)
            return handler(StoreError::notFound(QStringLiteral("User")));
        handler({});
    });
}

void AvatarStore::fetch(const QByteArray &tokenHash, const QString &sha256, bool withData,
    QObject *context, std::function<void(const Fetched &, const StoreError &)> handler)
{
    PgParams params;
    params.addBytes(tokenHash);
    params << sha256 << withData;
    m_db.exec("WITH viewer AS (SELECT s.organisation_id, u.is_superadmin FROM sessions s"
              "   JOIN users u ON u.id = s.user_id AND u.organisation_id = s.organisation_id"
              "  WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()"
              "   AND u.role <> 'banned')"
              " SELECT (SELECT count(*) FROM viewer) > 0,"
              "  a.content_type, CASE WHEN $3 THEN encode(a.data, 'hex') END"
              " FROM (SELECT 1) one LEFT JOIN avatars a ON a.sha256 = $2 AND EXISTS"
              "  (SELECT 1 FROM viewer v WHERE v.is_superadmin"
              "   OR v.organisation_id = a.organisation_id)"
              " LIMIT 1",
        params, context, [handler](const PgResult &r) {
            if (!r.ok() || r.rows() != 1)
                return handler({}, StoreError::unavailable(r.errorMessage()));
            Fetched f;
            f.authorised = r.toBool(0, 0);
            f.found = f.authorised && !r.isNull(0, 1);
            if (f.found) {
                f.contentType = r.bytes(0, 1);
                f.data = QByteArray::fromHex(r.bytes(0, 2));
            }
            handler(f, {});
        });
}

} // namespace Muster
