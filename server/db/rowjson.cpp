// See rowjson.h.
#include "rowjson.h"

#include <QRegularExpression>

namespace Muster {

QUuid RowJson::uuid(QStringView column) const
{
    return QUuid::fromString(m_row.value(column).toString());
}

QString RowJson::text(QStringView column) const
{
    return m_row.value(column).toString();
}

bool RowJson::boolean(QStringView column) const
{
    return m_row.value(column).toBool();
}

QDateTime RowJson::time(QStringView column) const
{
    // "2026-12-02T04:05:06.123456+00:00": keep exactly three digits of the fraction, so the
    // value equals what the same column reads as epoch milliseconds elsewhere.
    static const QRegularExpression seconds(QStringLiteral("(:\\d{2})(?:\\.(\\d+))?(?=[-+Z])"));
    QString text = m_row.value(column).toString();
    if (text.isEmpty())
        return {};
    const QRegularExpressionMatch m = seconds.match(text);
    if (m.hasMatch()) {
        const QString fraction = QString(m.captured(2) + QStringLiteral("000")).left(3);
        text.replace(m.capturedStart(), m.capturedLength(), m.captured(1) + u'.' + fraction);
    }
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

QJsonObject RowJson::object(QStringView column) const
{
    return m_row.value(column).toObject();
}

} // namespace Muster
