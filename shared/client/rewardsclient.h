// Rewards as managers hand them out: marking a reward handed over to someone who earned it, or
// taking that back.
#pragma once

#include "client/rpcreply.h"

#include <QObject>
#include <QString>

namespace Muster {

class Connection;

class RewardsClient : public QObject
{
    Q_OBJECT
public:
    explicit RewardsClient(Connection *connection, QObject *parent = nullptr);

    Q_INVOKABLE Muster::RpcReply *handOver(const QString &rewardId, const QString &userId);
    Q_INVOKABLE Muster::RpcReply *takeBack(const QString &rewardId, const QString &userId);

private:
    Connection *m_connection;
};

} // namespace Muster
