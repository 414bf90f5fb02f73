// See pgparams.h.
#include "pgparams.h"

#include "protocol/wiretime.h"

namespace Muster {

void PgParams::add(const QByteArray &value, bool isNull, int format)
{
    m_values.append(value);
    m_nulls.append(isNull);
    m_lengths.append(int(value.size()));
    m_formats.append(format);
}

PgParams &PgParams::operator<<(const QString &text)
{
    add(text.toUtf8(), false, 0);
    return *this;
}

PgParams &PgParams::operator<<(const QUuid &id)
{
    if (id.isNull())
        add({}, true, 0);
    else
        add(id.toByteArray(QUuid::WithoutBraces), false, 0);
    return *this;
}

PgParams &PgParams::operator<<(const QDateTime &time)
{
    if (!time.isValid())
        return *this << std::nullopt;
    return *this << toWireTime(time).toString();
}

PgParams &PgParams::operator<<(const QList<QUuid> &ids)
{
    QByteArray literal = "{";
    for (const QUuid &id : ids) {
        if (literal.size() > 1)
            literal += ',';
        literal += id.toByteArray(QUuid::WithoutBraces);
    }
    literal += '}';
    add(literal, false, 0);
    return *this;
}

PgParams &PgParams::operator<<(qint64 number)
{
    add(QByteArray::number(number), false, 0);
    return *this;
}

PgParams &PgParams::operator<<(bool flag)
{
    add(flag ? QByteArrayLiteral("t") : QByteArrayLiteral("f"), false, 0);
    return *this;
}

PgParams &PgParams::operator<<(std::nullopt_t)
{
    add({}, true, 0);
    return *this;
}

PgParams &PgParams::addBytes(const QByteArray &bytes)
{
    add(bytes, false, 1);
    return *this;
}

const char *const *PgParams::values() const
{
    m_pointers.resize(m_values.size());
    for (qsizetype i = 0; i < m_values.size(); ++i)
        m_pointers[i] = m_nulls.at(i) ? nullptr : m_values.at(i).constData();
    return m_pointers.constData();
}

} // namespace Muster
