// See kiosksigninservice.h. Attempts are throttled per badge and per kiosk (never per address:
// many kiosks share one NAT at a venue); see ThrottleLimits.
#include "kiosksigninservice.h"

#include "net/clientsocket.h"
#include "net/pushhub.h"
#include "net/rpccall.h"
#include "protocol/paramreader.h"
#include "protocol/rpcmessage.h"
#include "protocol/wiretime.h"
#include "services/passwordhasher.h"
#include "services/sessionservice.h"
#include "util/logging.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QTimer>

#include <sodium.h>

namespace Muster {

namespace {

constexpr int kQuickCodeSeconds = 30;

QByteArray codeHash(const QString &code)
{
    return QCryptographicHash::hash(code.trimmed().toUpper().toUtf8(), QCryptographicHash::Sha256);
}

QString newQuickCode()
{
    static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    QString code;
    for (int i = 0; i < 4; ++i)
        code.append(QLatin1Char(alphabet[randombytes_uniform(sizeof alphabet - 1)]));
    return code;
}

RpcError wrongCredentials()
{
    RpcError e = RpcError::unauthenticated(QStringLiteral("Wrong badge number, PIN or code"));
    e.reason = QStringLiteral("invalid_credentials");
    return e;
}

} // namespace

KioskSignInService::KioskSignInService(
    Database &db, PasswordHasher &hasher, PushHub &hub, QObject *parent)
    : QObject(parent)
    , m_credentials(db)
    , m_hasher(hasher)
    , m_hub(hub)
    , m_attempts(db)
{ }

void KioskSignInService::signIn(const RpcCall &call)
{
    const Caller caller = call.caller();
    if (!caller.isKiosk()) {
        RpcError e = RpcError::unauthenticated(
            QStringLiteral("Only an authorised kiosk signs volunteers in"));
        e.reason = QStringLiteral("kiosk_required");
        return call.fail(e);
    }
    if (caller.isValid())
        return call.fail(RpcError::conflict(QStringLiteral("Someone is signed in at this kiosk")));
    const QJsonObject &json = call.params();
    ParamReader p(json);
    const QString badge = p.requiredBadge(QStringLiteral("badge"));
    const bool byPin = json.contains(QStringLiteral("pin"));
    const QString secret = byPin ? p.requiredSecret(QStringLiteral("pin"), 8)
                                 : p.requiredSecret(QStringLiteral("code"), 4);
    if (!p.ok())
        return call.fail(p.error());

    m_attempts.reserve(m_limits.kioskSignIn(caller.organisationId, badge, caller.kioskId), this,
        [this, call, badge, byPin, secret](const AttemptStore::Reservation &attempt) {
            if (attempt.error)
                return call.fail(attempt.error.toRpcError());
            if (attempt.retryAfter > 0)
                return call.fail(RpcError::rateLimited(attempt.retryAfter));
            byPin ? checkPin(call, badge, secret, attempt.attemptId)
                  : checkQuickCode(call, badge, secret, attempt.attemptId);
        });
}

void KioskSignInService::checkQuickCode(
    const RpcCall &call, const QString &badge, const QString &code, const QUuid &attemptId)
{
    const Caller caller = call.caller();
    m_credentials.useQuickCode(caller.organisationId, badge, codeHash(code), this,
        [this, call, caller, badge, attemptId](
            const std::optional<KioskCredentialStore::BadgeHolder> &holder, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            if (!holder)
                return call.fail(wrongCredentials());
            succeeded(caller, badge, attemptId);
            if (roleAtLeast(holder->role, Role::Lead))
                return call.fail(RpcError::forbidden(
                    QStringLiteral("Leads and above sign in at a kiosk with their PIN")));
            establish(call, *holder);
        });
}

void KioskSignInService::checkPin(
    const RpcCall &call, const QString &badge, const QString &pin, const QUuid &attemptId)
{
    const Caller caller = call.caller();
    m_credentials.findByBadge(caller.organisationId, badge, this,
        [this, call, caller, badge, pin, attemptId](
            const std::optional<KioskCredentialStore::BadgeHolder> &holder, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            // Unknown badges and badges without a PIN are checked against nothing, taking as
            // long as a real check.
            const QByteArray hash = holder ? holder->pinHash : QByteArray();
            m_hasher.verifyAsync(hash, pin, this, [=, this](bool matches) {
                if (!matches || !holder)
                    return call.fail(wrongCredentials());
                succeeded(caller, badge, attemptId);
                establish(call, *holder);
            });
        });
}

void KioskSignInService::succeeded(
    const Caller &kiosk, const QString &badge, const QUuid &attemptId)
{
    m_attempts.succeeded(
        attemptId, {ThrottleLimits::kioskPairKey(kiosk.organisationId, badge, kiosk.kioskId)});
}

void KioskSignInService::establish(
    const RpcCall &call, const KioskCredentialStore::BadgeHolder &person)
{
    ClientSocket *socket = call.socket();
    if (!socket || socket->isAuthenticated())
        return call.fail(RpcError::conflict(QStringLiteral("Someone is signed in at this kiosk")));
    const Role role = person.role;
    if (!roleAtLeast(role, Role::Volunteer))
        return call.fail(
            RpcError::forbidden(QStringLiteral("This badge cannot use the time clock")));
    Caller caller = socket->caller();
    caller.userId = person.id;
    caller.login = person.login;
    caller.displayName = person.displayName;
    // At a kiosk everyone acts as a volunteer on their own time: a manager's badge there reads
    // no one else's entries and edits nothing (the dispatcher also allows only self-service).
    caller.role = Role::Volunteer;
    socket->setCaller(caller);
    m_hub.attach(socket, PushHub::Scope::PersonalOnly);

    QTimer *&timer = m_idleTimers[socket];
    if (!timer) {
        timer = new QTimer(socket);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this,
            [this, socket] { endVolunteerSession(socket, QStringLiteral("idle")); });
        connect(socket, &ClientSocket::requestReceived, timer, qOverload<>(&QTimer::start));
        connect(socket, &QObject::destroyed, this, [this, socket] { m_idleTimers.remove(socket); });
    }
    timer->start(m_idleTimeout);
    qCInfo(lcTimeclock) << caller.login << "signed in at kiosk" << caller.kioskName;
    QJsonObject user = SessionService::userJson(caller);
    user.insert(QStringLiteral("role"), roleName(role));
    user.insert(QStringLiteral("badge"), person.badge);
    call.reply(QJsonObject {{QStringLiteral("user"), user},
        {QStringLiteral("idleSeconds"), qint64(m_idleTimeout.count() / 1000)}});
}

