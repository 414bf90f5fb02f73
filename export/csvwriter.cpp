// See csvwriter.h.
#include "csvwriter.h"

#include <QJsonObject>

namespace Muster {

namespace {

QByteArray cell(const QJsonValue &value)
{
    QString text;
    switch (value.type()) {
    case QJsonValue::Double:
        text = QString::number(value.toDouble(), 'g', 15);
        break;
    case QJsonValue::Bool:
        text = value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
        break;
    case QJsonValue::String:
        text = value.toString();
        if (!text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.front()))
            text.prepend(QLatin1Char('\''));
        break;
    default:
        break;
    }
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
        || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))) {
        text.replace(QLatin1String("\""), QLatin1String("\"\""));
        text = QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text.toUtf8();
}

} // namespace

QByteArray CsvWriter::row(const QJsonArray &cells)
{
    QByteArray line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += ',';
        line += cell(cells.at(i));
    }
    return line + "\r\n";
}

QByteArray CsvWriter::write(const Report &report)
{
    QByteArray csv = row(QJsonArray::fromStringList(report.columns));
    for (const QJsonArray &r : report.rows)
        csv += row(r);
    if (!report.totals.isEmpty())
        csv += row(report.totals);
    return csv;
}

} // namespace Muster
