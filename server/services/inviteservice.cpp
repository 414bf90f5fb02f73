// See inviteservice.h.
#include "inviteservice.h"

#include "domain/passwordpolicy.h"
#include "mail/smtpmailer.h"
#include "net/rpccall.h"
#include "passwordhasher.h"
#include "protocol/paramreader.h"
#include "sessionservice.h"
#include "util/logging.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

namespace Muster {

InviteService::InviteService(
    Database &db, PasswordHasher &hasher, SmtpMailer &mailer, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_attempts(db)
    , m_hasher(hasher)
    , m_mailer(mailer)
{ }

bool InviteService::isEmailAddress(const QString &text)
{
    static const QRegularExpression shape(
        QStringLiteral("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$"));
    return text.size() <= 254 && shape.match(text).hasMatch();
}

void InviteService::create(const RpcCall &call)
{
    ParamReader p(call.params());
    const QString roleText = p.requiredString(QStringLiteral("role"), 20);
    const QString email = p.optionalString(QStringLiteral("email"), 254);
    const QString displayName = p.optionalString(QStringLiteral("displayName"), 200);
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    const std::optional<Role> role = roleFromName(roleText);
    if (!role || *role == Role::Banned)
        return call.fail(RpcError::invalidParams(QStringLiteral("role: attendee … admin")));
    if (!roleAtLeast(caller.role, *role))
        return call.fail(
            RpcError::forbidden(QStringLiteral("You cannot invite someone above you")));
    if (!email.isEmpty() && !isEmailAddress(email))
        return call.fail(RpcError::invalidParams(QStringLiteral("email: not an e-mail address")));
    const QString code = SessionService::newToken();
    const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(
        std::chrono::duration_cast<std::chrono::seconds>(kLifetime).count());
    m_store.create(caller.organisationId, caller.userId, *role, email, displayName,
        SessionService::tokenHash(code), expires, this,
        [this, call, caller, code](const InviteStore::Invite &invite, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            const bool mailing = m_mailer.isEnabled() && !invite.email.isEmpty();
            // The code is shown once, here: only its hash is kept.
            call.reply(QJsonObject {{QStringLiteral("invite"), invite.toJson()},
                {QStringLiteral("code"), code}, {QStringLiteral("mailing"), mailing}});
            if (mailing)
                mail(invite, code, caller.displayName, caller.organisationName);
        });
}

void InviteService::mail(const InviteStore::Invite &invite, const QString &code,
    const QString &inviter, const QString &organisation)
{
    const QString greeting = invite.displayName.isEmpty()
        ? QStringLiteral("Hello,")
        : QStringLiteral("Hello %1,").arg(invite.displayName);
    const QString body = greeting
        + QStringLiteral("\n\n%1 invites you to join %2 on Muster as %3.\n\n"
                         "Open the Muster app, choose \"I have an invitation\" in the sign-in "
                         "window, and enter this code:\n\n    %4\n\n"
                         "The code works once and expires on %5 (UTC). If you did not expect "
                         "this message, ignore it.\n")
              .arg(inviter, organisation, roleTitle(invite.role), code,
                  QLocale::c().toString(invite.expiresAt, QStringLiteral("d MMMM yyyy, HH:mm")));
    const QUuid id = invite.id;
    m_mailer.send({invite.email, QStringLiteral("Your invitation to %1").arg(organisation), body},
        this, [this, id](bool sent, const QString &error) {
            if (sent)
                m_store.markMailed(id);
            else
                qCWarning(lcRpc).noquote()
                    << "could not mail invite" << id.toString() << ":" << error;
        });
}

void InviteService::list(const RpcCall &call)
{
    m_store.list(call.caller().organisationId, this,
        [call](const QList<InviteStore::Invite> &invites, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            QJsonArray array;
            for (const InviteStore::Invite &i : invites)
                array.append(i.toJson());
            call.reply(QJsonObject {{QStringLiteral("invites"), array}});
        });
}

void InviteService::revoke(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid id = p.requiredUuid(QStringLiteral("inviteId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_store.revoke(caller.organisationId, caller.userId, id, this,
        [call](const InviteStore::Invite &invite, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("invite"), invite.toJson()}});
        });
}

