// See sessionservice.h. "No such user" and "wrong password" are one error and take the same
// time; throttling is checked before any hashing happens.
#include "sessionservice.h"

#include "net/clientsocket.h"
#include "net/pushhub.h"
#include "net/rpccall.h"
#include "passwordhasher.h"
#include "protocol/paramreader.h"
#include "util/logging.h"

#include <QCryptographicHash>
#include <QPointer>

#include <sodium.h>

namespace Muster {

namespace {

RpcError invalidCredentials()
{
    RpcError e = RpcError::unauthenticated(QStringLiteral("Wrong login or password"));
    e.reason = QStringLiteral("invalid_credentials");
    return e;
}

RpcError sessionExpired()
{
    RpcError e = RpcError::unauthenticated(QStringLiteral("Session expired or signed out"));
    e.reason = QStringLiteral("session_expired");
    return e;
}

RpcError alreadySignedIn()
{
    return RpcError::conflict(QStringLiteral("Already signed in on this connection"));
}

} // namespace

SessionService::SessionService(Database &db, PasswordHasher &hasher, PushHub &hub, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_hasher(hasher)
    , m_hub(hub)
    , m_attempts(db)
{ }

QString SessionService::newToken(int bytes)
{
    QByteArray random(bytes, Qt::Uninitialized);
    randombytes_buf(random.data(), size_t(random.size()));
    return QString::fromLatin1(
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray SessionService::tokenHash(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
}

QJsonObject SessionService::userJson(const Caller &c)
{
    return {
        {QStringLiteral("id"), c.userId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("login"), c.login},
        {QStringLiteral("displayName"), c.displayName},
        {QStringLiteral("role"), roleName(c.role)},
        {QStringLiteral("organisationId"), c.organisationId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("organisationName"), c.organisationName},
        {QStringLiteral("superadmin"), c.superadmin},
    };
}

void SessionService::login(const RpcCall &call)
{
    if (call.caller().isValid())
        return call.fail(alreadySignedIn());
    ParamReader p(call.params());
    const QString login = p.requiredLogin(QStringLiteral("login"));
    const QString password = p.requiredSecret(QStringLiteral("password"), 1024);
    if (!p.ok())
        return call.fail(p.error());

    const QString address = call.socket()->peerAddress();
    // The attempt is counted before the password is looked at, so guesses sent together are
    // refused together; a success gives it back.
    m_attempts.reserve(m_limits.signIn(login, address), this,
        [this, call, login, password, address](const AttemptStore::Reservation &attempt) {
            if (attempt.error)
                return call.fail(RpcError::unavailable(QStringLiteral("Database unavailable")));
            if (attempt.retryAfter > 0) {
                qCDebug(lcAuth) << "throttled sign-in for" << login << "from" << address;
                return call.fail(RpcError::rateLimited(attempt.retryAfter));
            }
            m_store.findAccount(login, this,
                [this, call, login, password, address, id = attempt.attemptId](
                    const std::optional<SessionStore::Account> &account, const QString &error) {
                    if (!error.isEmpty()) {
                        qCWarning(lcAuth) << "account lookup failed:" << error;
                        return call.fail(
                            RpcError::unavailable(QStringLiteral("Database unavailable")));
                    }
                    checkPassword(call, login, password, address, id, account);
                });
        });
}

void SessionService::checkPassword(const RpcCall &call, const QString &login,
    const QString &password, const QString &address, const QUuid &attemptId,
    const std::optional<SessionStore::Account> &account)
{
    // An unknown login is checked against a dummy hash: same time, same answer.
    const QByteArray hash = account ? account->passwordHash : QByteArray();
    m_hasher.verifyAsync(hash, password, this, [=, this](bool matches) {
        if (!matches) {
            qCInfo(lcAuth) << "failed sign-in for" << login << "from" << address;
            return call.fail(invalidCredentials());
        }
        m_attempts.succeeded(attemptId, {ThrottleLimits::signInPairKey(login, address)});
        if (account->caller.role == Role::Banned)
            return call.fail(RpcError::forbidden(QStringLiteral("This account is disabled")));
        if (call.isConnected())
            startSession(call, account->caller, address);
    });
}

void SessionService::startSession(const RpcCall &call, const Caller &caller, const QString &address)
{
    const QString token = newToken();
    const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(kSessionLifetime.count());
    m_store.createSession(caller, tokenHash(token), address, expires, this,
        [=, this](const std::optional<QUuid> &sessionId, const QString &error) {
            if (!sessionId) {
                qCWarning(lcAuth) << "cannot store session:" << error;
                return call.fail(RpcError::unavailable(QStringLiteral("Database unavailable")));
            }
            Caller signedIn = caller;
            signedIn.sessionId = *sessionId;
            establish(call, signedIn,
                {{QStringLiteral("token"), token},
                    {QStringLiteral("expiresAt"), expires.toString(Qt::ISODateWithMs)},
                    {QStringLiteral("user"), userJson(signedIn)}},
                SignInTally::How::Password);
        });
}

void SessionService::resume(const RpcCall &call)
{
    if (call.caller().isValid())
        return call.fail(alreadySignedIn());
    ParamReader p(call.params());
    const QString token = p.requiredSecret(QStringLiteral("token"), 128);
    if (!p.ok())
        return call.fail(p.error());
    m_store.resumeSession(tokenHash(token), this,
        [this, call](const std::optional<Caller> &caller, const QString &error) {
            if (!error.isEmpty())
                return call.fail(RpcError::unavailable(QStringLiteral("Database unavailable")));
            if (!caller)
                return call.fail(sessionExpired());
            if (caller->role == Role::Banned)
                return call.fail(RpcError::forbidden(QStringLiteral("This account is disabled")));
            establish(call, *caller, {{QStringLiteral("user"), userJson(*caller)}},
                SignInTally::How::Resume);
        });
}

void SessionService::establish(
    const RpcCall &call, const Caller &caller, const QJsonObject &result, SignInTally::How how)
{
    ClientSocket *socket = call.socket();
    if (!socket || socket->isAuthenticated())
        return call.fail(alreadySignedIn()); // a second sign-in raced this one
    if (m_hub.socketsOf(caller.userId).size() >= m_maxConnectionsPerPerson) {
        RpcError e = RpcError::conflict(
            QStringLiteral("Signed in on too many connections: close some and try again"));
        e.reason = QStringLiteral("too_many_connections");
        return call.fail(e);
    }
    socket->setCaller(caller);
    call.reply(result);
    m_hub.attach(socket);
    qCDebug(lcAuth) << caller.login << "signed in from" << socket->peerAddress();
    m_tally.count(how);
}

void SessionService::refreshUser(const QUuid &userId)
{
    for (ClientSocket *socket : m_hub.socketsOf(userId)) {
        if (socket->caller().isKiosk()) {
            Q_EMIT kioskVisitorChanged(socket);
            continue;
        }
        QPointer<ClientSocket> guard(socket);
        m_store.liveSession(socket->caller().sessionId, this,
            [this, guard](const std::optional<Caller> &caller, const QString &error) {
                if (!guard || !error.isEmpty())
                    return; // gone, or the database is down: keep what we know
                if (!caller || caller->role == Role::Banned) {
                    qCInfo(lcAuth) << "ending" << guard->caller().login
                                   << "session: signed out or disabled elsewhere";
                    m_hub.detach(guard);
                    guard->setCaller({});
                    guard->closeWith(CloseCode::PolicyViolated, QStringLiteral("session ended"));
                    return;
                }
                guard->setCaller(*caller);
            });
    }
}

void SessionService::logout(const RpcCall &call)
{
    if (call.caller().isKiosk()) // the kiosk stays; the person leaves it with kiosk.signOut
        return call.fail(
            RpcError::conflict(QStringLiteral("At a kiosk, sign out with kiosk.signOut")));
    const QUuid sessionId = call.caller().sessionId;
    m_store.revokeSession(sessionId, this, [this, call](bool ok) {
        if (!ok)
            return call.fail(RpcError::unavailable(QStringLiteral("Database unavailable")));
        call.reply(QJsonObject());
        if (ClientSocket *socket = call.socket()) {
            m_hub.detach(socket);
            socket->setCaller({});
            socket->closeNormally();
        }
    });
}

} // namespace Muster
