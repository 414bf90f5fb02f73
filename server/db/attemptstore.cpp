// See attemptstore.h.
#include "attemptstore.h"

#include "database.h"
#include "util/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Muster {

void AttemptStore::reserve(const QList<Rule> &rules, QObject *context, Handler handler)
{
    QJsonArray json;
    for (const Rule &rule : rules) {
        QJsonObject r {{QStringLiteral("key"), rule.key}, {QStringLiteral("limit"), rule.limit},
            {QStringLiteral("window"), qint64(rule.window.count())}};
        if (rule.spacingCap)
            r.insert(QStringLiteral("cap"), qint64(rule.spacingCap->count()));
        json.append(r);
    }
    m_db.exec("SELECT muster_reserve_attempt($1::jsonb)",
        PgParams() << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)),
        context, [handler](const PgResult &r) {
            Reservation reservation;
            if (!r.ok()) {
                qCWarning(lcDb).noquote() << "cannot reserve an attempt:" << r.errorMessage();
                reservation.error = StoreError::of(r);
                return handler(reservation);
            }
            const QJsonObject answer = QJsonDocument::fromJson(r.bytes(0, 0)).object();
            reservation.attemptId
                = QUuid::fromString(answer.value(QStringLiteral("attemptId")).toString());
            reservation.retryAfter = answer.value(QStringLiteral("retryAfter")).toInt();
            handler(reservation);
        });
}

void AttemptStore::succeeded(const QUuid &attemptId, const QStringList &forget)
{
    const QByteArray keys
        = QJsonDocument(QJsonArray::fromStringList(forget)).toJson(QJsonDocument::Compact);
    m_db.exec("SELECT muster_attempt_succeeded($1, ARRAY(SELECT jsonb_array_elements_text($2)))",
        PgParams() << attemptId << QString::fromUtf8(keys), nullptr, [](const PgResult &r) {
            if (!r.ok())
                qCWarning(lcDb).noquote() << "cannot forget an attempt:" << r.errorMessage();
        });
}

} // namespace Muster
