// The one place pushes leave the server: knows which signed-in sockets belong to which
// organisation and user, encodes a push once and sends it to each of them.
#pragma once

#include "domain/role.h"

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

    // Which pushes a socket receives: its organisation's and its user's, or only its user's (a
    // volunteer at a kiosk needs their own time and notices, not the organisation's board).
    enum class Scope { Organisation, PersonalOnly };

    // Registers a signed-in socket; emits userOnline when it is the user's first.
    void attach(ClientSocket *socket, Scope scope = Scope::Organisation);
    // Forgets a socket (signed out or closed); emits userOffline when it was the user's last.
    void detach(ClientSocket *socket);

    // Also lets a socket follow another organisation's pushes (a superadmin's view), which
    // reach it with "organisationId" added. One watched organisation per socket; null stops.
    void watch(ClientSocket *socket, const QUuid &organisationId);

    // To every member connection, and to those watching the organisation.
    void pushToOrganisation(
        const QUuid &organisationId, const QString &method, const QJsonObject &params);
    void pushToUser(const QUuid &userId, const QString &method, const QJsonObject &params);
    // To the organisation's connections whose role is at least minimumRole (and its watchers),
    // and to alsoUser's connections whatever their role (each socket gets it once).
    void pushToRole(const QUuid &organisationId, Role minimumRole, const QString &method,
        const QJsonObject &params, const QUuid &alsoUser = {});
    // To the organisation's connections whose role is below `role` (watchers excluded).
    void pushToRolesBelow(
        const QUuid &organisationId, Role role, const QString &method, const QJsonObject &params);

    QList<ClientSocket *> socketsOf(const QUuid &userId) const;
    bool isOnline(const QUuid &userId) const { return m_byUser.contains(userId); }

Q_SIGNALS:
    void userOnline(const QUuid &organisationId, const QUuid &userId);
    void userOffline(const QUuid &organisationId, const QUuid &userId);

private:
    void sendToAll(const QSet<ClientSocket *> &sockets, const QString &frame);
    void pushToWatchers(
        const QUuid &organisationId, const QString &method, const QJsonObject &params);

    QSet<ClientSocket *> m_sockets;
    QHash<QUuid, QSet<ClientSocket *>> m_byOrganisation;
    QHash<QUuid, QSet<ClientSocket *>> m_byUser;
    QHash<QUuid, QSet<ClientSocket *>> m_watchers; // by watched organisation
    QHash<ClientSocket *, QUuid> m_watching;
};

} // namespace Muster
