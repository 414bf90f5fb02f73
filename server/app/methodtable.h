// Registers every JSON-RPC method with its minimum role: the one table docs/protocol.md mirrors.
#pragma once

namespace Muster {

class PresenceService;
class ProfileService;
class RpcDispatcher;
class SessionService;
class StateService;
class TeamService;
class UserService;
class AvatarService;
class OrganisationService;
class InviteService;
struct Timeclock;
struct ConsultantChat;

// The services methods are routed to, one per domain area. They must outlive the dispatcher.
struct Services
{
    SessionService &sessions;
    PresenceService &presence;
    StateService &states;
    TeamService &teams;
    ProfileService &profile;
    UserService &users;
    AvatarService &avatars;
    OrganisationService &organisations;
    InviteService &invites;
    Timeclock &timeclock;
    ConsultantChat &chat;
};

void registerMethods(RpcDispatcher &dispatcher, const Services &services);

} // namespace Muster
