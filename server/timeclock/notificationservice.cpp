// See notificationservice.h.
#include "notificationservice.h"

#include "cluster/pushrelay.h"
#include "net/rpccall.h"
#include "protocol/paramreader.h"
#include "readsubject.h"

#include <QJsonArray>

namespace Muster {

NotificationService::NotificationService(Database &db, PushRelay &relay, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_relay(relay)
{ }

void NotificationService::deliver(const Notification &notification)
{
    if (const std::optional<Push> push = pushFor(notification))
        m_relay.publish(*push);
    Q_EMIT delivered(notification);
}

std::optional<Push> NotificationService::pushFor(const Notification &notification)
{
    if (notification.userId.isNull())
        return std::nullopt;
    return Push {Audience::person(notification.userId), QStringLiteral("notifications.added"),
        notification.toJson()};
}

void NotificationService::list(const RpcCall &call)
{
    ParamReader p(call.params());
    const bool unreadOnly = p.optionalBool(QStringLiteral("unreadOnly")).value_or(false);
    const QUuid requested = p.optionalUuid(QStringLiteral("userId"));
    if (!p.ok())
        return call.fail(p.error());
    const std::optional<QUuid> userId = readableUser(call, requested); // a manager's panel
    if (!userId)
        return;
    const Caller caller = call.caller();
    // Notices waiting for acknowledgement come first: the app shows them before anything else.
    m_store.list(caller.organisationId, *userId, unreadOnly, this,
        [call](const QList<Notification> &notifications, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            QJsonArray array;
            for (const Notification &n : notifications)
                array.append(n.toJson());
            call.reply(QJsonObject {{QStringLiteral("notifications"), array}});
        });
}

void NotificationService::acknowledge(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid id = p.requiredUuid(QStringLiteral("notificationId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_store.acknowledge(caller.organisationId, caller.userId, id, this,
        [call](const Notification &notification, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("notification"), notification.toJson()}});
        });
}

} // namespace Muster
