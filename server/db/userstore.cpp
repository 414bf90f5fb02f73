// See userstore.h.
#include "userstore.h"

#include "database.h"
#include "directorystore.h"

#include <QJsonDocument>

namespace Muster {

void UserStore::find(const QUuid &org, const QUuid &userId, QObject *context,
    std::function<void(const std::optional<Target> &, const StoreError &)> handler)
{
    m_db.exec("SELECT role FROM users WHERE id = $2 AND organisation_id = $1",
        PgParams() << org << userId, context, [handler, userId](const PgResult &r) {
            if (!r.ok())
                return handler(std::nullopt, StoreError::unavailable(r.errorMessage()));
            if (r.rows() == 0)
                return handler(std::nullopt, {});
            handler(Target {userId, roleFromName(r.text(0, 0)).value_or(Role::Banned)}, {});
        });
}

void UserStore::update(const QUuid &org, const QUuid &actor, const QUuid &userId, const Edit &edit,
    QObject *context, UserHandler handler)
{
    PgParams params;
    params << org << userId;
    edit.teamId ? params << *edit.teamId : params << std::nullopt;
    edit.role ? params << roleName(*edit.role) : params << std::nullopt;
    edit.highlight ? params << *edit.highlight : params << std::nullopt;
    params << edit.highlight.has_value() << actor;
    QList<PgStatement> statements;
    statements.append(
        {"WITH old AS (SELECT * FROM users WHERE id = $2 AND organisation_id = $1),"
         " team AS (SELECT id FROM teams WHERE id = $3 AND organisation_id = $1"
         "   AND NOT archived),"
         " u AS (UPDATE users SET home_team_id = COALESCE((SELECT id FROM team), "
         "users.home_team_id),"
         "   role = COALESCE($4, users.role),"
         "   highlight_color = CASE WHEN $6::boolean THEN NULLIF($5, '') ELSE "
         "users.highlight_color END"
         "  FROM old WHERE users.id = old.id AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM team))"
         "  RETURNING users.*),"
         " audit AS (INSERT INTO activities (organisation_id, actor_id, action, subject_type,"
         "   subject_id, old_value, new_value)"
         "  SELECT $1, $7::uuid, 'user.update', 'user', u.id,"
         "   jsonb_build_object('teamId', old.home_team_id, 'role', old.role,"
         "     'highlight', old.highlight_color),"
         "   jsonb_build_object('teamId', u.home_team_id, 'role', u.role,"
         "     'highlight', u.highlight_color) FROM u, old)"
         " SELECT json_build_object('userId', u.id, 'teamId', u.home_team_id, 'role', u.role,"
         "   'highlight', u.highlight_color) FROM u",
            params});
    if (edit.role) {
        // Connected sessions pick the new role up at once (see SessionService::refreshUser).
        statements.append({"SELECT pg_notify($1, $2)",
            PgParams() << QString::fromLatin1(DirectoryStore::kUserChangedChannel)
                       << userId.toString(QUuid::WithoutBraces)});
    }
    m_db.transaction(statements, context, [handler](const QList<PgResult> &results) {
        const PgResult &first = results.first();
        if (!results.last().ok())
            return handler({}, StoreError::unavailable(results.last().errorMessage()));
        if (first.rows() == 0)
            return handler({}, StoreError::notFound(QStringLiteral("User or team")));
        handler(QJsonDocument::fromJson(first.bytes(0, 0)).object(), {});
    });
}

} // namespace Muster
