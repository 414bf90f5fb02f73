// See pushhub.h.
#include "pushhub.h"

#include "clientsocket.h"
#include "protocol/rpcmessage.h"
#include "socketpump.h"

namespace Muster {

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
    if (mine.size() == 1)
        Q_EMIT userOnline(c.organisationId, c.userId);
}

void PushHub::watch(ClientSocket *socket, const QUuid &organisationId)
{
    if (const auto was = m_watching.constFind(socket); was != m_watching.cend()) {
        auto watchers = m_watchers.find(*was);
        watchers->remove(socket);
        if (watchers->isEmpty())
            m_watchers.erase(watchers);
        m_watching.erase(was);
    }
    if (organisationId.isNull() || !m_sockets.contains(socket))
        return;
    m_watching.insert(socket, organisationId);
    m_watchers[organisationId].insert(socket);
}

void PushHub::detach(ClientSocket *socket)
{
    watch(socket, {});
    if (!m_sockets.remove(socket))
        return;
    const Caller &c = socket->caller();
    auto org = m_byOrganisation.find(c.organisationId);
    if (org != m_byOrganisation.end()) {
        org->remove(socket);
        if (org->isEmpty())
            m_byOrganisation.erase(org);
    }
    auto user = m_byUser.find(c.userId);
    if (user != m_byUser.end()) {
        user->remove(socket);
        if (user->isEmpty()) {
            m_byUser.erase(user);
            Q_EMIT userOffline(c.organisationId, c.userId);
        }
    }
}

QList<ClientSocket *> PushHub::socketsOf(const QUuid &userId) const
{
    const auto it = m_byUser.constFind(userId);
    return it == m_byUser.cend() ? QList<ClientSocket *>() : it->values();
}

void PushHub::pushToOrganisation(
    const QUuid &organisationId, const QString &method, const QJsonObject &params)
{
    if (const auto it = m_byOrganisation.constFind(organisationId); it != m_byOrganisation.cend()) {
        // Encoded once; QString is implicitly shared, so every socket sends the same buffer.
        sendToAll(*it, QString::fromUtf8(RpcMessage::encodeNotification(method, params)));
    }
    pushToWatchers(organisationId, method, params);
}

void PushHub::pushToRole(const QUuid &organisationId, Role minimumRole, const QString &method,
    const QJsonObject &params, const QUuid &alsoUser)
{
    QSet<ClientSocket *> allowed;
    for (ClientSocket *socket : m_byOrganisation.value(organisationId)) {
        if (roleAtLeast(socket->caller().role, minimumRole))
            allowed.insert(socket);
    }
    if (!alsoUser.isNull())
        allowed.unite(m_byUser.value(alsoUser));
    if (!allowed.isEmpty())
        sendToAll(allowed, QString::fromUtf8(RpcMessage::encodeNotification(method, params)));
    pushToWatchers(organisationId, method, params);
}

void PushHub::pushToRolesBelow(
    const QUuid &organisationId, Role role, const QString &method, const QJsonObject &params)
{
    QSet<ClientSocket *> below;
    for (ClientSocket *socket : m_byOrganisation.value(organisationId)) {
        if (!roleAtLeast(socket->caller().role, role))
            below.insert(socket);
    }
    if (!below.isEmpty())
        sendToAll(below, QString::fromUtf8(RpcMessage::encodeNotification(method, params)));
}

void PushHub::pushToWatchers(
    const QUuid &organisationId, const QString &method, const QJsonObject &params)
{
    const auto it = m_watchers.constFind(organisationId);
    if (it == m_watchers.cend())
        return;
    QJsonObject tagged = params;
    tagged.insert(QStringLiteral("organisationId"), organisationId.toString(QUuid::WithoutBraces));
    sendToAll(*it, QString::fromUtf8(RpcMessage::encodeNotification(method, tagged)));
}

void PushHub::sendToAll(const QSet<ClientSocket *> &sockets, const QString &frame)
{
    // One posted job per socket thread rather than one event per socket: a push to thousands
    // wakes each thread once. Jobs and replies share each thread's queue, so order holds.
    QHash<QObject *, QList<QPointer<SocketPump>>> byLane;
    for (ClientSocket *socket : sockets) {
        if (QObject *lane = socket->lane())
            byLane[lane].append(socket->pump());
        else
            socket->sendFrame(frame);
    }
    for (auto it = byLane.begin(); it != byLane.end(); ++it) {
        QMetaObject::invokeMethod(
            it.key(),
            [pumps = std::move(it.value()), frame] {
                for (const QPointer<SocketPump> &pump : pumps) {
                    if (pump)
                        pump->send(frame);
                }
            },
            Qt::QueuedConnection);
    }
}

void PushHub::pushToUser(const QUuid &userId, const QString &method, const QJsonObject &params)
{
    const auto it = m_byUser.constFind(userId);
    if (it == m_byUser.cend())
        return;
    const QString frame = QString::fromUtf8(RpcMessage::encodeNotification(method, params));
    for (ClientSocket *socket : *it)
        socket->sendFrame(frame);
}

} // namespace Muster
