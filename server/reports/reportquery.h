// The time clock's reports as SQL: each yields one JSON object {columns, rows, totals}, rows
// being arrays of cells. Shared by reports.get and --export-report so both give the same file.
#pragma once

#include "db/pgstatement.h"

#include <QDateTime>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace Muster {

struct ReportOptions
{
    QString minHours = QStringLiteral("0"); // hours report: only people who worked more
    QDateTime from; // audit report: window (invalid: unbounded)
    QDateTime to;
    QUuid logId; // attendees report: one log (null: every log of the event)
};

class ReportQuery
{
public:
    // "hours", "teams", "unclocked", "rewards", "attendees", "audit".
    static const QStringList &types();
    // Null when the type is unknown.
    static std::optional<PgStatement> build(const QString &type, const QUuid &organisationId,
        const QUuid &eventId, const ReportOptions &options);
};

} // namespace Muster
