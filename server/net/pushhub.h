// This process's side of every push: knows which connections belong to which organisation,
// person and kiosk, and hands a push (see push.h) to its audience here, encoded and framed once.
// Pushes reach it from PushRelay, which also carries them to the other server processes.
#pragma once

#include "push.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUuid>

namespace Muster {

class ClientSocket;

class PushHub : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Which pushes a signed-in socket receives: its organisation's and its person's, or only its
    // person's (a volunteer at a kiosk needs their own time and notices, not the board).
    enum class Scope { Organisation, PersonalOnly };

    // Registers a signed-in socket; emits userOnline when it is the person's first here.
    void attach(ClientSocket *socket, Scope scope = Scope::Organisation);
    // Forgets a socket's person (signed out, session ended); emits userOffline after the last.
    void detach(ClientSocket *socket);
    // A kiosk's own connection (kiosk.resume), reached by Audience::kiosk until it closes.
    void attachKiosk(ClientSocket *socket, const QUuid &kioskId);
    // An unapproved kiosk waiting on its pairing code; the first push to the code ends the wait.
    void awaitPairing(ClientSocket *socket, const QString &code);
    // An anonymous client's page, reached by Audience::chatClient until it closes.
    void attachChatClient(ClientSocket *socket, const QUuid &chatId);
    // A closed socket: forgets it everywhere.
    void forget(ClientSocket *socket);

    // Also lets a socket follow another organisation's pushes (a superadmin's view), which
    // reach it with "organisationId" added. One watched organisation per socket; null stops.
    void watch(ClientSocket *socket, const QUuid &organisationId);

    // Hands the push to its audience's connections in this process.
    void deliver(const Push &push);

    QList<ClientSocket *> socketsOf(const QUuid &userId) const;
    QList<QUuid> onlineUsers() const { return m_byUser.keys(); }
    QUuid organisationOf(const QUuid &userId) const;

Q_SIGNALS:
    void userOnline(const QUuid &organisationId, const QUuid &userId);
    void userOffline(const QUuid &organisationId, const QUuid &userId);

private:
    QSet<ClientSocket *> audienceOf(const Audience &audience);
    void deliverToWatchers(const Push &push);
    void close(const QSet<ClientSocket *> &sockets, const QString &reason);

    QSet<ClientSocket *> m_sockets;
    QHash<QUuid, QSet<ClientSocket *>> m_byOrganisation;
    QHash<QUuid, QSet<ClientSocket *>> m_byUser;
    QHash<QUuid, QUuid> m_organisationOfUser;
    QHash<QUuid, QSet<ClientSocket *>> m_watchers; // by watched organisation
    QHash<ClientSocket *, QUuid> m_watching;
    QHash<QUuid, QSet<ClientSocket *>> m_byKiosk;
    QHash<ClientSocket *, QUuid> m_kioskOf;
    QHash<QUuid, QSet<ClientSocket *>> m_byChat;
    QHash<ClientSocket *, QUuid> m_chatOf;
    QHash<QString, ClientSocket *> m_pairings; // by code
    QHash<ClientSocket *, QString> m_pairingOf;
};

} // namespace Muster
