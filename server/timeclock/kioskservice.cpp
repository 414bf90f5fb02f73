// See kioskservice.h.
#include "kioskservice.h"

#include "cluster/pushrelay.h"
#include "db/kioskstore.h"
#include "net/clientsocket.h"
#include "net/pushhub.h"
#include "protocol/paramreader.h"
#include "replies.h"
#include "services/sessionservice.h"
#include "util/logging.h"

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
    , m_query(db)
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
    PgParams params;
    params << code;
    params.addBytes(SessionService::tokenHash(token));
    params << socket->peerAddress() << qint64(kPairingLifetime.count()) << kMaxPendingPerAddress;
    // Expired pairings are swept here; a flood of registrations from one address is refused.
    m_query.transaction({{"DELETE FROM kiosk_pairings WHERE expires_at < now()", {}},
                            {"INSERT INTO kiosk_pairings (code, token_hash, address, expires_at)"
                             " SELECT $1, $2, $3, now() + make_interval(mins => $4::integer)"
                             " WHERE (SELECT count(*) FROM kiosk_pairings WHERE address = $3) < $5"
                             " RETURNING jsonb_build_object('expiresAt', muster_iso(expires_at))",
                                params}},
        this,
        [this, call, code, token, guard = QPointer<ClientSocket>(socket)](
            const QJsonValue &v, const StoreError &e) {
            if (e)
                return call.fail(e.kind == StoreError::Conflict
                        ? RpcError::unavailable(QStringLiteral("Try again"))
                        : e.toRpcError());
            if (v.isNull())
                return call.fail(RpcError::rateLimited(
                    60, QStringLiteral("Too many kiosks waiting for approval from this address")));
            if (guard) {
                guard->extendSignInDeadline(kPairingLifetime);
                m_hub.awaitPairing(guard, code);
            }
            call.reply(QJsonObject {{QStringLiteral("pairingCode"), code},
                {QStringLiteral("deviceToken"), token},
                {QStringLiteral("expiresAt"), v.toObject().value(QStringLiteral("expiresAt"))}});
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
    PgParams params;
    params.addBytes(SessionService::tokenHash(token));
    m_query.run(
        "WITH k AS (UPDATE kiosks SET last_seen_at = now() WHERE token_hash = $1"
        "  AND revoked_at IS NULL AND expires_at > now() RETURNING *)"
        " SELECT jsonb_build_object('kiosk', muster_kiosk_json(k), 'organisationId',"
        "  k.organisation_id, 'organisationName', o.name, 'activeEventId', o.active_event_id)"
        " FROM k JOIN organisations o ON o.id = k.organisation_id"
        " UNION ALL SELECT jsonb_build_object('pending', true) FROM kiosk_pairings"
        "  WHERE token_hash = $1 AND expires_at > now()",
        params, this, [this, call](const QJsonValue &v, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            const QJsonObject result = v.toObject();
            if (result.value(QStringLiteral("pending")).toBool())
                return call.fail(kioskError(QStringLiteral("kiosk_pending"),
                    QStringLiteral("This kiosk is waiting to be approved")));
            if (v.isNull())
                return call.fail(kioskError(QStringLiteral("kiosk_revoked"),
                    QStringLiteral("This kiosk is not authorised (revoked or expired)")));
            ClientSocket *socket = call.socket();
            if (!socket || socket->isAuthenticated() || socket->caller().isKiosk())
                return;
            const QJsonObject kiosk = result.value(QStringLiteral("kiosk")).toObject();
            Caller caller;
            caller.kioskId = QUuid::fromString(kiosk.value(QStringLiteral("id")).toString());
            caller.kioskName = kiosk.value(QStringLiteral("name")).toString();
            caller.organisationId
                = QUuid::fromString(result.value(QStringLiteral("organisationId")).toString());
            caller.organisationName = result.value(QStringLiteral("organisationName")).toString();
            socket->setCaller(caller);
            m_hub.attachKiosk(socket, caller.kioskId);
            qCInfo(lcTimeclock) << "kiosk" << caller.kioskName << "connected from"
                                << socket->peerAddress();
            call.reply(result);
        });
}

void KioskService::list(const RpcCall &call)
{
    m_query.run("SELECT COALESCE(jsonb_agg(muster_kiosk_json(k) ORDER BY k.revoked_at IS NOT NULL,"
                " lower(k.name)), '[]') FROM kiosks k WHERE k.organisation_id = $1",
        PgParams() << call.caller().organisationId, this,
        replyWithKey(call, QStringLiteral("kiosks")));
}

void KioskService::approve(const RpcCall &call)
{
    ParamReader p(call.params());
    const QString code = p.requiredString(QStringLiteral("pairingCode"), 12).trimmed().toUpper();
    const QString name = p.requiredString(QStringLiteral("name"), 100).trimmed();
    const QString location = p.optionalString(QStringLiteral("location"), 200).trimmed();
    const qint64 hours = p.optionalInt(QStringLiteral("lifetimeHours"), 1, kMaxLifetimeHours)
                             .value_or(kDefaultLifetimeHours);
    if (!p.ok())
        return call.fail(p.error());
    if (name.isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"name\" must not be blank")));
    const Caller caller = call.caller();
    // Pairing codes are guessable too: a lead (or a stolen lead session) gets a few tries.
    m_attempts.reserve(m_limits.pairing(caller.organisationId, caller.userId), this,
        [this, call, caller, code, name, location, hours](
            const AttemptStore::Reservation &attempt) {
            if (attempt.error)
                return call.fail(attempt.error.toRpcError());
            if (attempt.retryAfter > 0)
                return call.fail(RpcError::rateLimited(attempt.retryAfter));
            approvePairing(call, caller, {code, name, location, hours}, attempt.attemptId);
        });
}

