// See kioskservice.h.
#include "kioskservice.h"

#include "cluster/pushrelay.h"
#include "net/clientsocket.h"
#include "net/pushhub.h"
#include "net/rpccall.h"
#include "protocol/paramreader.h"
#include "protocol/wiretime.h"
#include "services/sessionservice.h"
#include "util/logging.h"

#include <QJsonArray>

#include <sodium.h>

namespace Muster {

namespace {

constexpr auto kPairingLifetime = std::chrono::minutes(15);
constexpr int kMaxPendingPerAddress = 10;
constexpr qint64 kDefaultLifetimeHours = 7 * 24;
constexpr qint64 kMaxLifetimeHours = 366 * 24;

// Six characters people read off a screen and type without confusing 0/O or 1/I.
QString newPairingCode()
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString code;
    for (int i = 0; i < 6; ++i)
        code.append(QLatin1Char(alphabet[randombytes_uniform(sizeof alphabet - 1)]));
    return code;
}

RpcError kioskError(const QString &reason, const QString &message)
{
    RpcError e = RpcError::unauthenticated(message);
    e.reason = reason;
    return e;
}

} // namespace

KioskService::KioskService(Database &db, PushHub &hub, PushRelay &relay, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_hub(hub)
    , m_relay(relay)
    , m_attempts(db)
{ }

void KioskService::registerDevice(const RpcCall &call)
{
    ClientSocket *socket = call.socket();
    if (!socket || call.caller().isValid() || call.caller().isKiosk())
        return call.fail(
            RpcError::conflict(QStringLiteral("Already signed in on this connection")));
    const QString code = newPairingCode();
    const QString token = SessionService::newToken();
    // A flood of registrations from one address is refused.
    m_store.addPairing(code, SessionService::tokenHash(token), socket->peerAddress(),
        int(kPairingLifetime.count()), kMaxPendingPerAddress, this,
        [this, call, code, token, guard = QPointer<ClientSocket>(socket)](
            const QDateTime &expiresAt, const StoreError &e) {
            if (e)
                return call.fail(e.kind == StoreError::Conflict
                        ? RpcError::unavailable(QStringLiteral("Try again"))
                        : e.toRpcError());
            if (!expiresAt.isValid())
                return call.fail(RpcError::rateLimited(
                    60, QStringLiteral("Too many kiosks waiting for approval from this address")));
            if (guard) {
                guard->extendSignInDeadline(kPairingLifetime);
                m_hub.awaitPairing(guard, code);
            }
            call.reply(QJsonObject {{QStringLiteral("pairingCode"), code},
                {QStringLiteral("deviceToken"), token},
                {QStringLiteral("expiresAt"), toWireTime(expiresAt)}});
        });
}

void KioskService::resume(const RpcCall &call)
{
    if (call.caller().isValid() || call.caller().isKiosk())
        return call.fail(
            RpcError::conflict(QStringLiteral("Already signed in on this connection")));
    ParamReader p(call.params());
    const QString token = p.requiredSecret(QStringLiteral("deviceToken"), 128);
    if (!p.ok())
        return call.fail(p.error());
    m_store.resume(SessionService::tokenHash(token), this,
        [this, call](const KioskStore::Resumed &resumed, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            if (resumed.status == KioskStore::Resumed::Pending)
                return call.fail(kioskError(QStringLiteral("kiosk_pending"),
                    QStringLiteral("This kiosk is waiting to be approved")));
            if (resumed.status == KioskStore::Resumed::Unknown)
                return call.fail(kioskError(QStringLiteral("kiosk_revoked"),
                    QStringLiteral("This kiosk is not authorised (revoked or expired)")));
            ClientSocket *socket = call.socket();
            if (!socket || socket->isAuthenticated() || socket->caller().isKiosk())
                return;
            Caller caller;
            caller.kioskId = resumed.kiosk.id;
            caller.kioskName = resumed.kiosk.name;
            caller.organisationId = resumed.organisationId;
            caller.organisationName = resumed.organisationName;
            socket->setCaller(caller);
            m_hub.attachKiosk(socket, caller.kioskId);
            qCInfo(lcTimeclock) << "kiosk" << caller.kioskName << "connected from"
                                << socket->peerAddress();
            publishChange(resumed.organisationId, resumed.kiosk); // its "last seen" moved
            call.reply(QJsonObject {{QStringLiteral("kiosk"), resumed.kiosk.toJson()},
                {QStringLiteral("organisationId"),
                    resumed.organisationId.toString(QUuid::WithoutBraces)},
                {QStringLiteral("organisationName"), resumed.organisationName},
                {QStringLiteral("activeEventId"),
                    resumed.activeEventId.isNull()
                        ? QJsonValue()
                        : resumed.activeEventId.toString(QUuid::WithoutBraces)}});
        });
}

void KioskService::list(const RpcCall &call)
{
    m_store.list(call.caller().organisationId, this,
        [call](const QList<Kiosk> &kiosks, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            QJsonArray array;
            for (const Kiosk &k : kiosks)
                array.append(k.toJson());
            call.reply(QJsonObject {{QStringLiteral("kiosks"), array}});
        });
}

void KioskService::approve(const RpcCall &call)
{
    ParamReader p(call.params());
    const Caller caller = call.caller();
    KioskStore::Approval approval;
    approval.organisationId = caller.organisationId;
    approval.actor = caller.userId;
    approval.pairingCode = p.requiredString(QStringLiteral("pairingCode"), 12).trimmed().toUpper();
    approval.name = p.requiredString(QStringLiteral("name"), 100).trimmed();
    approval.location = p.optionalString(QStringLiteral("location"), 200).trimmed();
    approval.lifetimeHours
        = int(p.optionalInt(QStringLiteral("lifetimeHours"), 1, kMaxLifetimeHours)
                  .value_or(kDefaultLifetimeHours));
    if (!p.ok())
        return call.fail(p.error());
    if (approval.name.isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"name\" must not be blank")));
    // Pairing codes are guessable too: a lead (or a stolen lead session) gets a few tries.
    m_attempts.reserve(m_limits.pairing(caller.organisationId, caller.userId), this,
        [this, call, approval](const AttemptStore::Reservation &attempt) {
            if (attempt.error)
                return call.fail(attempt.error.toRpcError());
            if (attempt.retryAfter > 0)
                return call.fail(RpcError::rateLimited(attempt.retryAfter));
            approvePairing(call, approval, attempt.attemptId);
        });
}

