// The time clock's entries: clocking in and out (live, by a manager, or replayed offline by a
// kiosk), manual entries and their edits, totals, and the day boundary's stops. Each change is
// one call of an SQL function (resources/sql/07_entries.sql, 08_dayboundary.sql) that holds the
// person's row lock, checks event and team, writes, audits and stores its answer under the
// client's action id.
//
// The answers are still the functions' JSON ({"entry", "totals", "notifications" as rows,
// "replayed"}): entries and totals are built by muster_entry_json and muster_user_totals, and
// replays hand back the stored first answer, so moving that JSON into C++ means changing what
// clock_actions records (see docs/architecture.md, "What is left").
#pragma once

#include "domain/role.h"
#include "storeerror.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
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

    // The function's answer; failures carry the functions' stable reasons.
    using AnswerHandler = std::function<void(const QJsonObject &answer, const StoreError &error)>;
    // NotFound ("Event or user", or "Event") when they are not the organisation's.
    using EntriesHandler = std::function<void(const QJsonArray &entries, const StoreError &error)>;

    explicit TimeclockStore(Database &db)
        : m_db(db)
    { }

    void clockIn(const Actor &actor, const ClockIn &in, QObject *context, AnswerHandler handler);
    // Stops `userId`'s ongoing entry at `at` (invalid: now).
    void clockOut(const Actor &actor, const QUuid &userId, const QUuid &actionId,
        const QDateTime &at, QObject *context, AnswerHandler handler);
    // A kiosk's offline action: the person is whoever holds the badge (not banned, not a
    // placeholder), acting for themselves; the entry is flagged offline for managers to review.
    // NotFound ("Badge") when nobody does.
    void replayClockIn(const QUuid &org, const QString &badge, const QUuid &actionId,
        const QDateTime &at, const QUuid &teamId, const QUuid &kioskId, QObject *context,
        AnswerHandler handler);
    void replayClockOut(const QUuid &org, const QString &badge, const QUuid &actionId,
        const QDateTime &at, QObject *context, AnswerHandler handler);
    void addEntry(
        const Actor &actor, const NewEntry &entry, QObject *context, AnswerHandler handler);
    void updateEntry(
        const Actor &actor, const EntryChange &change, QObject *context, AnswerHandler handler);
    void deleteEntry(const Actor &actor, const QUuid &entryId, const QString &reason,
        QObject *context, AnswerHandler handler);

    // A person's time in an event (null: the active one).
    void totals(const QUuid &org, const QUuid &eventId, const QUuid &userId, QObject *context,
        AnswerHandler handler);
    // A person's entries, newest first.
    void entries(const QUuid &org, const QUuid &eventId, const QUuid &userId, QObject *context,
        EntriesHandler handler);
    // Everyone on shift now, longest first.
    void ongoing(const QUuid &org, const QUuid &eventId, QObject *context, EntriesHandler handler);

    // The day boundary: stops due shifts of every organisation (or, with `force`, every
    // ongoing entry of `org`'s active event). One item per stop and per reward notice.
    void stopAtBoundaries(const QUuid &org, bool force, QObject *context, EntriesHandler handler);
    // The same, from the command line.
    static std::optional<QJsonArray> stopAtBoundaries(
        PgSyncConnection &db, const QUuid &org, bool force, StoreError *error);

private:
    Database &m_db;
};

} // namespace Muster
