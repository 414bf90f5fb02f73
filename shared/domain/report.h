// A report of the time clock as a table: column titles, rows of cells (text, numbers or null),
// and a totals row. The same table reaches the app (reports.get) and spreadsheets (CSV).
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace Muster {

struct Report
{
    QStringList columns;
    QList<QJsonArray> rows;
    QJsonArray totals; // empty when the report has none

    // {"columns", "rows", "totals"}, part of reports.get's answer.
    QJsonObject toJson() const;
    static Report fromJson(const QJsonObject &object);

    friend bool operator==(const Report &, const Report &) = default;
};

} // namespace Muster
