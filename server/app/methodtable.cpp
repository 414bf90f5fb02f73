// See methodtable.h. nullopt means "callable before sign-in"; addSelfService marks what a person
// signed in at a kiosk may do (their own time), everything else needs their own session.
#include "methodtable.h"

#include "chat/consultantchat.h"
#include "net/rpcdispatcher.h"
#include "services/avatarservice.h"
#include "services/inviteservice.h"
#include "services/organisationservice.h"
#include "services/presenceservice.h"
#include "services/profileservice.h"
#include "services/sessionservice.h"
#include "services/stateservice.h"
#include "services/teamservice.h"
#include "services/userservice.h"
#include "timeclock/timeclock.h"

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
    d.addSelfService(QStringLiteral("teams.list"),     Volunteer,    [=](const RpcCall &c) { teams->list(c); });
    d.add(QStringLiteral("teams.create"),   Admin,        [=](const RpcCall &c) { teams->create(c); });
    d.add(QStringLiteral("teams.update"),   Admin,        [=](const RpcCall &c) { teams->update(c); });
    d.add(QStringLiteral("profile.get"),    Volunteer,    [=](const RpcCall &c) { profile->get(c); });
    d.add(QStringLiteral("profile.update"), Volunteer,    [=](const RpcCall &c) { profile->update(c); });
    d.add(QStringLiteral("profile.changePassword"), Volunteer, [=](const RpcCall &c) { profile->changePassword(c); });
    d.add(QStringLiteral("profile.setAvatar"), Volunteer, [=](const RpcCall &c) { avatars->set(c); });
    // Superadmin is an account flag on top of the role.
    d.addSuperadmin(QStringLiteral("organisations.list"),  Attendee, [=](const RpcCall &c) { organisations->list(c); });
    d.addSuperadmin(QStringLiteral("organisations.watch"), Attendee, [=](const RpcCall &c) { organisations->watch(c); });
    d.add(QStringLiteral("organisations.delete"), Manager, [=](const RpcCall &c) { organisations->remove(c); });
    // Joining without the command line: the service checks the server allows registration.
    InviteService *invites = &s.invites;
    d.add(QStringLiteral("organisations.register"), std::nullopt, [=](const RpcCall &c) { invites->registerOrganisation(c); });
    d.add(QStringLiteral("invites.accept"), std::nullopt, [=](const RpcCall &c) { invites->accept(c); });
    d.add(QStringLiteral("invites.create"), Manager,      [=](const RpcCall &c) { invites->create(c); });
    d.add(QStringLiteral("invites.list"),   Manager,      [=](const RpcCall &c) { invites->list(c); });
    d.add(QStringLiteral("invites.revoke"), Manager,      [=](const RpcCall &c) { invites->revoke(c); });
    d.add(QStringLiteral("users.list"),     Manager,      [=](const RpcCall &c) { users->list(c); });
    d.add(QStringLiteral("users.update"),   Manager,      [=](const RpcCall &c) { users->update(c); });
    d.add(QStringLiteral("users.create"),   Manager,      [=](const RpcCall &c) { users->create(c); });
    d.add(QStringLiteral("users.resetPassword"), Manager, [=](const RpcCall &c) { users->resetPassword(c); });
    d.add(QStringLiteral("users.history"),  Manager,      [=](const RpcCall &c) { users->history(c); });
    d.add(QStringLiteral("users.delete"),   Admin,        [=](const RpcCall &c) { users->remove(c); });

    // The volunteer time clock.
    Timeclock *t = &s.timeclock;
    d.addSelfService(QStringLiteral("events.list"),     Attendee, [=](const RpcCall &c) { t->events.list(c); });
    d.add(QStringLiteral("events.create"),   Admin,    [=](const RpcCall &c) { t->events.create(c); });
    d.add(QStringLiteral("events.update"),   Admin,    [=](const RpcCall &c) { t->events.update(c); });
    d.add(QStringLiteral("events.activate"), Admin,    [=](const RpcCall &c) { t->events.activate(c); });
    // A kiosk is not a person: these check the connection's kiosk identity themselves.
    d.add(QStringLiteral("kiosk.register"), std::nullopt, [=](const RpcCall &c) { t->kiosks.registerDevice(c); });
    d.add(QStringLiteral("kiosk.resume"),   std::nullopt, [=](const RpcCall &c) { t->kiosks.resume(c); });
    d.add(QStringLiteral("kiosk.signIn"),   std::nullopt, [=](const RpcCall &c) { t->kioskSignIn.signIn(c); });
    d.add(QStringLiteral("kiosk.signOut"),  std::nullopt, [=](const RpcCall &c) { t->kioskSignIn.signOut(c); });
    d.add(QStringLiteral("kiosk.touch"),    std::nullopt, [=](const RpcCall &c) { t->kioskSignIn.touch(c); });
    d.add(QStringLiteral("kiosk.replay"),   std::nullopt, [=](const RpcCall &c) { t->entries.replay(c); });
    d.add(QStringLiteral("kiosks.list"),    Lead,     [=](const RpcCall &c) { t->kiosks.list(c); });
    d.add(QStringLiteral("kiosks.approve"), Lead,     [=](const RpcCall &c) { t->kiosks.approve(c); });
    d.add(QStringLiteral("kiosks.update"),  Lead,     [=](const RpcCall &c) { t->kiosks.update(c); });
    d.add(QStringLiteral("kiosks.revoke"),  Lead,     [=](const RpcCall &c) { t->kiosks.revoke(c); });
    d.add(QStringLiteral("quickCodes.create"), Volunteer, [=](const RpcCall &c) { t->kioskSignIn.createQuickCode(c); });
    d.add(QStringLiteral("profile.setPin"),    Volunteer, [=](const RpcCall &c) { t->kioskSignIn.setPin(c); });
    d.addSelfService(QStringLiteral("timeclock.clockIn"),     Volunteer, [=](const RpcCall &c) { t->entries.clockIn(c); });
    d.addSelfService(QStringLiteral("timeclock.clockOut"),    Volunteer, [=](const RpcCall &c) { t->entries.clockOut(c); });
    d.addSelfService(QStringLiteral("timeclock.totals"),      Volunteer, [=](const RpcCall &c) { t->entries.totals(c); });
    d.addSelfService(QStringLiteral("timeclock.entries"),     Volunteer, [=](const RpcCall &c) { t->entries.entries(c); });
    d.add(QStringLiteral("timeclock.ongoing"),     Manager,   [=](const RpcCall &c) { t->entries.ongoing(c); });
    d.add(QStringLiteral("timeclock.addEntry"),    Manager,   [=](const RpcCall &c) { t->entries.addEntry(c); });
    d.add(QStringLiteral("timeclock.updateEntry"), Manager,   [=](const RpcCall &c) { t->entries.updateEntry(c); });
    d.add(QStringLiteral("timeclock.deleteEntry"), Manager,   [=](const RpcCall &c) { t->entries.deleteEntry(c); });
    d.add(QStringLiteral("timeclock.stopEntry"),   Manager,   [=](const RpcCall &c) { t->entries.stopEntry(c); });
    d.addSelfService(QStringLiteral("bonuses.list"),   Volunteer, [=](const RpcCall &c) { t->bonuses.list(c); });
    d.add(QStringLiteral("bonuses.create"), Admin,     [=](const RpcCall &c) { t->bonuses.create(c); });
    d.add(QStringLiteral("bonuses.update"), Admin,     [=](const RpcCall &c) { t->bonuses.update(c); });
    d.add(QStringLiteral("bonuses.delete"), Admin,     [=](const RpcCall &c) { t->bonuses.remove(c); });
    d.addSelfService(QStringLiteral("rewards.list"),    Volunteer, [=](const RpcCall &c) { t->rewards.list(c); });
    d.add(QStringLiteral("rewards.create"),  Admin,     [=](const RpcCall &c) { t->rewards.create(c); });
    d.add(QStringLiteral("rewards.update"),  Admin,     [=](const RpcCall &c) { t->rewards.update(c); });
    d.add(QStringLiteral("rewards.delete"),  Admin,     [=](const RpcCall &c) { t->rewards.remove(c); });
    d.add(QStringLiteral("rewards.claim"),   Manager,   [=](const RpcCall &c) { t->rewards.claim(c); });
    d.add(QStringLiteral("rewards.unclaim"), Manager,   [=](const RpcCall &c) { t->rewards.unclaim(c); });
    d.add(QStringLiteral("telegram.status"),    Volunteer, [=](const RpcCall &c) { t->telegramLinks.status(c); });
    d.add(QStringLiteral("telegram.setupLink"), Volunteer, [=](const RpcCall &c) { t->telegramLinks.setupLink(c); });
    d.add(QStringLiteral("telegram.unlink"),    Volunteer, [=](const RpcCall &c) { t->telegramLinks.unlink(c); });
    d.addSelfService(QStringLiteral("corrections.request"), Volunteer, [=](const RpcCall &c) { t->corrections.request(c); });
    d.addSelfService(QStringLiteral("corrections.list"),    Volunteer, [=](const RpcCall &c) { t->corrections.list(c); });
    d.add(QStringLiteral("corrections.approve"), Manager, [=](const RpcCall &c) { t->corrections.approve(c); });
    d.add(QStringLiteral("corrections.refuse"),  Manager, [=](const RpcCall &c) { t->corrections.refuse(c); });
    d.addSelfService(QStringLiteral("notifications.list"),        Attendee, [=](const RpcCall &c) { t->notifications.list(c); });
    d.addSelfService(QStringLiteral("notifications.acknowledge"), Attendee, [=](const RpcCall &c) { t->notifications.acknowledge(c); });
    // Gatekeepers of any role keep their own logs: the service checks who may.
    d.add(QStringLiteral("attendeeLogs.list"),             Attendee, [=](const RpcCall &c) { t->attendeeLogs.list(c); });
    d.add(QStringLiteral("attendeeLogs.create"),           Manager,  [=](const RpcCall &c) { t->attendeeLogs.create(c); });
    d.add(QStringLiteral("attendeeLogs.update"),           Manager,  [=](const RpcCall &c) { t->attendeeLogs.update(c); });
    d.add(QStringLiteral("attendeeLogs.delete"),           Manager,  [=](const RpcCall &c) { t->attendeeLogs.remove(c); });
    d.add(QStringLiteral("attendeeLogs.addGatekeeper"),    Manager,  [=](const RpcCall &c) { t->attendeeLogs.addGatekeeper(c); });
    d.add(QStringLiteral("attendeeLogs.removeGatekeeper"), Manager,  [=](const RpcCall &c) { t->attendeeLogs.removeGatekeeper(c); });
    d.add(QStringLiteral("attendeeLogs.attendees"),        Attendee, [=](const RpcCall &c) { t->attendeeLogs.attendees(c); });
    d.add(QStringLiteral("attendeeLogs.addAttendee"),      Attendee, [=](const RpcCall &c) { t->attendeeLogs.addAttendee(c); });
    d.add(QStringLiteral("attendeeLogs.removeAttendee"),   Attendee, [=](const RpcCall &c) { t->attendeeLogs.removeAttendee(c); });
    d.add(QStringLiteral("reports.get"), Manager, [=](const RpcCall &c) { t->reports.get(c); });

    // The consultant chat. Anonymous clients of the anteroom reach the anteroom's methods and,
    // for their own chat only, the chat methods added with addChat.
    ConsultantChat *chat = &s.chat;
    d.addAnteroom(QStringLiteral("anteroom.open"),   [=](const RpcCall &c) { chat->anteroom.open(c); });
    d.addAnteroom(QStringLiteral("anteroom.join"),   [=](const RpcCall &c) { chat->anteroom.join(c); });
    d.addAnteroom(QStringLiteral("anteroom.resume"), [=](const RpcCall &c) { chat->anteroom.resume(c); });
    d.addAnteroom(QStringLiteral("anteroom.forget"), [=](const RpcCall &c) { chat->anteroom.forget(c); });
    d.add(QStringLiteral("chat.settings.get"),       Manager, [=](const RpcCall &c) { chat->settings.get(c); });
    d.add(QStringLiteral("chat.settings.update"),    Manager, [=](const RpcCall &c) { chat->settings.update(c); });
    d.add(QStringLiteral("chat.settings.rotateKey"), Manager, [=](const RpcCall &c) { chat->settings.rotateKey(c); });
    d.add(QStringLiteral("chat.settings.setLogo"),   Manager, [=](const RpcCall &c) { chat->settings.setLogo(c); });
    d.add(QStringLiteral("chat.cannedReplies.list"), Staff,   [=](const RpcCall &c) { chat->settings.cannedReplies(c); });
    d.add(QStringLiteral("chat.cannedReplies.set"),  Manager, [=](const RpcCall &c) { chat->settings.setCannedReplies(c); });
    d.add(QStringLiteral("chat.duty"),     Staff, [=](const RpcCall &c) { chat->chats.duty(c); });
    d.add(QStringLiteral("chat.consultants"), Staff, [=](const RpcCall &c) { chat->chats.consultants(c); });
    d.add(QStringLiteral("chat.queue"),    Staff, [=](const RpcCall &c) { chat->chats.queue(c); });
    d.add(QStringLiteral("chat.list"),     Staff, [=](const RpcCall &c) { chat->chats.list(c); });
    d.add(QStringLiteral("chat.accept"),   Staff, [=](const RpcCall &c) { chat->chats.accept(c); });
    d.add(QStringLiteral("chat.transfer"), Staff, [=](const RpcCall &c) { chat->chats.transfer(c); });
    d.addChat(QStringLiteral("chat.send"),    Staff, [=](const RpcCall &c) { chat->chats.send(c); });
    d.addChat(QStringLiteral("chat.typing"),  Staff, [=](const RpcCall &c) { chat->chats.typing(c); });
    d.addChat(QStringLiteral("chat.read"),    Staff, [=](const RpcCall &c) { chat->chats.read(c); });
    d.addChat(QStringLiteral("chat.close"),   Staff, [=](const RpcCall &c) { chat->chats.close(c); });
    d.addChat(QStringLiteral("chat.history"), Staff, [=](const RpcCall &c) { chat->chats.history(c); });
    // clang-format on
}

} // namespace Muster
