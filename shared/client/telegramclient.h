// The chat bot as My time shows it: whether this server has one and my chat is linked, a
// one-time setup link to link it, and unlinking.
#pragma once

#include "client/rpcreply.h"

#include <QObject>

namespace Muster {

class Connection;

class TelegramClient : public QObject
{
    Q_OBJECT
public:
    explicit TelegramClient(Connection *connection, QObject *parent = nullptr);

    Q_INVOKABLE Muster::RpcReply *status();
    Q_INVOKABLE Muster::RpcReply *setupLink();
    Q_INVOKABLE Muster::RpcReply *unlink();

private:
    Connection *m_connection;
};

} // namespace Muster
