// See organisationstore.h.
#include "organisationstore.h"

#include "database.h"

namespace Muster {

void OrganisationStore::list(
    QObject *context, std::function<void(const QList<Organisation> &, const StoreError &)> handler)
{
    m_db.exec("SELECT o.id, o.name, (SELECT count(*) FROM users u WHERE u.organisation_id = o.id"
              "  AND u.role <> 'banned')"
              " FROM organisations o ORDER BY lower(o.name), o.id",
        {}, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::unavailable(r.errorMessage()));
            QList<Organisation> organisations;
            organisations.reserve(r.rows());
            for (int row = 0; row < r.rows(); ++row)
                organisations.append({r.uuid(row, 0), r.text(row, 1), int(r.toInt(row, 2))});
            handler(organisations, {});
        });
}

void OrganisationStore::exists(
    const QUuid &org, QObject *context, std::function<void(bool, const StoreError &)> handler)
{
    m_db.exec("SELECT 1 FROM organisations WHERE id = $1", PgParams() << org, context,
        [handler](const PgResult &r) {
            if (!r.ok())
                return handler(false, StoreError::unavailable(r.errorMessage()));
            handler(r.rows() == 1, {});
        });
}

void OrganisationStore::remove(const QUuid &org, const QString &confirmName, QObject *context,
    std::function<void(const QList<QUuid> &, const StoreError &)> handler)
{
    // Nearly everything goes by ON DELETE CASCADE from organisations. What is not tied to it by
    // a foreign key goes by hand first: who is online (soft state, no key), and the throttles'
    // attempts, whose keys name the organisation, its people's ids or their logins.
    m_db.transaction(
        {{"SELECT muster_fail('MU404', 'not_found', 'Organisation not found') WHERE NOT EXISTS ("
          " SELECT 1 FROM organisations WHERE id = $1 AND lower(name) = lower($2))",
             PgParams() << org << confirmName},
            {"SELECT id FROM chats WHERE organisation_id = $1 AND status IN ('waiting', 'active')",
                PgParams() << org},
            {"DELETE FROM live_connections WHERE organisation_id = $1", PgParams() << org},
            {"DELETE FROM auth_attempts a WHERE strpos(a.key, $1::uuid::text) > 0 OR EXISTS ("
             " SELECT 1 FROM users u WHERE u.organisation_id = $1::uuid"
             "  AND (strpos(a.key, u.id::text) > 0"
             "  OR a.key = 'login:account:' || u.login"
             "  OR a.key LIKE 'login:account-address:' || u.login || '|%'))",
                PgParams() << org},
            {"DELETE FROM organisations WHERE id = $1", PgParams() << org}},
        context, [handler](const QList<PgResult> &results) {
            const PgResult &r = results.last();
            if (!r.ok())
                return handler({}, StoreError::of(r));
            QList<QUuid> chats;
            for (int row = 0; row < results.at(1).rows(); ++row)
                chats.append(results.at(1).uuid(row, 0));
            handler(chats, {});
        });
}

} // namespace Muster
