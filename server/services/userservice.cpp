// See userservice.h.
#include "userservice.h"

#include "net/pushhub.h"
#include "net/rpccall.h"
#include "protocol/paramreader.h"

namespace Muster {

UserService::UserService(Database &db, PushHub &hub, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_hub(hub)
{ }

void UserService::update(const RpcCall &call)
{
    const QJsonObject &params = call.params();
    ParamReader p(params);
    const QUuid userId = p.requiredUuid(QStringLiteral("userId"));
    UserStore::Edit edit;
    if (params.contains(QStringLiteral("teamId")))
        edit.teamId = p.requiredUuid(QStringLiteral("teamId"));
    if (params.contains(QStringLiteral("role"))) {
        edit.role = roleFromName(p.requiredString(QStringLiteral("role"), 20));
        if (p.ok() && !edit.role)
            return call.fail(RpcError::invalidParams(QStringLiteral("\"role\" is not a role")));
    }
    if (params.contains(QStringLiteral("highlight"))) {
        const QJsonValue h = params.value(QStringLiteral("highlight"));
        edit.highlight = (h.isNull() || (h.isString() && h.toString().isEmpty()))
            ? QString()
            : p.requiredColor(QStringLiteral("highlight"));
    }
    if (!p.ok())
        return call.fail(p.error());
    if (!edit.teamId && !edit.role && !edit.highlight)
        return call.fail(RpcError::invalidParams(QStringLiteral("nothing to change")));

    const Caller caller = call.caller();
    if (!edit.role)
        return apply(call, userId, edit);
    if (userId == caller.userId)
        return call.fail(RpcError::forbidden(QStringLiteral("You cannot change your own role")));
    if (!roleAtLeast(caller.role, *edit.role))
        return call.fail(
            RpcError::forbidden(QStringLiteral("You cannot give a role above your own")));
    m_store.find(caller.organisationId, userId, this,
        [this, call, caller, userId, edit](
            const std::optional<UserStore::Target> &target, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            if (!target)
                return call.fail(RpcError::notFound(QStringLiteral("User")));
            if (!roleAtLeast(caller.role, target->role))
                return call.fail(RpcError::forbidden(
                    QStringLiteral("You cannot change the role of someone above you")));
            apply(call, userId, edit);
        });
}

void UserService::apply(const RpcCall &call, const QUuid &userId, const UserStore::Edit &edit)
{
    const Caller caller = call.caller();
    m_store.update(caller.organisationId, caller.userId, userId, edit, this,
        [this, call, caller](const QJsonObject &user, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            call.reply(user);
            m_hub.pushToOrganisation(
                caller.organisationId, QStringLiteral("profile.changed"), user);
        });
}

} // namespace Muster
