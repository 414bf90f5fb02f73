// See statestore.h.
#include "statestore.h"

#include "database.h"

#include <QJsonDocument>
#include <QSet>

namespace Muster {

namespace {

const QByteArray kStateJson = "json_build_object('id', s.id, 'label', s.label, 'color', s.color,"
                              " 'icon', s.icon, 'order', s.sort_order, 'available', s.is_available,"
                              " 'isDefault', s.is_default, 'shift', s.is_shift)";

StoreError failureOf(const PgResult &r, const QString &what)
{
    if (r.isUniqueViolation())
        return StoreError::conflict(QStringLiteral("A state with that label already exists"));
    if (r.sqlState() == "23514")
        return StoreError::conflict(QStringLiteral("%1 is not valid").arg(what));
    return StoreError::unavailable(r.errorMessage());
}

QJsonObject objectOf(const PgResult &r)
{
    return QJsonDocument::fromJson(r.bytes(0, 0)).object();
}

QJsonArray arrayOf(const PgResult &r)
{
    return QJsonDocument::fromJson(r.bytes(0, 0)).array();
}

} // namespace

QByteArray StateStore::listJsonSql()
{
    return "SELECT COALESCE(json_agg(" + kStateJson
        + " ORDER BY s.sort_order, lower(s.label)), '[]'::json)"
          " FROM states s WHERE s.organisation_id = $1";
}

void StateStore::list(const QUuid &org, QObject *context, ListHandler handler)
{
    m_db.exec(listJsonSql(), PgParams() << org, context, [handler](const PgResult &r) {
        if (!r.ok())
            return handler({}, StoreError::unavailable(r.errorMessage()));
        handler(arrayOf(r), {});
    });
}

void StateStore::create(const QUuid &org, const QUuid &actor, const QString &label,
    const QString &color, bool available, QObject *context, StateHandler handler)
{
    QList<PgStatement> statements;
    statements.append(
        {"WITH s AS (INSERT INTO states (organisation_id, label, color, is_available,"
         "  sort_order) VALUES ($1, $2, $3, $4, (SELECT COALESCE(max(sort_order) + 1, 0)"
         "  FROM states WHERE organisation_id = $1)) RETURNING *)"
         " SELECT "
                + kStateJson + " FROM s",
            PgParams() << org << label << color << available});
    statements.append({"SELECT muster_audit($1, $2, 'state.create', 'state', NULL, NULL,"
                       " jsonb_build_object('label', $3::text, 'color', $4::text))",
        PgParams() << org << actor << label << color});
    m_db.transaction(statements, context, [handler](const QList<PgResult> &results) {
        if (results.size() != 2 || !results.last().ok())
            return handler({}, failureOf(results.last(), QStringLiteral("The label or colour")));
        handler(objectOf(results.first()), {});
    });
}

void StateStore::update(const QUuid &org, const QUuid &actor, const QUuid &stateId,
    const Edit &edit, QObject *context, StateHandler handler)
{
    QList<PgStatement> statements;
    if (edit.makeDefault) {
        statements.append(
            {"UPDATE states SET is_default = false"
             " WHERE organisation_id = $1 AND is_default AND id <> $2"
             " AND EXISTS (SELECT 1 FROM states WHERE id = $2 AND organisation_id = $1)",
                PgParams() << org << stateId});
    }
    // Absent fields keep their value: NULL parameters fall back to the current column.
    PgParams params;
    params << org << stateId;
    edit.label ? params << *edit.label : params << std::nullopt;
    edit.color ? params << *edit.color : params << std::nullopt;
    edit.available ? params << *edit.available : params << std::nullopt;
    params << edit.makeDefault << actor;
    statements.append({"WITH old AS (SELECT * FROM states WHERE id = $2 AND organisation_id = $1),"
                       " s AS (UPDATE states SET label = COALESCE($3, states.label),"
                       "   color = COALESCE($4, states.color),"
                       "   is_available = COALESCE($5::boolean, states.is_available),"
                       "   is_default = states.is_default OR $6::boolean"
                       "  FROM old WHERE states.id = old.id RETURNING states.*)"
                       " SELECT "
            + kStateJson
            + " FROM s, old CROSS JOIN LATERAL muster_audit($1, $7::uuid, 'state.update',"
              "  'state', s.id,"
              "  jsonb_build_object('label', old.label, 'color', old.color,"
              "   'available', old.is_available, 'isDefault', old.is_default),"
              "  jsonb_build_object('label', s.label, 'color', s.color,"
              "   'available', s.is_available, 'isDefault', s.is_default))",
        params});
    m_db.transaction(statements, context, [handler](const QList<PgResult> &results) {
        const PgResult &last = results.last();
        if (!last.ok())
            return handler({}, failureOf(last, QStringLiteral("The label or colour")));
        if (last.rows() == 0)
            return handler({}, StoreError::notFound(QStringLiteral("State")));
        handler(objectOf(last), {});
    });
}

void StateStore::reorder(const QUuid &org, const QUuid &actor, const QList<QUuid> &ids,
    QObject *context, ListHandler handler)
{
    // Check the set first: a reorder names every state of the organisation exactly once.
    m_db.exec("SELECT id FROM states WHERE organisation_id = $1", PgParams() << org, context,
        [this, org, actor, ids, context, handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::unavailable(r.errorMessage()));
            QSet<QUuid> current;
            for (int i = 0; i < r.rows(); ++i)
                current.insert(r.uuid(i, 0));
            const QSet<QUuid> given(ids.cbegin(), ids.cend());
            if (given != current || qsizetype(given.size()) != ids.size()) {
                return handler({},
                    StoreError::conflict(
                        QStringLiteral("A new order must list every state exactly once")));
            }
            QList<PgStatement> statements;
            statements.append({"UPDATE states s SET sort_order = o.ord - 1"
                               " FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ord)"
                               " WHERE s.id = o.id AND s.organisation_id = $1",
                PgParams() << org << ids});
            statements.append({"SELECT muster_audit($1, $2, 'state.reorder', 'state', NULL,"
                               " NULL, to_jsonb($3::uuid[]))",
                PgParams() << org << actor << ids});
            statements.append({listJsonSql(), PgParams() << org});
            m_db.transaction(statements, context, [handler](const QList<PgResult> &results) {
                if (results.size() != 3 || !results.last().ok())
                    return handler({}, StoreError::unavailable(results.last().errorMessage()));
                handler(arrayOf(results.last()), {});
            });
        });
}

