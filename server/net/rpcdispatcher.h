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

    // Where a signed-in person may call a method from. A kiosk is a shared, unattended device:
    // someone signed in there acts on their own time and nothing else, whatever their role.
    enum class Place { Desk, DeskOrKiosk };

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
    void dispatch(ClientSocket *socket, const RpcMessage &request) const;

    const QHash<QString, Method> &methods() const { return m_methods; }

private:
    QHash<QString, Method> m_methods;
};

} // namespace Muster
