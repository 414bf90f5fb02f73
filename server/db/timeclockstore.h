// The time clock's entries: clocking in and out (live, by a manager, or replayed offline by a
// kiosk), manual entries and their edits, totals, and the day boundary's stops. Each change is
// one call of an SQL function (resources/sql/07_entries.sql, 08_dayboundary.sql) that holds the
// person's row lock, checks event and team, writes, audits and stores its answer under the
// client's action id.
// The functions answer with rows (muster_entry_row, muster_totals_row, notices as to_jsonb);
// this store reads them into typed values.
#pragma once

#include "domain/notification.h"
#include "domain/role.h"
#include "domain/timetotals.h"
#include "storeerror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

class Database;
class PgSyncConnection;

class TimeclockStore
{
public:
    // Who acts, and how.
    struct Actor
    {
        QUuid organisationId;
        QUuid userId;
        Role role = Role::Volunteer;
    };
    struct ClockIn
    {
        QUuid userId; // whose entry
        QUuid actionId; // the client's id for this action: a replay gets the first answer
        QUuid teamId;
        QDateTime at; // invalid: now
        QString source; // "kiosk", "desktop" or "manager"
        QUuid kioskId;
        QString notes;
    };
    struct NewEntry
    {
        QUuid userId;
        QUuid teamId;
        QDateTime start;
        QDateTime stop;
        QString notes;
    };
    struct EntryChange
    {
        QUuid entryId;
        std::optional<QDateTime> start;
        std::optional<QDateTime> stop; // an invalid time makes the entry ongoing again
        QUuid teamId; // null: unchanged
        std::optional<QString> notes;
        QString reason; // recorded in the audit trail
    };

    // What a change to an entry did.
    struct Change
    {
        TimeEntry entry; // as it is now; as it was, for a deleted one
        std::optional<TimeTotals> totals; // the owner's, when they changed
        QList<Notification> notices; // rewards the change made claimable
        bool replayed = false; // the first answer to this action id, given again
    };
    // One shift the day boundary stopped.
    struct BoundaryStop
    {
        QUuid organisationId;
        Change change;
    };
    struct Boundary
    {
        QList<BoundaryStop> stops;
        QList<Notification> notices; // one to acknowledge per stop, then the reward notices
    };

    // Failures carry the functions' stable reasons.
    using ChangeHandler = std::function<void(const Change &change, const StoreError &error)>;
    // NotFound ("Event or user") when they are not the organisation's.
    using TotalsHandler = std::function<void(const TimeTotals &totals, const StoreError &error)>;
    // NotFound ("Event or user", or "Event") when they are not the organisation's.
    using EntriesHandler
        = std::function<void(const QList<TimeEntry> &entries, const StoreError &error)>;
    using BoundaryHandler = std::function<void(const Boundary &boundary, const StoreError &error)>;

    explicit TimeclockStore(Database &db)
        : m_db(db)
    { }

    void clockIn(const Actor &actor, const ClockIn &in, QObject *context, ChangeHandler handler);
    // Stops `userId`'s ongoing entry at `at` (invalid: now).
    void clockOut(const Actor &actor, const QUuid &userId, const QUuid &actionId,
        const QDateTime &at, QObject *context, ChangeHandler handler);
    // A kiosk's offline action: the person is whoever holds the badge (not banned, not a
    // placeholder), acting for themselves; the entry is flagged offline for managers to review.
    // NotFound ("Badge") when nobody does.
    void replayClockIn(const QUuid &org, const QString &badge, const QUuid &actionId,
        const QDateTime &at, const QUuid &teamId, const QUuid &kioskId, QObject *context,
        ChangeHandler handler);
    void replayClockOut(const QUuid &org, const QString &badge, const QUuid &actionId,
        const QDateTime &at, QObject *context, ChangeHandler handler);
    void addEntry(
        const Actor &actor, const NewEntry &entry, QObject *context, ChangeHandler handler);
    void updateEntry(
        const Actor &actor, const EntryChange &change, QObject *context, ChangeHandler handler);
    void deleteEntry(const Actor &actor, const QUuid &entryId, const QString &reason,
        QObject *context, ChangeHandler handler);

    // A person's time in an event (null: the active one).
    void totals(const QUuid &org, const QUuid &eventId, const QUuid &userId, QObject *context,
        TotalsHandler handler);
    // A person's entries, newest first.
    void entries(const QUuid &org, const QUuid &eventId, const QUuid &userId, QObject *context,
        EntriesHandler handler);
    // Everyone on shift now, longest first.
    void ongoing(const QUuid &org, const QUuid &eventId, QObject *context, EntriesHandler handler);

    // The day boundary: stops due shifts of every organisation (or, with `force`, every
    // ongoing entry of `org`'s active event).
    void stopAtBoundaries(const QUuid &org, bool force, QObject *context, BoundaryHandler handler);
    // The same, from the command line.
    static std::optional<Boundary> stopAtBoundaries(
        PgSyncConnection &db, const QUuid &org, bool force, StoreError *error);

    // A change function's answer: {entry, totals?, notifications?, replayed?}.
    static Change changeFromAnswer(const QJsonObject &answer);
    // An entry as muster_entry_row hands it back; totals as muster_totals_row does.
    static TimeEntry entryFromRow(const QJsonObject &row);
    static TimeTotals totalsFromRow(const QJsonObject &row);

private:
    Database &m_db;
};

} // namespace Muster
