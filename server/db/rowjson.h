// A table row an SQL function hands back inside its answer as to_jsonb(row): column names as
// keys, timestamps as ISO text with microseconds and an offset. Stores read such rows into
// typed values; the wire form is the typed value's business, never the function's.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace Muster {

class RowJson
{
public:
    explicit RowJson(const QJsonObject &row)
        : m_row(row)
    { }

    QUuid uuid(QStringView column) const; // null for SQL NULL
    QString text(QStringView column) const;
    bool boolean(QStringView column) const;
    // Truncated to the millisecond, as every timestamp a store reads; invalid for SQL NULL.
    QDateTime time(QStringView column) const;
    QJsonObject object(QStringView column) const;

private:
    QJsonObject m_row;
};

} // namespace Muster
