// See methodtable.h. nullopt means "callable before sign-in".
#include "methodtable.h"

#include "net/rpcdispatcher.h"
#include "services/presenceservice.h"
#include "services/sessionservice.h"

namespace Muster {

void registerMethods(RpcDispatcher &d, SessionService &sessions, PresenceService &presence)
{
    using enum Role;
    // clang-format off
    d.add(QStringLiteral("session.login"),  std::nullopt, [&](const RpcCall &c) { sessions.login(c); });
    d.add(QStringLiteral("session.resume"), std::nullopt, [&](const RpcCall &c) { sessions.resume(c); });
    d.add(QStringLiteral("session.logout"), Attendee,     [&](const RpcCall &c) { sessions.logout(c); });
    d.add(QStringLiteral("presence.list"),  Volunteer,    [&](const RpcCall &c) { presence.list(c); });
    d.add(QStringLiteral("presence.set"),   Volunteer,    [&](const RpcCall &c) { presence.set(c); });
    // clang-format on
}

} // namespace Muster
