// See telegramclient.h.
#include "telegramclient.h"

#include "client/connection.h"

namespace Muster {

TelegramClient::TelegramClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

RpcReply *TelegramClient::status()
{
    return m_connection->request(QStringLiteral("telegram.status"));
}

RpcReply *TelegramClient::setupLink()
{
    return m_connection->request(QStringLiteral("telegram.setupLink"));
}

RpcReply *TelegramClient::unlink()
{
    return m_connection->request(QStringLiteral("telegram.unlink"));
}

} // namespace Muster
