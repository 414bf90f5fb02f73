// See rewardsclient.h.
#include "rewardsclient.h"

#include "client/connection.h"

namespace Muster {

RewardsClient::RewardsClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

RpcReply *RewardsClient::handOver(const QString &rewardId, const QString &userId)
{
    return m_connection->request(QStringLiteral("rewards.claim"),
        {{QStringLiteral("rewardId"), rewardId}, {QStringLiteral("userId"), userId}});
}

RpcReply *RewardsClient::takeBack(const QString &rewardId, const QString &userId)
{
    return m_connection->request(QStringLiteral("rewards.unclaim"),
        {{QStringLiteral("rewardId"), rewardId}, {QStringLiteral("userId"), userId}});
}

} // namespace Muster