void KioskService::approvePairing(
    const RpcCall &call, const Caller &caller, const Pairing &pairing, const QUuid &attemptId)
{
    const QString &code = pairing.code;
    m_query.transaction(
        {{KioskStore::approveSql(),
            PgParams() << caller.organisationId << code << pairing.name << pairing.location
                       << pairing.lifetimeHours << caller.userId}},
        this, [this, call, code, attemptId](const QJsonValue &kiosk, const StoreError &e) {
            if (e)
                return call.fail(e.kind == StoreError::Conflict ? RpcError::conflict(
                                     QStringLiteral("A kiosk with that name already exists"))
                                                                : e.toRpcError());
            if (kiosk.isNull())
                return call.fail(RpcError::notFound(QStringLiteral("Pairing code")));
            m_attempts.succeeded(attemptId);
            call.reply(QJsonObject {{QStringLiteral("kiosk"), kiosk}});
            // The waiting kiosk learns at once, on whichever server it waits; it signs in with
            // the token it already holds.
            m_relay.publish({Audience::pairing(code), QStringLiteral("kiosk.approved"),
                {{QStringLiteral("kiosk"), kiosk}}});
        });
}

void KioskService::update(const RpcCall &call)
{
    const QJsonObject &json = call.params();
    ParamReader p(json);
    const QUuid kioskId = p.requiredUuid(QStringLiteral("kioskId"));
    std::optional<QString> name;
    if (json.contains(QStringLiteral("name")))
        name = p.requiredString(QStringLiteral("name"), 100).trimmed();
    std::optional<QString> location;
    if (json.contains(QStringLiteral("location")))
        location = p.optionalString(QStringLiteral("location"), 200).trimmed();
    const std::optional<qint64> hours
        = p.optionalInt(QStringLiteral("lifetimeHours"), 1, kMaxLifetimeHours);
    if (!p.ok())
        return call.fail(p.error());
    if (name && name->isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"name\" must not be blank")));
    const Caller caller = call.caller();
    PgParams params;
    params << caller.organisationId << kioskId;
    name ? params << *name : params << std::nullopt;
    location ? params << *location : params << std::nullopt;
    hours ? params << *hours : params << std::nullopt;
    params << caller.userId;
    m_query.transaction(
        {{"WITH old AS (SELECT * FROM kiosks WHERE organisation_id = $1 AND id = $2"
          "  AND revoked_at IS NULL FOR UPDATE),"
          " k AS (UPDATE kiosks SET name = COALESCE($3, kiosks.name),"
          "   location = COALESCE($4, kiosks.location),"
          "   expires_at = COALESCE(now() + make_interval(hours => $5::integer), kiosks.expires_at)"
          "  FROM old WHERE kiosks.id = old.id RETURNING kiosks.*)"
          " SELECT muster_kiosk_json(k)"
          " FROM k, old CROSS JOIN LATERAL muster_audit($1, $6::uuid, 'kiosk.update', 'kiosk',"
          "  k.id,"
          "  jsonb_build_object('name', old.name, 'location', old.location, 'expiresAt',"
          "   muster_iso(old.expires_at)),"
          "  jsonb_build_object('name', k.name, 'location', k.location, 'expiresAt',"
          "   muster_iso(k.expires_at)))",
            params}},
        this, [call](const QJsonValue &kiosk, const StoreError &e) {
            if (e)
                return call.fail(e.kind == StoreError::Conflict ? RpcError::conflict(
                                     QStringLiteral("A kiosk with that name already exists"))
                                                                : e.toRpcError());
            if (kiosk.isNull())
                return call.fail(RpcError::notFound(QStringLiteral("Kiosk")));
            call.reply(QJsonObject {{QStringLiteral("kiosk"), kiosk}});
        });
}

void KioskService::revoke(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid kioskId = p.requiredUuid(QStringLiteral("kioskId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_query.transaction(
        {{"WITH k AS (UPDATE kiosks SET revoked_at = now() WHERE organisation_id = $1 AND id = $2"
          "  AND revoked_at IS NULL RETURNING *)"
          " SELECT muster_kiosk_json(k)"
          " FROM k CROSS JOIN LATERAL muster_audit($1, $3::uuid, 'kiosk.revoke', 'kiosk', k.id,"
          "  jsonb_build_object('revoked', false), jsonb_build_object('revoked', true))",
            PgParams() << caller.organisationId << kioskId << caller.userId}},
        this, [this, call, kioskId](const QJsonValue &kiosk, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            if (kiosk.isNull())
                return call.fail(RpcError::notFound(QStringLiteral("Kiosk")));
            call.reply(QJsonObject {{QStringLiteral("kiosk"), kiosk}});
            qCInfo(lcTimeclock) << "kiosk" << kiosk.toObject().value(QStringLiteral("name"))
                                << "revoked: disconnecting it";
            // Told, then cut off, on every server: its token no longer resumes either.
            m_relay.publish({Audience::kiosk(kioskId), QStringLiteral("kiosk.revoked"),
                {{QStringLiteral("kioskId"), kioskId.toString(QUuid::WithoutBraces)}},
                QStringLiteral("kiosk revoked")});
        });
}

} // namespace Muster
