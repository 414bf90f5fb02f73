// See timeclockstore.h.
#include "timeclockstore.h"

#include "database.h"
#include "pgsyncconnection.h"

#include <QJsonDocument>

namespace Muster {

namespace {

// The event a read is about: the one asked for ($2), else the active one.
const QByteArray kEventOf
    = "COALESCE($2::uuid, (SELECT active_event_id FROM organisations WHERE id = $1))";

// The event $2 names, if any, is one of organisation $1's.
const QByteArray kEventKnown
    = "($2::uuid IS NULL OR EXISTS (SELECT 1 FROM events x WHERE x.organisation_id = $1"
      " AND x.id = $2))";

// The person holding badge $2 who may clock in and out.
const QByteArray kBadgeHolder = "(SELECT id, role FROM users WHERE organisation_id = $1"
                                " AND badge = $2 AND role NOT IN ('banned', 'attendee'))";

QJsonValue jsonOf(const PgResult &r)
{
    if (r.rows() == 0 || r.isNull(0, 0))
        return QJsonValue::Null;
    const QJsonDocument doc = QJsonDocument::fromJson(r.bytes(0, 0));
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

// The answer, NotFound (`missing`) when there is none.
Database::ResultHandler answerOf(
    const TimeclockStore::AnswerHandler &handler, const QString &missing = QStringLiteral("Entry"))
{
    return [handler, missing](const PgResult &r) {
        if (!r.ok())
            return handler({}, StoreError::of(r));
        const QJsonValue answer = jsonOf(r);
        if (answer.isNull())
            return handler({}, StoreError::notFound(missing));
        handler(answer.toObject(), {});
    };
}

Database::ResultHandler entriesOf(
    const TimeclockStore::EntriesHandler &handler, const QString &missing)
{
    return [handler, missing](const PgResult &r) {
        if (!r.ok())
            return handler({}, StoreError::of(r));
        const QJsonValue entries = jsonOf(r);
        if (entries.isNull())
            return handler({}, StoreError::notFound(missing));
        handler(entries.toArray(), {});
    };
}

} // namespace

void TimeclockStore::clockIn(
    const Actor &actor, const ClockIn &in, QObject *context, AnswerHandler handler)
{
    PgParams params;
    params << actor.organisationId << in.userId << in.actionId << in.teamId;
    params << in.at;
    params << in.source << in.kioskId << actor.userId << roleName(actor.role) << in.notes;
    m_db.exec("SELECT muster_clock_in($1, $2, $3, $4, COALESCE($5::timestamptz, now()), $6, $7,"
              " false, $8, $9, $10)",
        params, context, answerOf(handler));
}

void TimeclockStore::clockOut(const Actor &actor, const QUuid &userId, const QUuid &actionId,
    const QDateTime &at, QObject *context, AnswerHandler handler)
{
    PgParams params;
    params << actor.organisationId << userId << actionId;
    params << at;
    params << actor.userId;
    m_db.exec("SELECT muster_clock_out($1, $2, $3, COALESCE($4::timestamptz, now()), false, $5)",
        params, context, answerOf(handler));
}

void TimeclockStore::replayClockIn(const QUuid &org, const QString &badge, const QUuid &actionId,
    const QDateTime &at, const QUuid &teamId, const QUuid &kioskId, QObject *context,
    AnswerHandler handler)
{
    PgParams params;
    params << org << badge << actionId;
    params << at;
    params << teamId << kioskId;
    m_db.exec("SELECT muster_clock_in($1, u.id, $3, $5, $4::timestamptz, 'kiosk', $6, true, u.id,"
              " u.role) FROM "
            + kBadgeHolder + " u",
        params, context, answerOf(handler, QStringLiteral("Badge")));
}

void TimeclockStore::replayClockOut(const QUuid &org, const QString &badge, const QUuid &actionId,
    const QDateTime &at, QObject *context, AnswerHandler handler)
{
    PgParams params;
    params << org << badge << actionId;
    params << at;
    m_db.exec("SELECT muster_clock_out($1, u.id, $3, $4::timestamptz, true, u.id) FROM "
            + kBadgeHolder + " u",
        params, context, answerOf(handler, QStringLiteral("Badge")));
}

void TimeclockStore::addEntry(
    const Actor &actor, const NewEntry &entry, QObject *context, AnswerHandler handler)
{
    PgParams params;
    params << actor.organisationId << actor.userId << roleName(actor.role) << entry.userId
           << entry.teamId;
    params << entry.start;
    params << entry.stop;
    params << entry.notes;
    m_db.exec("SELECT muster_add_entry($1, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz, $8)",
        params, context, answerOf(handler));
}

void TimeclockStore::updateEntry(
    const Actor &actor, const EntryChange &change, QObject *context, AnswerHandler handler)
{
    PgParams params;
    params << actor.organisationId << actor.userId << roleName(actor.role) << change.entryId;
    change.start ? params << *change.start : params << std::nullopt;
    change.stop ? params << *change.stop : params << std::nullopt;
    params << change.stop.has_value() << change.teamId;
    change.notes ? params << *change.notes : params << std::nullopt;
    params << change.reason;
    m_db.exec("SELECT muster_update_entry($1, $2, $3, $4, $5::timestamptz, $6::timestamptz, $7,"
              " $8, $9, $10)",
        params, context, answerOf(handler));
}

void TimeclockStore::deleteEntry(const Actor &actor, const QUuid &entryId, const QString &reason,
    QObject *context, AnswerHandler handler)
{
    m_db.exec("SELECT muster_delete_entry($1, $2, $3, $4)",
        PgParams() << actor.organisationId << actor.userId << entryId << reason, context,
        answerOf(handler));
}

void TimeclockStore::totals(const QUuid &org, const QUuid &eventId, const QUuid &userId,
    QObject *context, AnswerHandler handler)
{
    m_db.exec("SELECT CASE WHEN u.id IS NULL THEN NULL ELSE"
              " muster_user_totals($1, e.id, $3) END"
              " FROM (SELECT "
            + kEventOf
            + " AS id) e"
              " LEFT JOIN users u ON u.organisation_id = $1 AND u.id = $3"
              " WHERE e.id IS NULL OR EXISTS (SELECT 1 FROM events x WHERE x.id = e.id"
              "  AND x.organisation_id = $1)",
        PgParams() << org << eventId << userId, context,
        answerOf(handler, QStringLiteral("Event or user")));
}

void TimeclockStore::entries(const QUuid &org, const QUuid &eventId, const QUuid &userId,
    QObject *context, EntriesHandler handler)
{
    m_db.exec("SELECT CASE WHEN " + kEventKnown
            + " AND EXISTS (SELECT 1 FROM users WHERE organisation_id = $1 AND id = $3) THEN"
              " COALESCE(jsonb_agg(muster_entry_json(t) ORDER BY t.start_at DESC), '[]') END"
              " FROM time_entries t WHERE t.organisation_id = $1 AND t.event_id = "
            + kEventOf + " AND t.user_id = $3",
        PgParams() << org << eventId << userId, context,
        entriesOf(handler, QStringLiteral("Event or user")));
}

void TimeclockStore::ongoing(
    const QUuid &org, const QUuid &eventId, QObject *context, EntriesHandler handler)
{
    m_db.exec("SELECT CASE WHEN " + kEventKnown
            + " THEN COALESCE(jsonb_agg(muster_entry_json(t) ORDER BY t.start_at), '[]') END"
              " FROM time_entries t WHERE t.organisation_id = $1 AND t.event_id = "
            + kEventOf + " AND t.stop_at IS NULL",
        PgParams() << org << eventId, context, entriesOf(handler, QStringLiteral("Event")));
}

void TimeclockStore::stopAtBoundaries(
    const QUuid &org, bool force, QObject *context, EntriesHandler handler)
{
    // One transaction: the function takes each due event FOR UPDATE SKIP LOCKED.
    m_db.transaction(
        {{"SELECT muster_stop_at_boundaries($1, $2, NULL)", PgParams() << org << force}}, context,
        [handler](const QList<PgResult> &results) {
            const PgResult &r = results.last();
            if (!r.ok())
                return handler({}, StoreError::of(r));
            handler(jsonOf(r).toArray(), {});
        });
}

std::optional<QJsonArray> TimeclockStore::stopAtBoundaries(
    PgSyncConnection &db, const QUuid &org, bool force, StoreError *error)
{
    const PgResult r
        = db.exec("SELECT muster_stop_at_boundaries($1, $2, NULL)", PgParams() << org << force);
    if (!r.ok()) {
        *error = StoreError::of(r);
        return std::nullopt;
    }
    return jsonOf(r).toArray();
}

} // namespace Muster
