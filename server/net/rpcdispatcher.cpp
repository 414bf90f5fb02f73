// See rpcdispatcher.h.
#include "rpcdispatcher.h"

#include "clientsocket.h"
#include "protocol/rpcmessage.h"
#include "util/logging.h"

namespace Muster {

void RpcDispatcher::add(const QString &name, std::optional<Role> minimumRole, Handler handler)
{
    Q_ASSERT(!m_methods.contains(name));
    m_methods.insert(name, Method {minimumRole, std::move(handler)});
}

void RpcDispatcher::addSelfService(const QString &name, Role minimumRole, Handler handler)
{
    Q_ASSERT(!m_methods.contains(name));
    m_methods.insert(name, Method {minimumRole, std::move(handler), false, Place::DeskOrKiosk});
}

void RpcDispatcher::addSuperadmin(const QString &name, Role minimumRole, Handler handler)
{
    Q_ASSERT(!m_methods.contains(name));
    m_methods.insert(name, Method {minimumRole, std::move(handler), true});
}

void RpcDispatcher::addChat(const QString &name, Role minimumRole, Handler handler)
{
    Q_ASSERT(!m_methods.contains(name));
    m_methods.insert(name, Method {minimumRole, std::move(handler), false, Place::DeskOrAnteroom});
}

void RpcDispatcher::addAnteroom(const QString &name, Handler handler)
{
    Q_ASSERT(!m_methods.contains(name));
    m_methods.insert(name, Method {std::nullopt, std::move(handler), false, Place::Anteroom});
}

void RpcDispatcher::dispatch(ClientSocket *socket, const RpcMessage &request) const
{
    if (!socket->beginRequest()) {
        // Not counted, so answered directly rather than through an RpcCall.
        socket->sendMessage(RpcMessage::encodeError(request.id(),
            RpcError::rateLimited(
                1, QStringLiteral("Too many requests in flight on this connection"))));
        return;
    }
    const RpcCall call(socket, request.id(), request.method(), request.params());
    const auto it = m_methods.constFind(request.method());
    if (it == m_methods.cend()) {
        call.fail(RpcError::methodNotFound(request.method()));
        return;
    }
    if (socket->caller().isChatClient()) {
        // Whatever else the server offers, an anonymous client reaches their own chat only.
        if (it->place != Place::Anteroom && it->place != Place::DeskOrAnteroom) {
            call.fail(RpcError::forbidden(QStringLiteral("Not available in the anteroom")));
            return;
        }
        qCDebug(lcRpc) << "call" << request.method() << "from an anteroom client";
        it->handler(call);
        return;
    }
    if (it->minimumRole) {
        if (!socket->isAuthenticated()) {
            call.fail(RpcError::unauthenticated());
            return;
        }
        if (socket->caller().isKiosk() && it->place != Place::DeskOrKiosk) {
            call.fail(RpcError::forbidden(
                QStringLiteral("Not at a kiosk: sign in to the Muster app for this")));
            return;
        }
        if (!roleAtLeast(socket->caller().role, *it->minimumRole)) {
            call.fail(RpcError::forbidden());
            return;
        }
        if (it->superadminOnly && !socket->caller().superadmin) {
            call.fail(RpcError::forbidden(QStringLiteral("Only server superadmins may do this")));
            return;
        }
    }
    qCDebug(lcRpc) << "call" << request.method() << "from" << socket->caller().login;
    it->handler(call);
}

} // namespace Muster
