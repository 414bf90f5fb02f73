// See timeclockservice.h. The rules themselves (one ongoing entry, overlaps, open events, earned
// time, reward notices) are enforced by the SQL functions of migration 0005, in one transaction
// per action; this class reads params, picks the function and spreads the result.
#include "timeclockservice.h"

#include "cluster/pushrelay.h"
#include "notificationservice.h"
#include "protocol/paramreader.h"
#include "replies.h"
#include "services/presenceservice.h"
#include "util/logging.h"

namespace Muster {

namespace {

constexpr qsizetype kMaxNotes = 1000;
constexpr qsizetype kMaxReason = 500;
constexpr int kMaxReplayActions = 500;
constexpr qint64 kMaxOfflineAgeSeconds = 12 * 3600;
constexpr qint64 kClockSkewSeconds = 120;

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

RpcError kioskRequired()
{
    RpcError e
        = RpcError::forbidden(QStringLiteral("Volunteers clock in and out at an authorised kiosk"));
    e.reason = QStringLiteral("kiosk_required");
    return e;
}

// The event a read is about: the one asked for, else the active one.
const QByteArray kEventOf
    = "COALESCE($2::uuid, (SELECT active_event_id FROM organisations WHERE id = $1))";

} // namespace

TimeclockService::TimeclockService(
    Database &db, PushRelay &relay, PresenceService &presence, QObject *parent)
    : QObject(parent)
    , m_query(db)
    , m_relay(relay)
    , m_presence(presence)
{ }

void TimeclockService::publish(const QUuid &org, const QString &change, const QJsonObject &result)
{
    const QList<Push> pushes = pushesFor(org, change, result);
    for (const Push &push : pushes)
        m_relay.publish(push);
    if (!pushes.isEmpty())
        m_presence.announce(org, pushes.first().audience.userId);
}

QList<Push> TimeclockService::pushesFor(
    const QUuid &org, const QString &change, const QJsonObject &result)
{
    const QJsonObject entry = result.value(QStringLiteral("entry")).toObject();
    const QUuid userId = QUuid::fromString(entry.value(QStringLiteral("userId")).toString());
    if (userId.isNull())
        return {};
    QList<Push> pushes {
        {Audience::atLeast(org, Role::Manager, userId), QStringLiteral("timeclock.entryChanged"),
            {{QStringLiteral("change"), change}, {QStringLiteral("entry"), entry}}}};
    if (result.contains(QStringLiteral("totals")))
        pushes.append({Audience::person(userId), QStringLiteral("timeclock.ownTotalsChanged"),
            result.value(QStringLiteral("totals")).toObject()});
    for (const QJsonValue &n : result.value(QStringLiteral("notifications")).toArray()) {
        if (const std::optional<Push> notice
            = NotificationService::pushFor(NotificationStore::fromRow(n.toObject())))
            pushes.append(*notice);
    }
    return pushes;
}

void TimeclockService::clockIn(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid actionId = p.requiredUuid(QStringLiteral("actionId"));
    const QUuid teamId = p.requiredUuid(QStringLiteral("teamId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    if (!caller.isKiosk() && !roleAtLeast(caller.role, Role::Staff))
        return call.fail(kioskRequired());
    PgParams params;
    params << caller.organisationId << caller.userId << actionId << teamId
           << (caller.isKiosk() ? QStringLiteral("kiosk") : QStringLiteral("desktop"))
           << caller.kioskId << roleName(caller.role);
    runChange(call, QStringLiteral("started"),
        "SELECT muster_clock_in($1, $2, $3, $4, now(), $5, $6, false, $2, $7)", params);
}

void TimeclockService::clockOut(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid actionId = p.requiredUuid(QStringLiteral("actionId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    if (!caller.isKiosk() && !roleAtLeast(caller.role, Role::Staff))
        return call.fail(kioskRequired());
    runChange(call, QStringLiteral("stopped"),
        "SELECT muster_clock_out($1, $2, $3, now(), false, $2)",
        PgParams() << caller.organisationId << caller.userId << actionId);
}

void TimeclockService::runChange(
    const RpcCall &call, const QString &change, const QByteArray &sql, const PgParams &params)
{
    m_query.run(sql, params, this,
        [this, call, change, org = call.caller().organisationId](
            const QJsonValue &v, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            QJsonObject result = v.toObject();
            const QJsonObject published = result;
            result.remove(QStringLiteral("notifications")); // they arrive as pushes
            call.reply(result);
            if (!result.value(QStringLiteral("replayed")).toBool())
                publish(org, change, published);
        });
}

void TimeclockService::replay(const RpcCall &call)
{
    const Caller caller = call.caller();
    if (!caller.isKiosk()) {
        RpcError e = RpcError::unauthenticated(QStringLiteral("Only an authorised kiosk replays"));
        e.reason = QStringLiteral("kiosk_required");
        return call.fail(e);
    }
    const QJsonValue actions = call.params().value(QStringLiteral("actions"));
    if (!actions.isArray() || actions.toArray().isEmpty()
        || actions.toArray().size() > kMaxReplayActions) {
        return call.fail(
            RpcError::invalidParams(QStringLiteral("\"actions\" must be a list of 1 to %1 actions")
                                        .arg(kMaxReplayActions)));
    }
    replayNext(call, actions.toArray(), 0, {});
}

// One action at a time, in the kiosk's order, each in its own transaction: a refused action
// does not void the ones around it.
void TimeclockService::replayNext(
    const RpcCall &call, QJsonArray actions, int index, QJsonArray results)
{
    if (index == actions.size())
        return call.reply(QJsonObject {{QStringLiteral("results"), results}});
    if (!call.isConnected())
        return;
    const QJsonObject action = actions.at(index).toObject();
    ParamReader p(action);
    const QUuid actionId = p.requiredUuid(QStringLiteral("actionId"));
    const QString kind = p.requiredString(QStringLiteral("kind"), 20);
    const QString badge = p.requiredBadge(QStringLiteral("badge"));
    const QDateTime at = p.requiredTime(QStringLiteral("at"));
    const QUuid teamId
        = kind == QLatin1String("clockIn") ? p.requiredUuid(QStringLiteral("teamId")) : QUuid();
    const auto next = [this, call, actions, index, results, actionId](const QJsonObject &outcome) {
        QJsonArray more = results;
        QJsonObject item = outcome;
        item.insert(
            QStringLiteral("actionId"), actionId.isNull() ? QJsonValue() : idText(actionId));
        more.append(item);
        replayNext(call, actions, index + 1, more);
    };
    const auto refuse = [next](const RpcError &error) {
        next({{QStringLiteral("ok"), false}, {QStringLiteral("error"), error.toJson()}});
    };
    if (!p.ok())
        return refuse(p.error());
    if (kind != QLatin1String("clockIn") && kind != QLatin1String("clockOut"))
        return refuse(
            RpcError::invalidParams(QStringLiteral("\"kind\" must be clockIn or clockOut")));
    const qint64 age = at.secsTo(QDateTime::currentDateTimeUtc());
    if (age > kMaxOfflineAgeSeconds || age < -kClockSkewSeconds) {
        RpcError e = RpcError::conflict(
            QStringLiteral("Offline actions are accepted up to 12 hours after they happened"));
        e.reason = QStringLiteral("stale_action");
        return refuse(e);
    }
    const Caller caller = call.caller();
    // The volunteer is whoever holds the badge: offline, the kiosk could not check a PIN or a
    // code, so the entry is flagged for managers to review.
    const QByteArray person
        = "(SELECT id, role FROM users WHERE organisation_id = $1 AND badge = $2"
          " AND role NOT IN ('banned', 'attendee'))";
    QByteArray sql;
    PgParams params;
    params << caller.organisationId << badge << actionId << isoTime(at);
    if (kind == QLatin1String("clockIn")) {
        sql = "SELECT muster_clock_in($1, u.id, $3, $5, $4::timestamptz, 'kiosk', $6, true, u.id,"
              " u.role) FROM "
            + person + " u";
        params << teamId << caller.kioskId;
    } else {
        sql = "SELECT muster_clock_out($1, u.id, $3, $4::timestamptz, true, u.id) FROM " + person
            + " u";
    }
    m_query.run(sql, params, this,
        [this, kind, next, refuse, org = caller.organisationId](
            const QJsonValue &v, const StoreError &e) {
            if (e)
                return refuse(e.toRpcError());
            if (v.isNull())
                return refuse(RpcError::notFound(QStringLiteral("Badge")));
            QJsonObject result = v.toObject();
            if (!result.value(QStringLiteral("replayed")).toBool()) {
                publish(org,
                    kind == QLatin1String("clockIn") ? QStringLiteral("started")
                                                     : QStringLiteral("stopped"),
                    result);
            }
            result.remove(QStringLiteral("notifications"));
            result.insert(QStringLiteral("ok"), true);
            next(result);
        });
}

void TimeclockService::totals(const RpcCall &call)
{
    const std::optional<ReadSubject> subject = readSubject(call);
    if (!subject)
        return;
    m_query.run("SELECT CASE WHEN u.id IS NULL THEN NULL ELSE"
                " muster_user_totals($1, e.id, $3) END"
                " FROM (SELECT "
            + kEventOf
            + " AS id) e"
              " LEFT JOIN users u ON u.organisation_id = $1 AND u.id = $3"
              " WHERE e.id IS NULL OR EXISTS (SELECT 1 FROM events x WHERE x.id = e.id"
              "  AND x.organisation_id = $1)",
        PgParams() << call.caller().organisationId << subject->eventId << subject->userId, this,
        [call](const QJsonValue &v, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            if (v.isNull())
                return call.fail(RpcError::notFound(QStringLiteral("Event or user")));
            call.reply(v);
        });
}

void TimeclockService::entries(const RpcCall &call)
{
    const std::optional<ReadSubject> subject = readSubject(call);
    if (!subject)
        return;
    m_query.run(QByteArray("SELECT CASE WHEN ") + kEventKnown
            + " AND EXISTS (SELECT 1 FROM users WHERE organisation_id = $1 AND id = $3) THEN"
              " COALESCE(jsonb_agg(muster_entry_json(t) ORDER BY t.start_at DESC), '[]') END"
              " FROM time_entries t WHERE t.organisation_id = $1 AND t.event_id = "
            + kEventOf + " AND t.user_id = $3",
        PgParams() << call.caller().organisationId << subject->eventId << subject->userId, this,
        replyWithKeyOrNotFound(call, QStringLiteral("entries"), QStringLiteral("Event or user")));
}

void TimeclockService::ongoing(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid eventId = p.optionalUuid(QStringLiteral("eventId"));
    if (!p.ok())
        return call.fail(p.error());
    m_query.run(QByteArray("SELECT CASE WHEN ") + kEventKnown
            + " THEN COALESCE(jsonb_agg(muster_entry_json(t) ORDER BY t.start_at), '[]') END"
              " FROM time_entries t WHERE t.organisation_id = $1 AND t.event_id = "
            + kEventOf + " AND t.stop_at IS NULL",
        PgParams() << call.caller().organisationId << eventId, this,
        replyWithKeyOrNotFound(call, QStringLiteral("entries"), QStringLiteral("Event")));
}

void TimeclockService::addEntry(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid userId = p.requiredUuid(QStringLiteral("userId"));
    const QUuid teamId = p.requiredUuid(QStringLiteral("teamId"));
    const QDateTime start = p.requiredTime(QStringLiteral("start"));
    const std::optional<QDateTime> stop = p.optionalTime(QStringLiteral("stop"));
    const QString notes
        = p.optionalString(QStringLiteral("notes"), kMaxNotes, {}, CanonicalText::Lines::Multiple);
    const QUuid actionId = p.optionalUuid(QStringLiteral("actionId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    if (!stop || !stop->isValid()) {
        // Checking someone in: an ongoing entry, with everything clocking in does.
        PgParams params;
        params << caller.organisationId << userId << actionId << teamId << isoTime(start)
               << caller.userId << roleName(caller.role) << notes;
        return runChange(call, QStringLiteral("started"),
            "SELECT muster_clock_in($1, $2, $3, $4, $5::timestamptz, 'manager', NULL, false, $6,"
            " $7, $8)",
            params);
    }
    PgParams params;
    params << caller.organisationId << caller.userId << roleName(caller.role) << userId << teamId
           << isoTime(start) << isoTime(*stop) << notes;
    runChange(call, QStringLiteral("started"),
        "SELECT muster_add_entry($1, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz, $8)",
        params);
}

void TimeclockService::updateEntry(const RpcCall &call)
{
    const QJsonObject &json = call.params();
    ParamReader p(json);
    const QUuid entryId = p.requiredUuid(QStringLiteral("entryId"));
    const std::optional<QDateTime> start = json.contains(QStringLiteral("start"))
        ? std::optional(p.requiredTime(QStringLiteral("start")))
        : std::nullopt;
    const std::optional<QDateTime> stop = p.optionalTime(QStringLiteral("stop"));
    const QUuid teamId = p.optionalUuid(QStringLiteral("teamId"));
    const std::optional<QString> notes = json.contains(QStringLiteral("notes"))
        ? std::optional(p.optionalString(
            QStringLiteral("notes"), kMaxNotes, {}, CanonicalText::Lines::Multiple))
        : std::nullopt;
    const QString reason = p.requiredString(QStringLiteral("reason"), kMaxReason).trimmed();
    if (!p.ok())
        return call.fail(p.error());
    if (reason.isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"reason\" must not be blank")));
    if (!start && !stop && teamId.isNull() && !notes)
        return call.fail(RpcError::invalidParams(QStringLiteral("nothing to change")));
    const Caller caller = call.caller();
    PgParams params;
    params << caller.organisationId << caller.userId << roleName(caller.role) << entryId;
    start ? params << isoTime(*start) : params << std::nullopt;
    stop && stop->isValid() ? params << isoTime(*stop) : params << std::nullopt;
    params << stop.has_value() << teamId;
    notes ? params << *notes : params << std::nullopt;
    params << reason;
    runChange(call, QStringLiteral("updated"),
        "SELECT muster_update_entry($1, $2, $3, $4, $5::timestamptz, $6::timestamptz, $7, $8, $9,"
        " $10)",
        params);
}

void TimeclockService::deleteEntry(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid entryId = p.requiredUuid(QStringLiteral("entryId"));
    const QString reason = p.optionalString(QStringLiteral("reason"), kMaxReason).trimmed();
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    runChange(call, QStringLiteral("deleted"), "SELECT muster_delete_entry($1, $2, $3, $4)",
        PgParams() << caller.organisationId << caller.userId << entryId << reason);
}

void TimeclockService::stopEntry(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid userId = p.requiredUuid(QStringLiteral("userId"));
    const QUuid actionId = p.optionalUuid(QStringLiteral("actionId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    runChange(call, QStringLiteral("stopped"),
        "SELECT muster_clock_out($1, $2, $3, now(), false, $4)",
        PgParams() << caller.organisationId << userId << actionId << caller.userId);
}

} // namespace Muster
