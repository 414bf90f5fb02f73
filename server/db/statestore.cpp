// See statestore.h.
#include "statestore.h"

#include "database.h"
#include "pgresult.h"

#include <QSet>

namespace Muster {

namespace {

// The columns stateAt() reads, of a states row s.
const QByteArray kStateColumns = "s.id, s.label, s.color, s.icon, s.sort_order, s.is_available,"
                                 " s.is_default, s.is_shift";

StatusState stateAt(const PgResult &r, int row)
{
    StatusState s;
    s.id = r.uuid(row, 0).toString(QUuid::WithoutBraces);
    s.label = r.text(row, 1);
    s.color = r.text(row, 2);
    s.icon = r.text(row, 3);
    s.order = int(r.toInt(row, 4));
    s.available = r.toBool(row, 5);
    s.isDefault = r.toBool(row, 6);
    s.shift = r.toBool(row, 7);
    return s;
}

StoreError failureOf(const PgResult &r, const QString &what)
{
    if (r.isUniqueViolation())
        return StoreError::conflict(QStringLiteral("A state with that label already exists"));
    if (r.sqlState() == "23514")
        return StoreError::conflict(QStringLiteral("%1 is not valid").arg(what));
    return StoreError::unavailable(r.errorMessage());
}

} // namespace

QByteArray StateStore::listSql()
{
    return "SELECT " + kStateColumns
        + " FROM states s WHERE s.organisation_id = $1 ORDER BY s.sort_order, lower(s.label)";
}

QList<StatusState> StateStore::statesOf(const PgResult &r)
{
    QList<StatusState> states;
    states.reserve(r.rows());
    for (int row = 0; row < r.rows(); ++row)
        states.append(stateAt(r, row));
    return states;
}

void StateStore::list(const QUuid &org, QObject *context, ListHandler handler)
{
    m_db.exec(listSql(), PgParams() << org, context, [handler](const PgResult &r) {
        if (!r.ok())
            return handler({}, StoreError::unavailable(r.errorMessage()));
        handler(statesOf(r), {});
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
                + kStateColumns + " FROM s",
            PgParams() << org << label << color << available});
    statements.append({"SELECT muster_audit($1, $2, 'state.create', 'state', NULL, NULL,"
                       " jsonb_build_object('label', $3::text, 'color', $4::text))",
        PgParams() << org << actor << label << color});
    m_db.transaction(statements, context, [handler](const QList<PgResult> &results) {
        if (results.size() != 2 || !results.last().ok())
            return handler({}, failureOf(results.last(), QStringLiteral("The label or colour")));
        handler(stateAt(results.first(), 0), {});
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
            + kStateColumns
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
        handler(stateAt(last, 0), {});
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
            statements.append({listSql(), PgParams() << org});
            m_db.transaction(statements, context, [handler](const QList<PgResult> &results) {
                if (results.size() != 3 || !results.last().ok())
                    return handler({}, StoreError::unavailable(results.last().errorMessage()));
                handler(statesOf(results.last()), {});
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
            statements.append({"UPDATE users u SET state_id = (SELECT id FROM states"
                               "   WHERE organisation_id = $1 AND is_default), state_since = now(),"
                               "   status_message = '', state_until = NULL"
                               "  WHERE u.organisation_id = $1 AND u.state_id = $2"
                               " RETURNING "
                    + PresenceStore::stateColumns(),
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
                handler(PresenceStore::statesOf(results.first()), {});
            });
        });
}

} // namespace Muster
