// See pgsyncconnection.h.
#include "pgsyncconnection.h"

#include <libpq-fe.h>

namespace Muster {

PgSyncConnection::PgSyncConnection(const QByteArray &conninfo)
    : m_conn(PQconnectdb(conninfo.constData()))
{
    if (isOpen())
        PQsetNoticeProcessor(
            m_conn, [](void *, const char *) {}, nullptr);
}

PgSyncConnection::~PgSyncConnection()
{
    if (m_conn)
        PQfinish(m_conn);
}

bool PgSyncConnection::isOpen() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

QString PgSyncConnection::errorMessage() const
{
    return m_conn ? QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()
                  : QStringLiteral("out of memory");
}

PgResult PgSyncConnection::exec(const QByteArray &sql, const PgParams &params)
{
    return PgResult(PQexecParams(m_conn, sql.constData(), params.count(), nullptr, params.values(),
        params.lengths(), params.formats(), 0));
}

PgResult PgSyncConnection::execScript(const QByteArray &sql)
{
    return PgResult(PQexec(m_conn, sql.constData()));
}

} // namespace Muster
