// See notificationservice.h.
#include "notificationservice.h"

#include "cluster/pushrelay.h"
#include "protocol/paramreader.h"
#include "replies.h"

namespace Muster {

NotificationService::NotificationService(Database &db, PushRelay &relay, QObject *parent)
    : QObject(parent)
    , m_query(db)
    , m_relay(relay)
{ }

void NotificationService::deliver(const QJsonObject &notification)
{
    if (const std::optional<Push> push = pushFor(notification))
        m_relay.publish(*push);
}

std::optional<Push> NotificationService::pushFor(const QJsonObject &notification)
{
    const QUuid userId = QUuid::fromString(notification.value(QStringLiteral("userId")).toString());
    if (userId.isNull())
        return std::nullopt;
    return Push {Audience::person(userId), QStringLiteral("notifications.added"), notification};
}

void NotificationService::list(const RpcCall &call)
{
    ParamReader p(call.params());
    const bool unreadOnly = p.optionalBool(QStringLiteral("unreadOnly")).value_or(false);
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    // Notices waiting for acknowledgement come first: the app shows them before anything else.
    m_query.run("SELECT COALESCE(jsonb_agg(muster_notification_json(n) ORDER BY"
                "  (n.requires_ack AND n.acknowledged_at IS NULL) DESC, n.created_at DESC), '[]')"
                " FROM (SELECT * FROM notifications WHERE organisation_id = $1 AND user_id = $2"
                "  AND (NOT $3 OR acknowledged_at IS NULL) ORDER BY created_at DESC LIMIT 200) n",
        PgParams() << caller.organisationId << caller.userId << unreadOnly, this,
        replyWithKey(call, QStringLiteral("notifications")));
}

void NotificationService::acknowledge(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid id = p.requiredUuid(QStringLiteral("notificationId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_query.run("UPDATE notifications SET acknowledged_at = COALESCE(acknowledged_at, now())"
                " WHERE organisation_id = $1 AND user_id = $2 AND id = $3"
                " RETURNING muster_notification_json(notifications)",
        PgParams() << caller.organisationId << caller.userId << id, this,
        [call](const QJsonValue &v, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            if (v.isNull())
                return call.fail(RpcError::notFound(QStringLiteral("Notification")));
            call.reply(QJsonObject {{QStringLiteral("notification"), v}});
        });
}

} // namespace Muster