std::optional<InviteService::NewAccount> InviteService::readAccount(
    const RpcCall &call, const QStringList &personal)
{
    ParamReader p(call.params());
    NewAccount a;
    a.login = p.requiredLogin(QStringLiteral("login"));
    a.displayName = p.optionalString(QStringLiteral("displayName"), 200);
    a.email = p.optionalString(QStringLiteral("email"), 254);
    a.password = p.requiredSecret(QStringLiteral("password"), 200);
    if (!p.ok()) {
        call.fail(p.error());
        return std::nullopt;
    }
    if (!a.email.isEmpty() && !isEmailAddress(a.email)) {
        call.fail(RpcError::invalidParams(QStringLiteral("email: not an e-mail address")));
        return std::nullopt;
    }
    QStringList words = personal;
    words << a.login << a.displayName;
    if (const QString why = PasswordPolicy::problem(a.password, words); !why.isEmpty()) {
        RpcError weak = RpcError::invalidParams(why);
        weak.reason = QStringLiteral("weak_password");
        call.fail(weak);
        return std::nullopt;
    }
    return a;
}

void InviteService::throttledHash(
    const RpcCall &call, const QString &password, std::function<void(const QByteArray &)> next)
{
    const QString address = call.socket() ? call.socket()->peerAddress() : QString();
    m_attempts.reserve(m_limits.newAccount(address), this,
        [this, call, password, next](const AttemptStore::Reservation &attempt) {
            if (attempt.error)
                return call.fail(attempt.error.toRpcError());
            if (attempt.retryAfter > 0)
                return call.fail(RpcError::rateLimited(attempt.retryAfter));
            m_hasher.hashAsync(password, this, next);
        });
}

void InviteService::accept(const RpcCall &call)
{
    if (call.caller().kind() != Caller::Kind::Nobody)
        return call.fail(RpcError::forbidden(QStringLiteral("Sign out to accept an invitation")));
    ParamReader p(call.params());
    const QString code = p.requiredSecret(QStringLiteral("code"), 128);
    if (!p.ok())
        return call.fail(p.error());
    const std::optional<NewAccount> account = readAccount(call, {});
    if (!account)
        return;
    throttledHash(call, account->password, [this, call, code, account](const QByteArray &hash) {
        m_store.accept(SessionService::tokenHash(code), account->login, account->displayName,
            account->email, hash, this,
            [call, account](const InviteStore::Joined &joined, const StoreError &e) {
                if (e)
                    return call.fail(e.toRpcError());
                call.reply(QJsonObject {
                    {QStringLiteral("userId"), joined.userId.toString(QUuid::WithoutBraces)},
                    {QStringLiteral("login"), account->login},
                    {QStringLiteral("role"), roleName(joined.role)}});
            });
    });
}

void InviteService::registerOrganisation(const RpcCall &call)
{
    if (!m_registrationAllowed)
        return call.fail(RpcError::forbidden(
            QStringLiteral("This server does not take registrations: ask its operator")));
    if (call.caller().kind() != Caller::Kind::Nobody)
        return call.fail(RpcError::forbidden(QStringLiteral("Sign out to register")));
    ParamReader p(call.params());
    const QString name = p.requiredString(QStringLiteral("organisation"), 200);
    if (!p.ok())
        return call.fail(p.error());
    const std::optional<NewAccount> account = readAccount(call, {name});
    if (!account)
        return;
    throttledHash(call, account->password, [this, call, name, account](const QByteArray &hash) {
        m_store.registerOrganisation(name, account->login,
            account->displayName.isEmpty() ? account->login : account->displayName, account->email,
            hash, this,
            [call, account, name](const InviteStore::Joined &joined, const StoreError &e) {
                if (e)
                    return call.fail(e.toRpcError());
                qCInfo(lcRpc).noquote()
                    << "organisation" << name << "registered by" << account->login;
                call.reply(QJsonObject {{QStringLiteral("organisationId"),
                                            joined.organisationId.toString(QUuid::WithoutBraces)},
                    {QStringLiteral("userId"), joined.userId.toString(QUuid::WithoutBraces)},
                    {QStringLiteral("login"), account->login},
                    {QStringLiteral("role"), roleName(joined.role)}});
            });
    });
}

} // namespace Muster