void StateStore::remove(const QUuid &org, const QUuid &actor, const QUuid &stateId,
    QObject *context, MovedHandler handler)
{
    m_db.exec("SELECT is_default, is_shift FROM states WHERE id = $2 AND organisation_id = $1",
        PgParams() << org << stateId, context,
        [this, org, actor, stateId, context, handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::unavailable(r.errorMessage()));
            if (r.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("State")));
            if (r.toBool(0, 0)) {
                return handler({},
                    StoreError::conflict(QStringLiteral("The default state cannot be deleted; make "
                                                        "another state the default first")));
            }
            if (r.toBool(0, 1)) {
                return handler({},
                    StoreError::conflict(QStringLiteral(
                        "The time clock's shift state cannot be deleted (it can be renamed)")));
            }
            QList<PgStatement> statements;
            statements.append(
                {"WITH moved AS (UPDATE users SET state_id = (SELECT id FROM states"
                 "   WHERE organisation_id = $1 AND is_default), state_since = now(),"
                 "   status_message = '', state_until = NULL"
                 "  WHERE organisation_id = $1 AND state_id = $2"
                 "  RETURNING id, state_id, state_since)"
                 " SELECT COALESCE(json_agg(json_build_object('userId', id, 'stateId', state_id,"
                 "   'since', muster_iso(state_since), 'message', '', 'until', NULL,"
                 "   'online', EXISTS (SELECT 1 FROM live_connections l WHERE l.user_id = moved.id)"
                 "   )), '[]'::json)"
                 " FROM moved",
                    PgParams() << org << stateId});
            statements.append(
                {"WITH gone AS (DELETE FROM states WHERE id = $2 AND organisation_id = $1"
                 "  AND NOT is_default RETURNING label, color)"
                 " SELECT 1 FROM gone CROSS JOIN LATERAL muster_audit($1, $3, 'state.delete',"
                 "  'state', $2, jsonb_build_object('label', label, 'color', color), NULL)",
                    PgParams() << org << stateId << actor});
            m_db.transaction(statements, context, [handler](const QList<PgResult> &results) {
                if (results.size() != 2 || !results.last().ok())
                    return handler({}, StoreError::unavailable(results.last().errorMessage()));
                handler(arrayOf(results.first()), {});
            });
        });
}

} // namespace Muster
