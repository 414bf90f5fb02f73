// See report.h.
#include "report.h"

namespace Muster {

QJsonObject Report::toJson() const
{
    QJsonArray rowArray;
    for (const QJsonArray &row : rows)
        rowArray.append(row);
    QJsonObject json {{QStringLiteral("columns"), QJsonArray::fromStringList(columns)},
        {QStringLiteral("rows"), rowArray}};
    if (!totals.isEmpty())
        json.insert(QStringLiteral("totals"), totals);
    return json;
}

Report Report::fromJson(const QJsonObject &o)
{
    Report r;
    for (const QJsonValue &column : o.value(QStringLiteral("columns")).toArray())
        r.columns.append(column.toString());
    for (const QJsonValue &row : o.value(QStringLiteral("rows")).toArray())
        r.rows.append(row.toArray());
    r.totals = o.value(QStringLiteral("totals")).toArray();
    return r;
}

} // namespace Muster
