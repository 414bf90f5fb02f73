// The time clock's reports of an event, each one statement that yields the whole table. Shared
// by reports.get and --export-report, so both give the same file.
#pragma once

#include "domain/report.h"
#include "storeerror.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

struct ReportOptions
{
    QString minHours = QStringLiteral("0"); // hours report: only people who worked more
    QDateTime from; // audit report: window (invalid: unbounded)
    QDateTime to;
    QUuid logId; // attendees report: one log (null: every log of the event)
};

class Database;
class PgSyncConnection;

class ReportStore
{
public:
    using ReportHandler = std::function<void(const Report &report, const StoreError &error)>;

    explicit ReportStore(Database &db)
        : m_db(db)
    { }

    // "hours", "teams", "unclocked", "rewards", "attendees", "audit".
    static const QStringList &types();
    // `type` must be one of types().
    void run(const QString &type, const QUuid &organisationId, const QUuid &eventId,
        const ReportOptions &options, QObject *context, ReportHandler handler);
    // The same, from the command line.
    static std::optional<Report> run(PgSyncConnection &db, const QString &type,
        const QUuid &organisationId, const QUuid &eventId, const ReportOptions &options,
        StoreError *error);

private:
    Database &m_db;
};

} // namespace Muster
