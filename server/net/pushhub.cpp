// See pushhub.h.
#include "pushhub.h"

#include "clientsocket.h"
#include "protocol/rpcmessage.h"

namespace Muster {

namespace {

template <typename Key>
void removeFrom(QHash<Key, QSet<ClientSocket *>> &index, const Key &key, ClientSocket *socket)
{
    auto it = index.find(key);
    if (it == index.end())
        return;
    it->remove(socket);
    if (it->isEmpty())
        index.erase(it);
}

QByteArray messageOf(const QString &method, const QJsonObject &params)
{
    return RpcMessage::encodeNotification(method, params);
}

} // namespace

void PushHub::attach(ClientSocket *socket, Scope scope)
{
    const Caller &c = socket->caller();
    if (!c.isValid() || m_sockets.contains(socket))
        return;
    m_sockets.insert(socket);
    if (scope == Scope::Organisation)
        m_byOrganisation[c.organisationId].insert(socket);
    QSet<ClientSocket *> &mine = m_byUser[c.userId];
    mine.insert(socket);
    if (mine.size() == 1) {
        m_organisationOfUser.insert(c.userId, c.organisationId);
        Q_EMIT userOnline(c.organisationId, c.userId);
    }
}

void PushHub::detach(ClientSocket *socket)
{
    watch(socket, {});
    if (!m_sockets.remove(socket))
        return;
    const Caller &c = socket->caller();
    removeFrom(m_byOrganisation, c.organisationId, socket);
    auto user = m_byUser.find(c.userId);
    if (user != m_byUser.end()) {
        user->remove(socket);
        if (user->isEmpty()) {
            m_byUser.erase(user);
            const QUuid organisationId = m_organisationOfUser.take(c.userId);
            Q_EMIT userOffline(organisationId, c.userId);
        }
    }
}

void PushHub::attachKiosk(ClientSocket *socket, const QUuid &kioskId)
{
    if (m_kioskOf.contains(socket) || kioskId.isNull())
        return;
    m_kioskOf.insert(socket, kioskId);
    m_byKiosk[kioskId].insert(socket);
}

void PushHub::awaitPairing(ClientSocket *socket, const QString &code)
{
    if (const QString was = m_pairingOf.take(socket); !was.isEmpty())
        m_pairings.remove(was);
    m_pairingOf.insert(socket, code);
    m_pairings.insert(code, socket);
}

void PushHub::attachChatClient(ClientSocket *socket, const QUuid &chatId)
{
    if (m_chatOf.contains(socket) || chatId.isNull())
        return;
    m_chatOf.insert(socket, chatId);
    m_byChat[chatId].insert(socket);
}

void PushHub::forget(ClientSocket *socket)
{
    detach(socket);
    if (const auto chat = m_chatOf.constFind(socket); chat != m_chatOf.cend()) {
        removeFrom(m_byChat, *chat, socket);
        m_chatOf.erase(chat);
    }
    if (const auto kiosk = m_kioskOf.constFind(socket); kiosk != m_kioskOf.cend()) {
        removeFrom(m_byKiosk, *kiosk, socket);
        m_kioskOf.erase(kiosk);
    }
    if (const QString code = m_pairingOf.take(socket); !code.isEmpty())
        m_pairings.remove(code);
}

void PushHub::watch(ClientSocket *socket, const QUuid &organisationId)
{
    if (const auto was = m_watching.constFind(socket); was != m_watching.cend()) {
        removeFrom(m_watchers, *was, socket);
        m_watching.erase(was);
    }
    if (organisationId.isNull() || !m_sockets.contains(socket))
        return;
    m_watching.insert(socket, organisationId);
    m_watchers[organisationId].insert(socket);
}

QList<ClientSocket *> PushHub::socketsOf(const QUuid &userId) const
{
    const auto it = m_byUser.constFind(userId);
    return it == m_byUser.cend() ? QList<ClientSocket *>() : it->values();
}

QUuid PushHub::organisationOf(const QUuid &userId) const
{
    return m_organisationOfUser.value(userId);
}

QSet<ClientSocket *> PushHub::audienceOf(const Audience &audience)
{
    using Kind = Audience::Kind;
    switch (audience.kind) {
    case Kind::Organisation:
        return m_byOrganisation.value(audience.organisationId);
    case Kind::Role:
    case Kind::RolesBelow: {
        const bool atLeast = audience.kind == Kind::Role;
        QSet<ClientSocket *> chosen;
        for (ClientSocket *socket : m_byOrganisation.value(audience.organisationId)) {
            if (roleAtLeast(socket->caller().role, audience.role) == atLeast)
                chosen.insert(socket);
        }
        if (atLeast && !audience.userId.isNull())
            chosen.unite(m_byUser.value(audience.userId));
        return chosen;
    }
    case Kind::Person:
        return m_byUser.value(audience.userId);
    case Kind::Kiosk:
        return m_byKiosk.value(audience.kioskId);
    case Kind::Pairing: {
        // One push ends the wait: the kiosk is approved and signs in with its token.
        ClientSocket *socket = m_pairings.take(audience.pairingCode);
        if (!socket)
            return {};
        m_pairingOf.remove(socket);
        return {socket};
    }
    case Kind::ChatClient:
        return m_byChat.value(audience.chatId);
    case Kind::Everyone: {
        QSet<ClientSocket *> all = m_sockets;
        for (auto it = m_kioskOf.cbegin(); it != m_kioskOf.cend(); ++it)
            all.insert(it.key());
        return all;
    }
    }
    return {};
}

void PushHub::deliver(const Push &push)
{
    const QSet<ClientSocket *> sockets = audienceOf(push.audience);
    if (!sockets.isEmpty())
        ClientSocket::sendToAll(sockets, messageOf(push.method, push.params));
    const Audience::Kind kind = push.audience.kind;
    if (kind == Audience::Kind::Organisation || kind == Audience::Kind::Role)
        deliverToWatchers(push);
    if (!push.closeReason.isEmpty())
        close(sockets, push.closeReason);
}

void PushHub::deliverToWatchers(const Push &push)
{
    const auto it = m_watchers.constFind(push.audience.organisationId);
    if (it == m_watchers.cend())
        return;
    QJsonObject tagged = push.params;
    tagged.insert(QStringLiteral("organisationId"),
        push.audience.organisationId.toString(QUuid::WithoutBraces));
    ClientSocket::sendToAll(*it, messageOf(push.method, tagged));
}

void PushHub::close(const QSet<ClientSocket *> &sockets, const QString &reason)
{
    for (ClientSocket *socket : sockets) {
        forget(socket);
        socket->setCaller({});
        // Queued behind the push on the connection's wire thread, so the peer reads it first.
        socket->closeWith(CloseCode::PolicyViolated, reason);
    }
}

} // namespace Muster
