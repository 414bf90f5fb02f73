// See pgresult.h. Results are shared, not copied: handlers may keep them cheaply.
#include "pgresult.h"

#include <libpq-fe.h>

namespace Muster {

PgResult::PgResult(pg_result *result)
    : m_result(result, &PQclear)
{ }

PgResult PgResult::failure(const QString &message, const QByteArray &sqlState)
{
    PgResult r;
    r.m_failure = message;
    r.m_failureState = sqlState;
    return r;
}

bool PgResult::ok() const
{
    if (!m_result)
        return false;
    const ExecStatusType status = PQresultStatus(m_result.get());
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

QString PgResult::errorMessage() const
{
    if (!m_result)
        return m_failure.isEmpty() ? QStringLiteral("no result") : m_failure;
    return QString::fromUtf8(PQresultErrorMessage(m_result.get())).trimmed();
}

QByteArray PgResult::sqlState() const
{
    if (!m_result)
        return m_failureState;
    const char *state = PQresultErrorField(m_result.get(), PG_DIAG_SQLSTATE);
    return state ? QByteArray(state) : QByteArray();
}

QString PgResult::primaryMessage() const
{
    if (!m_result)
        return errorMessage();
    const char *message = PQresultErrorField(m_result.get(), PG_DIAG_MESSAGE_PRIMARY);
    return message ? QString::fromUtf8(message) : errorMessage();
}

QString PgResult::detail() const
{
    const char *detail
        = m_result ? PQresultErrorField(m_result.get(), PG_DIAG_MESSAGE_DETAIL) : nullptr;
    return detail ? QString::fromUtf8(detail) : QString();
}

int PgResult::rows() const
{
    return m_result ? PQntuples(m_result.get()) : 0;
}

int PgResult::affectedRows() const
{
    return m_result ? QByteArray(PQcmdTuples(m_result.get())).toInt() : 0;
}

int PgResult::columns() const
{
    return m_result ? PQnfields(m_result.get()) : 0;
}

int PgResult::column(const char *name) const
{
    return m_result ? PQfnumber(m_result.get(), name) : -1;
}

bool PgResult::isNull(int row, int column) const
{
    return !m_result || PQgetisnull(m_result.get(), row, column);
}

QString PgResult::text(int row, int column) const
{
    if (isNull(row, column))
        return {};
    return QString::fromUtf8(
        PQgetvalue(m_result.get(), row, column), PQgetlength(m_result.get(), row, column));
}

QByteArray PgResult::bytes(int row, int column) const
{
    if (isNull(row, column))
        return {};
    return QByteArray(
        PQgetvalue(m_result.get(), row, column), PQgetlength(m_result.get(), row, column));
}

qint64 PgResult::toInt(int row, int column) const
{
    return bytes(row, column).toLongLong();
}

bool PgResult::toBool(int row, int column) const
{
    return bytes(row, column) == "t";
}

QUuid PgResult::uuid(int row, int column) const
{
    return QUuid::fromString(QLatin1String(bytes(row, column)));
}

QDateTime PgResult::timestamp(int row, int column) const
{
    // Queries select timestamps as epoch milliseconds or ISO text; accept both.
    const QByteArray raw = bytes(row, column);
    if (raw.isEmpty())
        return {};
    bool isNumber = false;
    const qint64 ms = raw.toLongLong(&isNumber);
    if (isNumber)
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    QDateTime t
        = QDateTime::fromString(QString::fromLatin1(raw).replace(u' ', u'T'), Qt::ISODateWithMs);
    return t.toUTC();
}

} // namespace Muster
