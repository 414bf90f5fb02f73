// Registers every JSON-RPC method with its minimum role: the one table docs/protocol.md mirrors.
#pragma once

namespace Muster {

class PresenceService;
class RpcDispatcher;
class SessionService;

void registerMethods(
    RpcDispatcher &dispatcher, SessionService &sessions, PresenceService &presence);

} // namespace Muster
