// See profileclient.h.
#include "profileclient.h"

#include "client/connection.h"

namespace Muster {

ProfileClient::ProfileClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

RpcReply *ProfileClient::get()
{
    return m_connection->request(QStringLiteral("profile.get"));
}

RpcReply *ProfileClient::update(const QJsonObject &changes)
{
    return m_connection->request(QStringLiteral("profile.update"), changes);
}

RpcReply *ProfileClient::changePassword(const QString &current, const QString &next)
{
    return m_connection->request(QStringLiteral("profile.changePassword"),
        {{QStringLiteral("current"), current}, {QStringLiteral("new"), next}});
}

RpcReply *ProfileClient::setAvatar(const QString &base64Image)
{
    return m_connection->request(QStringLiteral("profile.setAvatar"),
        {{QStringLiteral("image"),
            base64Image.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(base64Image)}});
}

} // namespace Muster