void KioskService::approvePairing(
    const RpcCall &call, const KioskStore::Approval &approval, const QUuid &attemptId)
{
    m_store.approve(approval, this,
        [this, call, code = approval.pairingCode, attemptId](
            const Kiosk &kiosk, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            m_attempts.succeeded(attemptId);
            const QJsonObject json = kiosk.toJson();
            call.reply(QJsonObject {{QStringLiteral("kiosk"), json}});
            publishChange(call.caller().organisationId, kiosk);
            // The waiting kiosk learns at once, on whichever server it waits; it signs in with
            // the token it already holds.
            m_relay.publish({Audience::pairing(code), QStringLiteral("kiosk.approved"),
                {{QStringLiteral("kiosk"), json}}});
        });
}

void KioskService::update(const RpcCall &call)
{
    const QJsonObject &json = call.params();
    ParamReader p(json);
    const QUuid kioskId = p.requiredUuid(QStringLiteral("kioskId"));
    KioskStore::Change change;
    if (json.contains(QStringLiteral("name")))
        change.name = p.requiredString(QStringLiteral("name"), 100).trimmed();
    if (json.contains(QStringLiteral("location")))
        change.location = p.optionalString(QStringLiteral("location"), 200).trimmed();
    if (const auto hours = p.optionalInt(QStringLiteral("lifetimeHours"), 1, kMaxLifetimeHours))
        change.lifetimeHours = int(*hours);
    if (!p.ok())
        return call.fail(p.error());
    if (change.name && change.name->isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"name\" must not be blank")));
    const Caller caller = call.caller();
    m_store.update(caller.organisationId, caller.userId, kioskId, change, this,
        [this, call](const Kiosk &kiosk, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("kiosk"), kiosk.toJson()}});
            publishChange(call.caller().organisationId, kiosk);
        });
}

void KioskService::revoke(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid kioskId = p.requiredUuid(QStringLiteral("kioskId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_store.revoke(caller.organisationId, caller.userId, kioskId, this,
        [this, call, kioskId](const Kiosk &kiosk, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("kiosk"), kiosk.toJson()}});
            publishChange(call.caller().organisationId, kiosk);
            qCInfo(lcTimeclock) << "kiosk" << kiosk.name << "revoked: disconnecting it";
            // Told, then cut off, on every server: its token no longer resumes either.
            m_relay.publish({Audience::kiosk(kioskId), QStringLiteral("kiosk.revoked"),
                {{QStringLiteral("kioskId"), kioskId.toString(QUuid::WithoutBraces)}},
                QStringLiteral("kiosk revoked")});
        });
}

void KioskService::publishChange(const QUuid &organisationId, const Kiosk &kiosk)
{
    // Every lead and above sees the kiosk list change at once, on whichever server.
    m_relay.publish({Audience::atLeast(organisationId, Role::Lead),
        QStringLiteral("kiosks.changed"), {{QStringLiteral("kiosk"), kiosk.toJson()}}});
}

} // namespace Muster
