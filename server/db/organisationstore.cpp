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

} // namespace Muster
