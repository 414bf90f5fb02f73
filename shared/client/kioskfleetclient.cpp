// See kioskfleetclient.h.
#include "kioskfleetclient.h"

#include "client/connection.h"

namespace Muster {

KioskFleetClient::KioskFleetClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

RpcReply *KioskFleetClient::list()
{
    return m_connection->request(QStringLiteral("kiosks.list"));
}

RpcReply *KioskFleetClient::approve(
    const QString &pairingCode, const QString &name, const QString &location, int lifetimeHours)
{
    return m_connection->request(QStringLiteral("kiosks.approve"),
        {{QStringLiteral("pairingCode"), pairingCode}, {QStringLiteral("name"), name},
            {QStringLiteral("location"), location},
            {QStringLiteral("lifetimeHours"), lifetimeHours}});
}

RpcReply *KioskFleetClient::update(
    const QString &kioskId, const QString &name, const QString &location)
{
    return m_connection->request(QStringLiteral("kiosks.update"),
        {{QStringLiteral("kioskId"), kioskId}, {QStringLiteral("name"), name},
            {QStringLiteral("location"), location}});
}

RpcReply *KioskFleetClient::renew(const QString &kioskId, int lifetimeHours)
{
    return m_connection->request(QStringLiteral("kiosks.update"),
        {{QStringLiteral("kioskId"), kioskId}, {QStringLiteral("lifetimeHours"), lifetimeHours}});
}

RpcReply *KioskFleetClient::revoke(const QString &kioskId)
{
    return m_connection->request(
        QStringLiteral("kiosks.revoke"), {{QStringLiteral("kioskId"), kioskId}});
}

} // namespace Muster
