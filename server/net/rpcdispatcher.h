// Routes requests to handlers after checking sign-in and the method's minimum role.
// The table of methods itself lives in server/app/methodtable.cpp, in one place.
#pragma once

#include "domain/role.h"
#include "rpccall.h"

#include <QHash>
#include <QString>

#include <functional>
#include <optional>

namespace Muster {

class ClientSocket;
class RpcMessage;

class RpcDispatcher
{
public:
    using Handler = std::function<void(const RpcCall &call)>;

    // Where a method may be called from. A kiosk is a shared, unattended device: someone signed
    // in there acts on their own time and nothing else, whatever their role. An anonymous client
    // of the anteroom reaches its own chat (DeskOrAnteroom, the handler checks which chat) and
    // the anteroom's own public methods (Anteroom), and nothing else.
    enum class Place { Desk, DeskOrKiosk, DeskOrAnteroom, Anteroom };

    struct Method
    {
        // nullopt: callable before sign-in (session.login, session.resume, the kiosk device's
        // own methods, which check the connection themselves).
        std::optional<Role> minimumRole;
        Handler handler;
        // Also needs the account's server-wide superadmin flag (which is not a role).
        bool superadminOnly = false;
        Place place = Place::Desk;
    };

    // A method for people at their desk (a session of their own).
    void add(const QString &name, std::optional<Role> minimumRole, Handler handler);
    // A method people may also call signed in at a kiosk: their own time-clock self-service.
    void addSelfService(const QString &name, Role minimumRole, Handler handler);
    void addSuperadmin(const QString &name, Role minimumRole, Handler handler);
    // A chat method: for staff of at least minimumRole at their desk, and for the anonymous
    // client of a chat (their own chat only: the handler checks).
    void addChat(const QString &name, Role minimumRole, Handler handler);
    // The anteroom's public methods, callable before anyone is known (anteroom.open, .join, …).
    void addAnteroom(const QString &name, Handler handler);
    void dispatch(ClientSocket *socket, const RpcMessage &request) const;

    const QHash<QString, Method> &methods() const { return m_methods; }

private:
    QHash<QString, Method> m_methods;
};

} // namespace Muster
