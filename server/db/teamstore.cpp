// See teamstore.h.
#include "teamstore.h"

#include "database.h"

namespace Muster {

namespace {

const QByteArray kTeamColumns = TeamStore::teamColumns();

StoreError failureOf(const PgResult &r)
{
    if (r.isUniqueViolation())
        return StoreError::conflict(QStringLiteral("A team with that name already exists"));
    return StoreError::of(r);
}

} // namespace

QByteArray TeamStore::teamColumns()
{
    return "t.id, t.name, t.archived, t.hidden,"
           " (SELECT count(*) FROM users u WHERE u.organisation_id = t.organisation_id"
           "  AND u.home_team_id = t.id AND u.role <> 'banned')";
}

Team TeamStore::teamAt(const PgResult &r, int row)
{
    Team t;
    t.id = r.uuid(row, 0).toString(QUuid::WithoutBraces);
    t.name = r.text(row, 1);
    t.archived = r.toBool(row, 2);
    t.hidden = r.toBool(row, 3);
    t.members = int(r.toInt(row, 4));
    return t;
}

void TeamStore::list(const QUuid &org, bool includeHidden, QObject *context, ListHandler handler)
{
    m_db.exec("SELECT " + kTeamColumns
            + " FROM teams t WHERE t.organisation_id = $1 AND ($2 OR NOT t.hidden)"
              " ORDER BY t.archived, lower(t.name)",
        PgParams() << org << includeHidden, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::unavailable(r.errorMessage()));
            QList<Team> teams;
            teams.reserve(r.rows());
            for (int row = 0; row < r.rows(); ++row)
                teams.append(teamAt(r, row));
            handler(teams, {});
        });
}

void TeamStore::create(const QUuid &org, const QUuid &actor, const QString &name, bool hidden,
    QObject *context, TeamHandler handler)
{
    m_db.exec("WITH t AS (INSERT INTO teams (organisation_id, name, hidden)"
              " VALUES ($1, $2, $3) RETURNING *)"
              " SELECT "
            + kTeamColumns
            + " FROM t CROSS JOIN LATERAL muster_audit($1, $4, 'team.create', 'team', t.id, NULL,"
              "  jsonb_build_object('name', t.name, 'hidden', t.hidden))",
        PgParams() << org << name << hidden << actor, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, failureOf(r));
            handler(teamAt(r, 0), {});
        });
}
void TeamStore::update(const QUuid &org, const QUuid &actor, const QUuid &teamId,
    const std::optional<QString> &name, std::optional<bool> archived, std::optional<bool> hidden,
    QObject *context, TeamHandler handler)
{
    PgParams params;
    params << org << teamId;
    name ? params << *name : params << std::nullopt;
    archived ? params << *archived : params << std::nullopt;
    params << actor;
    hidden ? params << *hidden : params << std::nullopt;
    m_db.transaction(
        {// Archivals of one organisation take turns, so two of its last two teams cannot both
         // go: each checks what the other committed.
            {"SELECT 1 FROM organisations WHERE id = $1 FOR UPDATE", PgParams() << org},
            {"SELECT muster_fail('MU409', 'conflict', 'The last active team cannot be archived')"
             " WHERE $3::boolean AND EXISTS (SELECT 1 FROM teams WHERE organisation_id = $1"
             "  AND id = $2 AND NOT archived) AND NOT EXISTS (SELECT 1 FROM teams"
             "  WHERE organisation_id = $1 AND NOT archived AND id <> $2)",
                PgParams() << org << teamId << archived.value_or(false)},
            {"WITH old AS (SELECT * FROM teams WHERE id = $2 AND organisation_id = $1),"
             " t AS (UPDATE teams SET name = COALESCE($3, teams.name),"
             "   archived = COALESCE($4::boolean, teams.archived),"
             "   hidden = COALESCE($6::boolean, teams.hidden)"
             "  FROM old WHERE teams.id = old.id RETURNING teams.*)"
             " SELECT "
                    + kTeamColumns
                    + " FROM t, old CROSS JOIN LATERAL muster_audit($1, $5::uuid, 'team.update',"
                      "  'team', t.id,"
                      "  jsonb_build_object('name', old.name, 'archived', old.archived,"
                      "   'hidden', old.hidden),"
                      "  jsonb_build_object('name', t.name, 'archived', t.archived,"
                      "   'hidden', t.hidden))",
                params}},
        context, [handler](const QList<PgResult> &results) {
            const PgResult &last = results.last();
            if (!last.ok())
                return handler({}, failureOf(last));
            if (last.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("Team")));
            handler(teamAt(last, 0), {});
        });
}

} // namespace Muster
