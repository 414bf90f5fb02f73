// See kioskclient.h.
#include "kioskclient.h"

#include "client/connection.h"

#include <QJsonObject>

namespace Muster {

KioskClient::KioskClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

RpcReply *KioskClient::registerDevice()
{
    return m_connection->request(QStringLiteral("kiosk.register"));
}

RpcReply *KioskClient::signInWithPin(const QString &badge, const QString &pin)
{
    return m_connection->request(QStringLiteral("kiosk.signIn"),
        {{QStringLiteral("badge"), badge}, {QStringLiteral("pin"), pin}});
}

RpcReply *KioskClient::signInWithCode(const QString &badge, const QString &code)
{
    return m_connection->request(QStringLiteral("kiosk.signIn"),
        {{QStringLiteral("badge"), badge}, {QStringLiteral("code"), code.toUpper()}});
}

RpcReply *KioskClient::signOut()
{
    return m_connection->request(QStringLiteral("kiosk.signOut"));
}

RpcReply *KioskClient::touch()
{
    return m_connection->request(QStringLiteral("kiosk.touch"));
}

RpcReply *KioskClient::replay(const QJsonArray &actions)
{
    return m_connection->request(
        QStringLiteral("kiosk.replay"), {{QStringLiteral("actions"), actions}});
}

} // namespace Muster
