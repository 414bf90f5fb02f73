// See bonusservice.h.
#include "bonusservice.h"

#include "cluster/pushrelay.h"
#include "notificationservice.h"
#include "protocol/paramreader.h"
#include "replies.h"

namespace Muster {

namespace {

constexpr qsizetype kMaxTeams = 500;

QString uuidArray(const QList<QUuid> &ids)
{
    QStringList texts;
    for (const QUuid &id : ids)
        texts.append(id.toString(QUuid::WithoutBraces));
    return QLatin1Char('{') + texts.join(QLatin1Char(',')) + QLatin1Char('}');
}

} // namespace

BonusService::BonusService(
    Database &db, PushRelay &relay, NotificationService &notifications, QObject *parent)
    : QObject(parent)
    , m_query(db)
    , m_relay(relay)
    , m_notifications(notifications)
{ }

void BonusService::list(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid eventId = p.optionalUuid(QStringLiteral("eventId"));
    if (!p.ok())
        return call.fail(p.error());
    m_query.run(QByteArray("SELECT CASE WHEN ") + kEventKnown
            + " THEN COALESCE(jsonb_agg(muster_bonus_json(b) ORDER BY b.starts_at), '[]') END"
              " FROM time_bonuses b WHERE b.organisation_id = $1 AND b.event_id ="
              " COALESCE($2::uuid, (SELECT active_event_id FROM organisations WHERE id = $1))",
        PgParams() << call.caller().organisationId << eventId, this,
        replyWithKeyOrNotFound(call, QStringLiteral("bonuses"), QStringLiteral("Event")));
}

void BonusService::save(const RpcCall &call, const QByteArray &sql, const PgParams &params)
{
    m_query.run(sql, params, this,
        [this, call, org = call.caller().organisationId](const QJsonValue &v, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            QJsonObject result = v.toObject();
            const QJsonArray notices = result.take(QStringLiteral("notifications")).toArray();
            call.reply(result);
            const QJsonObject bonus = result.value(QStringLiteral("bonus")).toObject();
            m_relay.publish({Audience::organisation(org), QStringLiteral("timeclock.totalsChanged"),
                {{QStringLiteral("eventId"), bonus.value(QStringLiteral("eventId"))}}});
            m_notifications.deliverRows(notices);
        });
}

void BonusService::create(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid eventId = p.optionalUuid(QStringLiteral("eventId"));
    const QDateTime start = p.requiredTime(QStringLiteral("start"));
    const QDateTime end = p.requiredTime(QStringLiteral("end"));
    const QString multiplier = p.requiredDecimal(QStringLiteral("multiplier"), 1.01, 10);
    const QList<QUuid> teams = p.requiredUuidList(QStringLiteral("teamIds"), kMaxTeams);
    if (!p.ok())
        return call.fail(p.error());
    if (end <= start)
        return call.fail(
            RpcError::invalidParams(QStringLiteral("\"end\" must be after \"start\"")));
    const Caller caller = call.caller();
    save(call,
        "SELECT muster_save_bonus($1, $2, NULL, COALESCE($3::uuid, (SELECT active_event_id FROM"
        " organisations WHERE id = $1)), $4::timestamptz, $5::timestamptz, $6::numeric, "
        "$7::uuid[])",
        PgParams() << caller.organisationId << caller.userId << eventId << isoTime(start)
                   << isoTime(end) << multiplier << uuidArray(teams));
}

void BonusService::update(const RpcCall &call)
{
    const QJsonObject &json = call.params();
    ParamReader p(json);
    const QUuid bonusId = p.requiredUuid(QStringLiteral("bonusId"));
    const std::optional<QDateTime> start = json.contains(QStringLiteral("start"))
        ? std::optional(p.requiredTime(QStringLiteral("start")))
        : std::nullopt;
    const std::optional<QDateTime> end = json.contains(QStringLiteral("end"))
        ? std::optional(p.requiredTime(QStringLiteral("end")))
        : std::nullopt;
    const std::optional<QString> multiplier = json.contains(QStringLiteral("multiplier"))
        ? std::optional(p.requiredDecimal(QStringLiteral("multiplier"), 1.01, 10))
        : std::nullopt;
    const std::optional<QList<QUuid>> teams = json.contains(QStringLiteral("teamIds"))
        ? std::optional(p.requiredUuidList(QStringLiteral("teamIds"), kMaxTeams))
        : std::nullopt;
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    PgParams params;
    params << caller.organisationId << caller.userId << bonusId;
    start ? params << isoTime(*start) : params << std::nullopt;
    end ? params << isoTime(*end) : params << std::nullopt;
    multiplier ? params << *multiplier : params << std::nullopt;
    teams ? params << uuidArray(*teams) : params << std::nullopt;
    save(call,
        "SELECT muster_save_bonus($1, $2, $3, NULL, $4::timestamptz, $5::timestamptz, $6::numeric,"
        " $7::uuid[])",
        params);
}

void BonusService::remove(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid bonusId = p.requiredUuid(QStringLiteral("bonusId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    save(call, "SELECT muster_delete_bonus($1, $2, $3)",
        PgParams() << caller.organisationId << caller.userId << bonusId);
}

} // namespace Muster
