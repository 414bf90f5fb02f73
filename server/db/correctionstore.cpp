// See correctionstore.h.
#include "correctionstore.h"

#include "database.h"
#include "notificationstore.h"
#include "rowjson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Muster {

namespace {

QJsonObject answerOf(const PgResult &r, int row = 0)
{
    return QJsonDocument::fromJson(r.bytes(row, 0)).object();
}

} // namespace

void CorrectionStore::request(const QUuid &org, const QUuid &userId, const QUuid &entryId,
    const QDateTime &stop, const QString &note, QObject *context, RequestedHandler handler)
{
    m_db.exec("SELECT muster_request_correction($1, $2, $3, $4, $5)",
        PgParams() << org << userId << entryId << stop << note, context,
        [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            const QJsonObject answer = answerOf(r);
            Requested requested;
            requested.correction = fromRow(answer.value(QStringLiteral("correction")).toObject());
            for (const QJsonValue &n : answer.value(QStringLiteral("acknowledged")).toArray())
                requested.acknowledged.append(NotificationStore::fromRow(n.toObject()));
            handler(requested, {});
        });
}

void CorrectionStore::list(
    const QUuid &org, const Filter &filter, QObject *context, ListHandler handler)
{
    PgParams params;
    params << org << filter.eventId << filter.userId;
    filter.status ? params << StopCorrection::statusName(*filter.status) : params << std::nullopt;
    m_db.transaction(
        {{"SELECT muster_fail('MU404', 'not_found', 'Event not found')"
          " WHERE $2::uuid IS NOT NULL AND NOT EXISTS (SELECT 1 FROM events x"
          "  WHERE x.organisation_id = $1 AND x.id = $2)",
             PgParams() << org << filter.eventId},
            {"SELECT muster_correction_row(c) FROM stop_corrections c"
             " JOIN time_entries e ON e.id = c.entry_id"
             " WHERE c.organisation_id = $1 AND e.event_id ="
             "  COALESCE($2::uuid, (SELECT active_event_id FROM organisations WHERE id = $1))"
             " AND ($3::uuid IS NULL OR c.user_id = $3) AND ($4::text IS NULL OR c.status = $4)"
             " ORDER BY c.status = 'pending' DESC,"
             "  CASE WHEN c.status = 'pending' THEN c.created_at END,"
             "  c.decided_at DESC LIMIT 1000",
                params}},
        context, [handler](const QList<PgResult> &results) {
            for (const PgResult &r : results) {
                if (!r.ok())
                    return handler({}, StoreError::of(r));
            }
            const PgResult &r = results.last();
            QList<StopCorrection> corrections;
            corrections.reserve(r.rows());
            for (int row = 0; row < r.rows(); ++row)
                corrections.append(fromRow(answerOf(r, row)));
            handler(corrections, {});
        });
}

void CorrectionStore::decide(const TimeclockStore::Actor &actor, const QUuid &correctionId,
    bool approve, const QString &reason, QObject *context, DecidedHandler handler)
{
    m_db.exec("SELECT muster_decide_correction($1, $2, $3, $4, $5, $6)",
        PgParams() << actor.organisationId << actor.userId << roleName(actor.role) << correctionId
                   << approve << reason,
        context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            const QJsonObject answer = answerOf(r);
            Decided decided;
            decided.correction = fromRow(answer.value(QStringLiteral("correction")).toObject());
            const QJsonValue change = answer.value(QStringLiteral("change"));
            if (change.isObject())
                decided.change = TimeclockStore::changeFromAnswer(change.toObject());
            decided.notice = NotificationStore::fromRow(
                answer.value(QStringLiteral("notification")).toObject());
            handler(decided, {});
        });
}

StopCorrection CorrectionStore::fromRow(const QJsonObject &json)
{
    const RowJson row(json);
    StopCorrection c;
    c.id = row.uuid(u"id");
    c.entryId = row.uuid(u"entry_id");
    c.eventId = row.uuid(u"event_id");
    c.userId = row.uuid(u"user_id");
    c.userName = row.text(u"user_name");
    c.badge = row.text(u"badge");
    c.teamName = row.text(u"team_name");
    c.start = row.time(u"start_at");
    c.autoStop = row.time(u"auto_stop_at");
    c.requestedStop = row.time(u"requested_stop_at");
    c.note = row.text(u"note");
    c.status = StopCorrection::statusFromName(row.text(u"status"));
    c.decidedBy = row.text(u"decided_by_name");
    c.decidedAt = row.time(u"decided_at");
    c.reason = row.text(u"decision_reason");
    c.createdAt = row.time(u"created_at");
    return c;
}

} // namespace Muster
