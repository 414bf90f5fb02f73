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

    struct Method
    {
        // nullopt: callable before sign-in (session.login, session.resume).
        std::optional<Role> minimumRole;
        Handler handler;
        // Also needs the account's server-wide superadmin flag (which is not a role).
        bool superadminOnly = false;
    };

    void add(const QString &name, std::optional<Role> minimumRole, Handler handler);
    void addSuperadmin(const QString &name, Role minimumRole, Handler handler);
    void dispatch(ClientSocket *socket, const RpcMessage &request) const;

    const QHash<QString, Method> &methods() const { return m_methods; }

private:
    QHash<QString, Method> m_methods;
};

} // namespace Muster
