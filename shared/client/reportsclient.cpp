// See reportsclient.h.
#include "reportsclient.h"

#include "client/connection.h"

namespace Muster {

ReportsClient::ReportsClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

RpcReply *ReportsClient::get(const QString &type, const QString &eventId, double minHours)
{
    QJsonObject params {{QStringLiteral("type"), type}};
    if (!eventId.isEmpty())
        params.insert(QStringLiteral("eventId"), eventId);
    if (minHours >= 0)
        params.insert(QStringLiteral("minHours"), minHours);
    return m_connection->request(QStringLiteral("reports.get"), params);
}

} // namespace Muster