void KioskSignInService::endVolunteerSession(ClientSocket *socket, const QString &reason)
{
    if (!socket->isAuthenticated() || !socket->caller().isKiosk())
        return;
    if (QTimer *timer = m_idleTimers.value(socket))
        timer->stop();
    m_hub.detach(socket);
    Caller kiosk = socket->caller();
    qCInfo(lcTimeclock) << kiosk.login << "signed out at kiosk" << kiosk.kioskName << "(" << reason
                        << ")";
    kiosk.userId = {};
    kiosk.login.clear();
    kiosk.displayName.clear();
    kiosk.role = Role::Banned;
    socket->setCaller(kiosk);
    socket->sendMessage(RpcMessage::encodeNotification(
        QStringLiteral("kiosk.signedOut"), {{QStringLiteral("reason"), reason}}));
}

void KioskSignInService::signOut(const RpcCall &call)
{
    ClientSocket *socket = call.socket();
    if (!socket || call.caller().kind() != Caller::Kind::PersonAtKiosk)
        return call.fail(RpcError::conflict(QStringLiteral("Nobody is signed in at this kiosk")));
    call.reply(QJsonObject());
    endVolunteerSession(socket, QStringLiteral("signed_out"));
}

void KioskSignInService::touch(const RpcCall &call)
{
    // Any request restarts the idle timer (ClientSocket::requestReceived); this one exists for
    // a kiosk whose user is busy on screen without calling anything.
    if (call.caller().kind() != Caller::Kind::PersonAtKiosk)
        return call.fail(RpcError::conflict(QStringLiteral("Nobody is signed in at this kiosk")));
    call.reply(QJsonObject {{QStringLiteral("idleSeconds"), qint64(m_idleTimeout.count() / 1000)}});
}

void KioskSignInService::createQuickCode(const RpcCall &call)
{
    const Caller caller = call.caller();
    issueQuickCode(caller.organisationId, caller.userId, caller.role, this,
        [call](const QString &code, const QDateTime &expiresAt, const RpcError &error) {
            if (error.isValid())
                return call.fail(error);
            call.reply(QJsonObject {{QStringLiteral("code"), code},
                {QStringLiteral("expiresAt"), toWireTime(expiresAt)},
                {QStringLiteral("validSeconds"), kQuickCodeSeconds}});
        });
}

void KioskSignInService::issueQuickCode(
    const QUuid &org, const QUuid &userId, Role role, QObject *context, QuickCodeHandler handler)
{
    if (roleAtLeast(role, Role::Lead))
        return handler({}, {},
            RpcError::forbidden(
                QStringLiteral("Leads and above sign in at a kiosk with their PIN")));
    const QString code = newQuickCode();
    m_credentials.saveQuickCode(org, userId, codeHash(code), kQuickCodeSeconds, context,
        [handler, code](const QDateTime &expiresAt, const StoreError &e) {
            if (e)
                return handler({}, {}, e.toRpcError());
            if (!expiresAt.isValid()) {
                RpcError noBadge = RpcError::conflict(
                    QStringLiteral("You have no badge number: ask a manager to add it"));
                noBadge.reason = QStringLiteral("no_badge");
                return handler({}, {}, noBadge);
            }
            handler(code, expiresAt, {});
        });
}

void KioskSignInService::setPin(const RpcCall &call)
{
    static const QRegularExpression digits(QStringLiteral("^\\d{4,8}$"));
    const QJsonValue value = call.params().value(QStringLiteral("pin"));
    if (!value.isNull() && !(value.isString() && digits.match(value.toString()).hasMatch()))
        return call.fail(RpcError::invalidParams(
            QStringLiteral("\"pin\" must be 4 to 8 digits, or null to remove it")));
    const Caller caller = call.caller();
    const auto store = [this, call, caller](const QByteArray &hash) {
        m_credentials.setPin(
            caller.organisationId, caller.userId, hash, this, [call](const StoreError &e) {
                if (e)
                    return call.fail(e.toRpcError());
                call.reply(QJsonObject());
            });
    };
    if (value.isNull())
        return store({});
    m_hasher.hashAsync(value.toString(), this, [store](const QByteArray &hash) { store(hash); });
}

} // namespace Muster
