// See userservice.h.
#include "userservice.h"

#include "cluster/pushrelay.h"
#include "net/rpccall.h"
#include "passwordhasher.h"
#include "protocol/paramreader.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Muster {

UserService::UserService(Database &db, PasswordHasher &hasher, PushRelay &relay, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_hasher(hasher)
    , m_relay(relay)
{ }

void UserService::list(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid eventId = p.optionalUuid(QStringLiteral("eventId"));
    if (!p.ok())
        return call.fail(p.error());
    m_store.roster(call.caller().organisationId, eventId, this,
        [call](const QList<RosterEntry> &people, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            QJsonArray list;
            for (const RosterEntry &e : people)
                list.append(e.toJson());
            call.reply(QJsonObject {{QStringLiteral("people"), list}});
        });
}

void UserService::history(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid userId = p.requiredUuid(QStringLiteral("userId"));
    const QUuid before = p.optionalUuid(QStringLiteral("before"));
    const int limit = int(p.optionalInt(QStringLiteral("limit"), 1, 500).value_or(200));
    if (!p.ok())
        return call.fail(p.error());
    m_store.history(call.caller().organisationId, userId, before, limit, this,
        [call](const QList<AuditRecord> &records, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            QJsonArray array;
            for (const AuditRecord &r : records)
                array.append(r.toJson());
            call.reply(QJsonObject {{QStringLiteral("records"), array}});
        });
}

void UserService::withSubordinate(
    const RpcCall &call, const QUuid &userId, const QString &refusal, std::function<void()> then)
{
    const Caller caller = call.caller();
    m_store.find(caller.organisationId, userId, this,
        [call, caller, refusal, then](
            const std::optional<UserStore::Target> &target, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            if (!target)
                return call.fail(RpcError::notFound(QStringLiteral("User")));
            if (!roleAtLeast(caller.role, target->role))
                return call.fail(RpcError::forbidden(refusal));
            then();
        });
}

void UserService::resetPassword(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid userId = p.requiredUuid(QStringLiteral("userId"));
    if (!p.ok())
        return call.fail(p.error());
    if (userId == call.caller().userId)
        return call.fail(
            RpcError::forbidden(QStringLiteral("Change your own password in your profile")));
    withSubordinate(call, userId,
        QStringLiteral("You cannot reset the password of someone above you"), [this, call, userId] {
            // Shown once to the manager, who hands it over; the person changes it.
            const QString password = PasswordHasher::generatePassword();
            m_hasher.hashAsync(
                password, this, [this, call, userId, password](const QByteArray &hash) {
                    const Caller caller = call.caller();
                    m_store.resetPassword(caller.organisationId, caller.userId, userId, hash, this,
                        [call, userId, password](const StoreError &error) {
                            if (error)
                                return call.fail(error.toRpcError());
                            call.reply(QJsonObject {
                                {QStringLiteral("userId"), userId.toString(QUuid::WithoutBraces)},
                                {QStringLiteral("password"), password}});
                        });
                });
        });
}

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
    if (params.contains(QStringLiteral("badge"))) {
        const QJsonValue b = params.value(QStringLiteral("badge"));
        edit.badge = (b.isNull() || (b.isString() && b.toString().isEmpty()))
            ? QString()
            : p.requiredBadge(QStringLiteral("badge"));
    }
    if (!p.ok())
        return call.fail(p.error());
    if (!edit.teamId && !edit.role && !edit.highlight && !edit.badge)
        return call.fail(RpcError::invalidParams(QStringLiteral("nothing to change")));

    const Caller caller = call.caller();
    if (!edit.role)
        return apply(call, userId, edit);
    if (userId == caller.userId)
        return call.fail(RpcError::forbidden(QStringLiteral("You cannot change your own role")));
    if (!roleAtLeast(caller.role, *edit.role))
        return call.fail(
            RpcError::forbidden(QStringLiteral("You cannot give a role above your own")));
    withSubordinate(call, userId, QStringLiteral("You cannot change the role of someone above you"),
        [this, call, userId, edit] { apply(call, userId, edit); });
}

void UserService::apply(const RpcCall &call, const QUuid &userId, const UserStore::Edit &edit)
{
    const Caller caller = call.caller();
    m_store.update(caller.organisationId, caller.userId, userId, edit, this,
        [this, call, caller](const Account &account, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            const QJsonObject user = account.publicJson();
            call.reply(user);
            m_relay.publish({Audience::organisation(caller.organisationId),
                QStringLiteral("profile.changed"), user});
        });
}

void UserService::create(const RpcCall &call)
{
    static const QRegularExpression loginPattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,63}$"));
    ParamReader p(call.params());
    const QString badge = p.requiredBadge(QStringLiteral("badge"));
    const QString displayName = p.requiredString(QStringLiteral("displayName"), 200).trimmed();
    const QString login = p.optionalLogin(QStringLiteral("login"));
    const QUuid teamId = p.optionalUuid(QStringLiteral("teamId"));
    if (!p.ok())
        return call.fail(p.error());
    if (displayName.isEmpty())
        return call.fail(
            RpcError::invalidParams(QStringLiteral("\"displayName\" must not be blank")));
    if (!login.isEmpty() && !loginPattern.match(login).hasMatch())
        return call.fail(RpcError::invalidParams(QStringLiteral(
            "\"login\" has lower-case letters, digits, dots, dashes and underscores")));
    // The manager hands the first password over; the volunteer changes it after signing in.
    const QString password = PasswordHasher::generatePassword();
    m_hasher.hashAsync(password, this,
        [this, call, badge, displayName, login, teamId, password](const QByteArray &hash) {
            const Caller caller = call.caller();
            m_store.createFromBadge(caller.organisationId, caller.userId, badge, displayName,
                login.isEmpty() ? QString() : login, teamId, hash, this,
                [call, password](const Account &account, const StoreError &error) {
                    if (error)
                        return call.fail(error.toRpcError());
                    call.reply(QJsonObject {{QStringLiteral("user"), account.publicJson()},
                        {QStringLiteral("initialPassword"), password}});
                });
        });
}

void UserService::remove(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid userId = p.requiredUuid(QStringLiteral("userId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    if (userId == caller.userId)
        return call.fail(RpcError::forbidden(QStringLiteral("You cannot delete yourself")));
    withSubordinate(call, userId, QStringLiteral("You cannot delete someone above you"),
        [this, call, caller, userId] {
            m_store.remove(caller.organisationId, caller.userId, userId, this,
                [call](const Account &account, const StoreError &error) {
                    if (error)
                        return call.fail(error.toRpcError());
                    call.reply(QJsonObject {
                        {QStringLiteral("userId"), account.userId.toString(QUuid::WithoutBraces)}});
                });
        });
}

} // namespace Muster
