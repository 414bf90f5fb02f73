// How people join an organisation without the command line. invites.create / .list / .revoke: a
// manager invites someone with a role (up to their own), by a one-time code that expires in a
// week, mailed when the server has SMTP and an address was given, and shown to the manager to
// pass on either way. invites.accept: the invitee chooses a login and a password that meets the
// rules. organisations.register: where the server allows it (--allow-registration), anyone may
// make a new organisation and becomes its admin.
#pragma once

#include "db/attemptstore.h"
#include "db/invitestore.h"
#include "throttlelimits.h"

#include <QObject>

#include <chrono>

namespace Muster {

class Database;
class PasswordHasher;
class RpcCall;
class SmtpMailer;

class InviteService : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::hours kLifetime {7 * 24};

    InviteService(
        Database &db, PasswordHasher &hasher, SmtpMailer &mailer, QObject *parent = nullptr);

    void create(const RpcCall &call);
    void list(const RpcCall &call);
    void revoke(const RpcCall &call);
    void accept(const RpcCall &call);
    void registerOrganisation(const RpcCall &call);

    void setThrottleLimits(const ThrottleLimits &limits) { m_limits = limits; }
    void setRegistrationAllowed(bool allowed) { m_registrationAllowed = allowed; }

    // "ada@example.org": one @, something either side, no spaces, at most 254 characters.
    static bool isEmailAddress(const QString &text);

private:
    struct NewAccount
    {
        QString login;
        QString displayName;
        QString email;
        QString password;
    };
    // Reads and checks login, displayName, email and password; fails the call otherwise.
    static std::optional<NewAccount> readAccount(const RpcCall &call, const QStringList &personal);
    // Counts the attempt against the address, hashes the password, then goes on.
    void throttledHash(const RpcCall &call, const QString &password,
        std::function<void(const QByteArray &hash)> next);
    void mail(const InviteStore::Invite &invite, const QString &code, const QString &inviter,
        const QString &organisation);

    InviteStore m_store;
    AttemptStore m_attempts;
    PasswordHasher &m_hasher;
    SmtpMailer &m_mailer;
    ThrottleLimits m_limits;
    bool m_registrationAllowed = false;
};

} // namespace Muster
