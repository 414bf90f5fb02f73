// The one place pushes leave the server: knows which signed-in sockets belong to which
// organisation and user, encodes a push once and sends it to each of them.
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QUuid>

namespace Muster {

class ClientSocket;

class PushHub : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Registers a signed-in socket; emits userOnline when it is the user's first.
    void attach(ClientSocket *socket);
    // Forgets a socket (signed out or closed); emits userOffline when it was the user's last.
    void detach(ClientSocket *socket);

    // Also lets a socket follow another organisation's pushes (a superadmin's view), which
    // reach it with "organisationId" added. One watched organisation per socket; null stops.
    void watch(ClientSocket *socket, const QUuid &organisationId);

    // To every member connection, and to those watching the organisation.
    void pushToOrganisation(
        const QUuid &organisationId, const QString &method, const QJsonObject &params);
    void pushToUser(const QUuid &userId, const QString &method, const QJsonObject &params);

    QList<ClientSocket *> socketsOf(const QUuid &userId) const;
    bool isOnline(const QUuid &userId) const { return m_byUser.contains(userId); }

Q_SIGNALS:
    void userOnline(const QUuid &organisationId, const QUuid &userId);
    void userOffline(const QUuid &organisationId, const QUuid &userId);

private:
    void sendToAll(const QSet<ClientSocket *> &sockets, const QString &frame);

    QSet<ClientSocket *> m_sockets;
    QHash<QUuid, QSet<ClientSocket *>> m_byOrganisation;
    QHash<QUuid, QSet<ClientSocket *>> m_byUser;
    QHash<QUuid, QSet<ClientSocket *>> m_watchers; // by watched organisation
    QHash<ClientSocket *, QUuid> m_watching;
};

} // namespace Muster
