// Forgotten clock-outs put right: a person's request to move the stop the day boundary set, and
// a manager's decision on it. Both are one call of an SQL function (resources/sql/
// 12_corrections.sql) that locks what it changes, audits and leaves the notices; approving goes
// through muster_update_entry, so it is checked and audited as any manager's edit.
#pragma once

#include "domain/notification.h"
#include "domain/stopcorrection.h"
#include "storeerror.h"
#include "timeclockstore.h"

#include <QList>
#include <QObject>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

class Database;

class CorrectionStore
{
public:
    struct Requested
    {
        StopCorrection correction;
        QList<Notification> acknowledged; // the shift's "stopped automatically" notice
    };
    struct Decided
    {
        StopCorrection correction;
        std::optional<TimeclockStore::Change> change; // the entry's, when approved
        Notification notice; // to the person
    };
    struct Filter
    {
        QUuid eventId; // null: the active event
        QUuid userId; // null: everyone's
        std::optional<StopCorrection::Status> status;
    };

    // Failures carry the function's stable reasons (not_auto_stopped, already_requested,
    // already_decided, event_closed, overlap) or NotFound.
    using RequestedHandler = std::function<void(const Requested &, const StoreError &)>;
    using DecidedHandler = std::function<void(const Decided &, const StoreError &)>;
    // NotFound ("Event") for an event not of the organisation.
    using ListHandler = std::function<void(const QList<StopCorrection> &, const StoreError &)>;

    explicit CorrectionStore(Database &db)
        : m_db(db)
    { }

    void request(const QUuid &org, const QUuid &userId, const QUuid &entryId, const QDateTime &stop,
        const QString &note, QObject *context, RequestedHandler handler);
    // Waiting ones first, oldest first (the order a manager works through them), then the
    // decided, newest first.
    void list(const QUuid &org, const Filter &filter, QObject *context, ListHandler handler);
    void decide(const TimeclockStore::Actor &actor, const QUuid &correctionId, bool approve,
        const QString &reason, QObject *context, DecidedHandler handler);

    // A request as muster_correction_row hands it back.
    static StopCorrection fromRow(const QJsonObject &row);

private:
    Database &m_db;
};

} // namespace Muster
