// Bound parameters for one statement. Values never touch the SQL text.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace Muster {

class PgParams
{
public:
    PgParams() = default;

    PgParams &operator<<(const QString &text);
    PgParams &operator<<(const char *) = delete; // say QStringLiteral: no accidental Latin-1
    PgParams &operator<<(const QUuid &id); // a null QUuid binds SQL NULL
    // A timestamptz in the wire's form (UTC, milliseconds); an invalid time binds SQL NULL.
    PgParams &operator<<(const QDateTime &time);
    // A uuid[] in PostgreSQL's array literal form ({id,id,…}); cast it with $n::uuid[].
    PgParams &operator<<(const QList<QUuid> &ids);
    PgParams &operator<<(qint64 number);
    PgParams &operator<<(int number) { return *this << qint64(number); }
    PgParams &operator<<(bool flag);
    PgParams &operator<<(std::nullopt_t);
    // Raw bytes for a bytea parameter, sent in binary format.
    PgParams &addBytes(const QByteArray &bytes);

    int count() const { return int(m_values.size()); }
    // Pointer arrays in the shape PQsendQueryParams expects; valid while this object lives.
    const char *const *values() const;
    const int *lengths() const { return m_lengths.constData(); }
    const int *formats() const { return m_formats.constData(); }

private:
    void add(const QByteArray &value, bool isNull, int format);

    QList<QByteArray> m_values;
    QList<bool> m_nulls;
    QList<int> m_lengths;
    QList<int> m_formats;
    mutable QList<const char *> m_pointers;
};

} // namespace Muster
