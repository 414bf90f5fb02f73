// See methodtable.h. nullopt means "callable before sign-in".
#include "methodtable.h"

#include "net/rpcdispatcher.h"
#include "services/avatarservice.h"
#include "services/organisationservice.h"
#include "services/presenceservice.h"
#include "services/profileservice.h"
#include "services/sessionservice.h"
#include "services/stateservice.h"
#include "services/teamservice.h"
#include "services/userservice.h"

namespace Muster {

void registerMethods(RpcDispatcher &d, const Services &s)
{
    using enum Role;
    SessionService *sessions = &s.sessions;
    PresenceService *presence = &s.presence;
    StateService *states = &s.states;
    TeamService *teams = &s.teams;
    ProfileService *profile = &s.profile;
    UserService *users = &s.users;
    AvatarService *avatars = &s.avatars;
    OrganisationService *organisations = &s.organisations;
    // clang-format off
    d.add(QStringLiteral("session.login"),  std::nullopt, [=](const RpcCall &c) { sessions->login(c); });
    d.add(QStringLiteral("session.resume"), std::nullopt, [=](const RpcCall &c) { sessions->resume(c); });
    d.add(QStringLiteral("session.logout"), Attendee,     [=](const RpcCall &c) { sessions->logout(c); });
    d.add(QStringLiteral("presence.list"),  Volunteer,    [=](const RpcCall &c) { presence->list(c); });
    d.add(QStringLiteral("presence.set"),   Volunteer,    [=](const RpcCall &c) { presence->set(c); });
    d.add(QStringLiteral("states.create"),  Admin,        [=](const RpcCall &c) { states->create(c); });
    d.add(QStringLiteral("states.update"),  Admin,        [=](const RpcCall &c) { states->update(c); });
    d.add(QStringLiteral("states.reorder"), Admin,        [=](const RpcCall &c) { states->reorder(c); });
    d.add(QStringLiteral("states.delete"),  Admin,        [=](const RpcCall &c) { states->remove(c); });
    d.add(QStringLiteral("teams.list"),     Volunteer,    [=](const RpcCall &c) { teams->list(c); });
    d.add(QStringLiteral("teams.create"),   Admin,        [=](const RpcCall &c) { teams->create(c); });
    d.add(QStringLiteral("teams.update"),   Admin,        [=](const RpcCall &c) { teams->update(c); });
    d.add(QStringLiteral("profile.get"),    Volunteer,    [=](const RpcCall &c) { profile->get(c); });
    d.add(QStringLiteral("profile.update"), Volunteer,    [=](const RpcCall &c) { profile->update(c); });
    d.add(QStringLiteral("profile.changePassword"), Volunteer, [=](const RpcCall &c) { profile->changePassword(c); });
    d.add(QStringLiteral("profile.setAvatar"), Volunteer, [=](const RpcCall &c) { avatars->set(c); });
    // Superadmin is an account flag on top of the role.
    d.addSuperadmin(QStringLiteral("orgs.list"),  Attendee, [=](const RpcCall &c) { organisations->list(c); });
    d.addSuperadmin(QStringLiteral("orgs.watch"), Attendee, [=](const RpcCall &c) { organisations->watch(c); });
    d.add(QStringLiteral("users.update"),   Manager,      [=](const RpcCall &c) { users->update(c); });
    // clang-format on
}

} // namespace Muster
