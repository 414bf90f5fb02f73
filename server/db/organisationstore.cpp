// See organisationstore.h.
#include "organisationstore.h"

#include "database.h"

#include <QJsonDocument>

namespace Muster {

void OrganisationStore::list(
    QObject *context, std::function<void(const QJsonArray &, const StoreError &)> handler)
{
    m_db.exec("SELECT COALESCE(json_agg(json_build_object('id', o.id, 'name', o.name,"
              "  'people', (SELECT count(*) FROM users u WHERE u.organisation_id = o.id"
              "   AND u.role <> 'banned')) ORDER BY lower(o.name), o.id), '[]'::json)"
              " FROM organisations o",
        {}, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::unavailable(r.errorMessage()));
            handler(QJsonDocument::fromJson(r.bytes(0, 0)).array(), {});
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
