// See timeclockstore.h.
#include "timeclockstore.h"

#include "database.h"
#include "notificationstore.h"
#include "pgsyncconnection.h"
#include "rowjson.h"

#include <QJsonArray>
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

QJsonObject objectAt(const PgResult &r, int row)
{
    return QJsonDocument::fromJson(r.bytes(row, 0)).object();
}

// The change, NotFound (`missing`) when the statement found nobody to act for.
Database::ResultHandler changeOf(
    const TimeclockStore::ChangeHandler &handler, const QString &missing = QStringLiteral("Entry"))
{
    return [handler, missing](const PgResult &r) {
        if (!r.ok())
            return handler({}, StoreError::of(r));
        if (r.rows() == 0 || r.isNull(0, 0))
            return handler({}, StoreError::notFound(missing));
        handler(TimeclockStore::changeFromAnswer(objectAt(r, 0)), {});
    };
}

// A check that fails with NotFound, then one entry row per result row.
void readEntries(Database &db, const QByteArray &check, const QByteArray &rows,
    const PgParams &params, QObject *context, const TimeclockStore::EntriesHandler &handler)
{
    db.transaction(
        {{check, params}, {rows, params}}, context, [handler](const QList<PgResult> &results) {
            const PgResult &r = results.last();
            if (!r.ok())
                return handler({}, StoreError::of(r));
            QList<TimeEntry> entries;
            entries.reserve(r.rows());
            for (int row = 0; row < r.rows(); ++row)
                entries.append(TimeclockStore::entryFromRow(objectAt(r, row)));
            handler(entries, {});
        });
}

// muster_stop_at_boundaries' items: a stop {organisationId, entry, totals, notification}, or a
// reward notice {organisationId, notification}.
TimeclockStore::Boundary boundaryFrom(const QJsonArray &items)
{
    TimeclockStore::Boundary boundary;
    for (const QJsonValue &value : items) {
        const QJsonObject item = value.toObject();
        if (item.contains(QStringLiteral("entry"))) {
            boundary.stops.append(
                {QUuid::fromString(item.value(QStringLiteral("organisationId")).toString()),
                    TimeclockStore::changeFromAnswer(item)});
        }
        const QJsonValue notice = item.value(QStringLiteral("notification"));
        if (notice.isObject())
            boundary.notices.append(NotificationStore::fromRow(notice.toObject()));
    }
    return boundary;
}

} // namespace

void TimeclockStore::clockIn(
    const Actor &actor, const ClockIn &in, QObject *context, ChangeHandler handler)
{
    PgParams params;
    params << actor.organisationId << in.userId << in.actionId << in.teamId;
    params << in.at;
    params << in.source << in.kioskId << actor.userId << roleName(actor.role) << in.notes;
    m_db.exec("SELECT muster_clock_in($1, $2, $3, $4, COALESCE($5::timestamptz, now()), $6, $7,"
              " false, $8, $9, $10)",
        params, context, changeOf(handler));
}

void TimeclockStore::clockOut(const Actor &actor, const QUuid &userId, const QUuid &actionId,
    const QDateTime &at, QObject *context, ChangeHandler handler)
{
    PgParams params;
    params << actor.organisationId << userId << actionId;
    params << at;
    params << actor.userId;
    m_db.exec("SELECT muster_clock_out($1, $2, $3, COALESCE($4::timestamptz, now()), false, $5)",
        params, context, changeOf(handler));
}

void TimeclockStore::replayClockIn(const QUuid &org, const QString &badge, const QUuid &actionId,
    const QDateTime &at, const QUuid &teamId, const QUuid &kioskId, QObject *context,
    ChangeHandler handler)
{
    PgParams params;
    params << org << badge << actionId;
    params << at;
    params << teamId << kioskId;
    m_db.exec("SELECT muster_clock_in($1, u.id, $3, $5, $4::timestamptz, 'kiosk', $6, true, u.id,"
              " u.role) FROM "
            + kBadgeHolder + " u",
        params, context, changeOf(handler, QStringLiteral("Badge")));
}

void TimeclockStore::replayClockOut(const QUuid &org, const QString &badge, const QUuid &actionId,
    const QDateTime &at, QObject *context, ChangeHandler handler)
{
    PgParams params;
    params << org << badge << actionId;
    params << at;
    m_db.exec("SELECT muster_clock_out($1, u.id, $3, $4::timestamptz, true, u.id) FROM "
            + kBadgeHolder + " u",
        params, context, changeOf(handler, QStringLiteral("Badge")));
}

void TimeclockStore::addEntry(
    const Actor &actor, const NewEntry &entry, QObject *context, ChangeHandler handler)
{
    PgParams params;
    params << actor.organisationId << actor.userId << roleName(actor.role) << entry.userId
           << entry.teamId;
    params << entry.start;
    params << entry.stop;
    params << entry.notes;
    m_db.exec("SELECT muster_add_entry($1, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz, $8)",
        params, context, changeOf(handler));
}

void TimeclockStore::updateEntry(
    const Actor &actor, const EntryChange &change, QObject *context, ChangeHandler handler)
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
        params, context, changeOf(handler));
}

void TimeclockStore::deleteEntry(const Actor &actor, const QUuid &entryId, const QString &reason,
    QObject *context, ChangeHandler handler)
{
    m_db.exec("SELECT muster_delete_entry($1, $2, $3, $4)",
        PgParams() << actor.organisationId << actor.userId << entryId << reason, context,
        changeOf(handler));
}

