// See teamstore.h.
#include "teamstore.h"

#include "database.h"

#include <QJsonDocument>

namespace Muster {

namespace {

const QByteArray kTeamJson
    = "json_build_object('id', t.id, 'name', t.name, 'archived', t.archived, 'hidden', t.hidden,"
      " 'members', (SELECT count(*) FROM users u WHERE u.organisation_id ="
      " t.organisation_id AND u.home_team_id = t.id AND u.role <> 'banned'))";

StoreError failureOf(const PgResult &r)
{
    if (r.isUniqueViolation())
        return StoreError::conflict(QStringLiteral("A team with that name already exists"));
    return StoreError::unavailable(r.errorMessage());
}

} // namespace

QByteArray TeamStore::listJsonSql()
{
    return "SELECT COALESCE(json_agg(" + kTeamJson
        + " ORDER BY t.archived, lower(t.name)), '[]'::json)"
          " FROM teams t WHERE t.organisation_id = $1 AND ($2 OR NOT t.hidden)";
}

void TeamStore::list(const QUuid &org, bool includeHidden, QObject *context, ListHandler handler)
{
    m_db.exec(
        listJsonSql(), PgParams() << org << includeHidden, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::unavailable(r.errorMessage()));
            handler(QJsonDocument::fromJson(r.bytes(0, 0)).array(), {});
        });
}

void TeamStore::create(const QUuid &org, const QUuid &actor, const QString &name, bool hidden,
    QObject *context, TeamHandler handler)
{
    QList<PgStatement> statements;
    statements.append({"WITH t AS (INSERT INTO teams (organisation_id, name, hidden)"
                       " VALUES ($1, $2, $3) RETURNING *) SELECT "
            + kTeamJson + " FROM t",
        PgParams() << org << name << hidden});
    statements.append({"SELECT muster_audit($1, $2, 'team.create', 'team', NULL, NULL,"
                       " jsonb_build_object('name', $3::text, 'hidden', $4::boolean))",
        PgParams() << org << actor << name << hidden});
    m_db.transaction(statements, context, [handler](const QList<PgResult> &results) {
        if (results.size() != 2 || !results.last().ok())
            return handler({}, failureOf(results.last()));
        handler(QJsonDocument::fromJson(results.first().bytes(0, 0)).object(), {});
    });
}

void TeamStore::update(const QUuid &org, const QUuid &actor, const QUuid &teamId,
    const std::optional<QString> &name, std::optional<bool> archived, std::optional<bool> hidden,
    QObject *context, TeamHandler handler)
{
    m_db.exec("SELECT t.archived, (SELECT count(*) FROM teams o WHERE o.organisation_id = $1"
              "  AND NOT o.archived AND o.id <> $2) FROM teams t"
              " WHERE t.id = $2 AND t.organisation_id = $1",
        PgParams() << org << teamId, context,
        [this, org, actor, teamId, name, archived, hidden, context, handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::unavailable(r.errorMessage()));
            if (r.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("Team")));
            if (archived.value_or(false) && r.toInt(0, 1) == 0) {
                return handler({},
                    StoreError::conflict(
                        QStringLiteral("The last active team cannot be archived")));
            }
            PgParams params;
            params << org << teamId;
            name ? params << *name : params << std::nullopt;
            archived ? params << *archived : params << std::nullopt;
            params << actor;
            hidden ? params << *hidden : params << std::nullopt;
            QList<PgStatement> statements;
            statements.append(
                {"WITH old AS (SELECT * FROM teams WHERE id = $2 AND organisation_id = $1),"
                 " t AS (UPDATE teams SET name = COALESCE($3, teams.name),"
                 "   archived = COALESCE($4::boolean, teams.archived),"
                 "   hidden = COALESCE($6::boolean, teams.hidden)"
                 "  FROM old WHERE teams.id = old.id RETURNING teams.*)"
                 " SELECT "
                        + kTeamJson
                        + " FROM t, old CROSS JOIN LATERAL muster_audit($1, $5::uuid,"
                          "  'team.update', 'team', t.id,"
                          "  jsonb_build_object('name', old.name, 'archived', old.archived,"
                          "   'hidden', old.hidden),"
                          "  jsonb_build_object('name', t.name, 'archived', t.archived,"
                          "   'hidden', t.hidden))",
                    params});
            m_db.transaction(statements, context, [handler](const QList<PgResult> &results) {
                const PgResult &last = results.last();
                if (!last.ok())
                    return handler({}, failureOf(last));
                if (last.rows() == 0)
                    return handler({}, StoreError::notFound(QStringLiteral("Team")));
                handler(QJsonDocument::fromJson(last.bytes(0, 0)).object(), {});
            });
        });
}

} // namespace Muster
