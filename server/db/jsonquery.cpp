// See jsonquery.h.
#include "jsonquery.h"

#include "database.h"
#include "util/logging.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Muster {

namespace {

QJsonValue valueOf(const PgResult &r)
{
    if (r.rows() == 0 || r.isNull(0, 0))
        return QJsonValue::Null;
    // QJsonDocument parses objects and arrays only; scalars are wrapped to get through it.
    const QJsonDocument doc = QJsonDocument::fromJson("[" + r.bytes(0, 0) + "]");
    return doc.array().at(0);
}

StoreError failureOf(const PgResult &r)
{
    const StoreError error = StoreError::of(r);
    // The other kinds are answers; this one is a fault someone must see.
    if (error.kind == StoreError::Unavailable)
        qCWarning(lcDb).noquote() << "statement failed:" << error.message;
    return error;
}

} // namespace

void JsonQuery::run(
    const QByteArray &sql, const PgParams &params, QObject *context, Handler handler)
{
    m_db.exec(sql, params, context, [handler](const PgResult &r) {
        if (!r.ok())
            return handler({}, failureOf(r));
        handler(valueOf(r), {});
    });
}

void JsonQuery::transaction(QList<PgStatement> statements, QObject *context, Handler handler)
{
    m_db.transaction(std::move(statements), context, [handler](const QList<PgResult> &results) {
        if (results.isEmpty())
            return handler({}, StoreError::unavailable(QStringLiteral("no result")));
        if (!results.last().ok())
            return handler({}, failureOf(results.last()));
        handler(valueOf(results.last()), {});
    });
}

} // namespace Muster
