// See profileservice.h.
#include "profileservice.h"

#include "cluster/pushrelay.h"
#include "domain/passwordpolicy.h"
#include "net/rpccall.h"
#include "passwordhasher.h"
#include "protocol/paramreader.h"
#include "util/logging.h"

#include <QRegularExpression>

namespace Muster {

namespace {
constexpr qsizetype kMaxDisplayName = 200;
constexpr qsizetype kMaxEmail = 254;
constexpr qsizetype kMaxPassword = 1024;
} // namespace

ProfileService::ProfileService(
    Database &db, PasswordHasher &hasher, PushRelay &relay, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_hasher(hasher)
    , m_relay(relay)
    , m_attempts(db)
{ }

void ProfileService::get(const RpcCall &call)
{
    m_store.get(call.caller().organisationId, call.caller().userId, this,
        [call](const Account &account, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            call.reply(account.toJson());
        });
}

void ProfileService::update(const RpcCall &call)
{
    static const QRegularExpression emailShape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    ParamReader p(call.params());
    std::optional<QString> displayName;
    std::optional<QString> email;
    if (call.params().contains(QStringLiteral("displayName"))) {
        displayName = p.requiredString(QStringLiteral("displayName"), kMaxDisplayName).trimmed();
        if (p.ok() && displayName->isEmpty())
            return call.fail(
                RpcError::invalidParams(QStringLiteral("\"displayName\" must not be blank")));
    }
    if (call.params().contains(QStringLiteral("email"))) {
        email = p.optionalString(QStringLiteral("email"), kMaxEmail).trimmed();
        if (p.ok() && !email->isEmpty() && !emailShape.match(*email).hasMatch())
            return call.fail(
                RpcError::invalidParams(QStringLiteral("\"email\" is not an email address")));
    }
    if (!p.ok())
        return call.fail(p.error());
    if (!displayName && !email)
        return call.fail(
            RpcError::invalidParams(QStringLiteral("give \"displayName\" and/or \"email\"")));
    const Caller caller = call.caller();
    m_store.update(caller.organisationId, caller.userId, displayName, email, this,
        [this, call, caller](const Account &account, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            call.reply(account.toJson());
            // Everyone's board shows the new name; the email stays private.
            m_relay.publish({Audience::organisation(caller.organisationId),
                QStringLiteral("profile.changed"), account.publicJson()});
        });
}

void ProfileService::changePassword(const RpcCall &call)
{
    ParamReader p(call.params());
    const QString current = p.requiredSecret(QStringLiteral("current"), kMaxPassword);
    const QString next = p.requiredSecret(QStringLiteral("new"), kMaxPassword);
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    if (const QString why = PasswordPolicy::problem(
            next, {caller.login, caller.displayName, caller.organisationName});
        !why.isEmpty())
        return call.fail(RpcError::invalidParams(why));
    m_attempts.reserve(m_limits.passwordCheck(caller.userId), this,
        [this, call, caller, current, next](const AttemptStore::Reservation &attempt) {
            if (attempt.error)
                return call.fail(attempt.error.toRpcError());
            if (attempt.retryAfter > 0)
                return call.fail(RpcError::rateLimited(attempt.retryAfter));
            checkAndChange(call, caller, current, next, attempt.attemptId);
        });
}

void ProfileService::checkAndChange(const RpcCall &call, const Caller &caller,
    const QString &current, const QString &next, const QUuid &attemptId)
{
    m_store.passwordHash(caller.organisationId, caller.userId, this,
        [this, call, caller, current, next, attemptId](
            const QByteArray &hash, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            m_hasher.verifyAsync(hash, current, this, [=, this](bool matches) {
                if (!matches) {
                    RpcError wrong
                        = RpcError::forbidden(QStringLiteral("The current password is wrong"));
                    wrong.reason = QStringLiteral("wrong_password");
                    return call.fail(wrong);
                }
                m_attempts.succeeded(attemptId);
                m_hasher.hashAsync(next, this, [=, this](const QByteArray &newHash) {
                    m_store.setPassword(caller.organisationId, caller.userId, caller.sessionId,
                        newHash, this, [call, caller](const StoreError &e) {
                            if (e)
                                return call.fail(e.toRpcError());
                            qCInfo(lcAuth) << caller.login << "changed their password";
                            call.reply(QJsonObject());
                        });
                });
            });
        });
}

} // namespace Muster