void TimeclockStore::totals(const QUuid &org, const QUuid &eventId, const QUuid &userId,
    QObject *context, TotalsHandler handler)
{
    m_db.exec("SELECT CASE WHEN u.id IS NULL THEN NULL ELSE"
              " muster_totals_row($1, e.id, $3) END"
              " FROM (SELECT "
            + kEventOf
            + " AS id) e"
              " LEFT JOIN users u ON u.organisation_id = $1 AND u.id = $3"
              " WHERE e.id IS NULL OR EXISTS (SELECT 1 FROM events x WHERE x.id = e.id"
              "  AND x.organisation_id = $1)",
        PgParams() << org << eventId << userId, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            if (r.rows() == 0 || r.isNull(0, 0))
                return handler({}, StoreError::notFound(QStringLiteral("Event or user")));
            handler(totalsFromRow(objectAt(r, 0)), {});
        });
}

void TimeclockStore::entries(const QUuid &org, const QUuid &eventId, const QUuid &userId,
    QObject *context, EntriesHandler handler)
{
    readEntries(m_db,
        "SELECT muster_fail('MU404', 'not_found', 'Event or user not found') WHERE NOT ("
            + kEventKnown
            + " AND EXISTS (SELECT 1 FROM users WHERE organisation_id = $1 AND id = $3))",
        "SELECT muster_entry_row(t) FROM time_entries t WHERE t.organisation_id = $1"
        " AND t.event_id = "
            + kEventOf + " AND t.user_id = $3 ORDER BY t.start_at DESC",
        PgParams() << org << eventId << userId, context, handler);
}

void TimeclockStore::ongoing(
    const QUuid &org, const QUuid &eventId, QObject *context, EntriesHandler handler)
{
    readEntries(m_db,
        "SELECT muster_fail('MU404', 'not_found', 'Event not found') WHERE NOT " + kEventKnown,
        "SELECT muster_entry_row(t) FROM time_entries t WHERE t.organisation_id = $1"
        " AND t.event_id = "
            + kEventOf + " AND t.stop_at IS NULL ORDER BY t.start_at",
        PgParams() << org << eventId, context, handler);
}

void TimeclockStore::stopAtBoundaries(
    const QUuid &org, bool force, QObject *context, BoundaryHandler handler)
{
    // One transaction: the function takes each due event FOR UPDATE SKIP LOCKED.
    m_db.transaction(
        {{"SELECT muster_stop_at_boundaries($1, $2, NULL)", PgParams() << org << force}}, context,
        [handler](const QList<PgResult> &results) {
            const PgResult &r = results.last();
            if (!r.ok())
                return handler({}, StoreError::of(r));
            handler(boundaryFrom(QJsonDocument::fromJson(r.bytes(0, 0)).array()), {});
        });
}

std::optional<TimeclockStore::Boundary> TimeclockStore::stopAtBoundaries(
    PgSyncConnection &db, const QUuid &org, bool force, StoreError *error)
{
    const PgResult r
        = db.exec("SELECT muster_stop_at_boundaries($1, $2, NULL)", PgParams() << org << force);
    if (!r.ok()) {
        *error = StoreError::of(r);
        return std::nullopt;
    }
    return boundaryFrom(QJsonDocument::fromJson(r.bytes(0, 0)).array());
}

TimeclockStore::Change TimeclockStore::changeFromAnswer(const QJsonObject &answer)
{
    Change change;
    change.entry = entryFromRow(answer.value(QStringLiteral("entry")).toObject());
    const QJsonValue totals = answer.value(QStringLiteral("totals"));
    if (totals.isObject())
        change.totals = totalsFromRow(totals.toObject());
    for (const QJsonValue &n : answer.value(QStringLiteral("notifications")).toArray())
        change.notices.append(NotificationStore::fromRow(n.toObject()));
    change.replayed = answer.value(QStringLiteral("replayed")).toBool();
    return change;
}

TimeEntry TimeclockStore::entryFromRow(const QJsonObject &json)
{
    const RowJson row(json);
    TimeEntry e;
    e.id = row.uuid(u"id");
    e.eventId = row.uuid(u"event_id");
    e.userId = row.uuid(u"user_id");
    e.userName = row.text(u"user_name");
    e.badge = row.text(u"badge");
    e.teamId = row.uuid(u"team_id");
    e.teamName = row.text(u"team_name");
    e.start = row.time(u"start_at");
    e.stop = row.time(u"stop_at");
    e.notes = row.text(u"notes");
    e.source = row.text(u"source");
    e.kioskId = row.uuid(u"kiosk_id");
    e.kioskName = row.text(u"kiosk_name");
    e.offline = row.boolean(u"offline");
    e.autoStopped = row.boolean(u"auto_stopped");
    e.workedSeconds = json.value(QStringLiteral("worked_seconds")).toInteger();
    e.earnedSeconds = json.value(QStringLiteral("earned_seconds")).toInteger();
    return e;
}

TimeTotals TimeclockStore::totalsFromRow(const QJsonObject &json)
{
    const RowJson row(json);
    TimeTotals t;
    t.eventId = row.uuid(u"event_id");
    t.userId = row.uuid(u"user_id");
    t.workedSeconds = json.value(QStringLiteral("worked_seconds")).toInteger();
    t.earnedSeconds = json.value(QStringLiteral("earned_seconds")).toInteger();
    t.entries = json.value(QStringLiteral("entries")).toInt();
    const QJsonObject ongoing = row.object(u"ongoing");
    if (!ongoing.isEmpty())
        t.ongoing = entryFromRow(ongoing);
    return t;
}

} // namespace Muster
