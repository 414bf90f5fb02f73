// See notificationstore.h.
#include "notificationstore.h"

#include "database.h"
#include "rowjson.h"

#include <QJsonDocument>

namespace Muster {

namespace {

const QByteArray kColumns
    = "n.id, n.user_id, n.kind, n.title, n.body, n.data, n.requires_ack,"
      " n.acknowledged_at IS NOT NULL, floor(extract(epoch FROM n.created_at) * 1000)::bigint";

Notification notificationAt(const PgResult &r, int row)
{
    Notification n;
    n.id = r.uuid(row, 0);
    n.userId = r.uuid(row, 1);
    n.kind = r.text(row, 2);
    n.title = r.text(row, 3);
    n.body = r.text(row, 4);
    n.data = QJsonDocument::fromJson(r.bytes(row, 5)).object();
    n.requiresAck = r.toBool(row, 6);
    n.acknowledged = r.toBool(row, 7);
    n.createdAt = r.timestamp(row, 8);
    return n;
}

} // namespace

void NotificationStore::list(const QUuid &org, const QUuid &userId, bool unreadOnly,
    QObject *context, NotificationsHandler handler)
{
    // One row with nulls for a person without notices, none for nobody of the organisation.
    m_db.exec("SELECT " + kColumns
            + " FROM users u LEFT JOIN LATERAL (SELECT * FROM notifications"
              "  WHERE organisation_id = $1 AND user_id = $2"
              "  AND (NOT $3 OR acknowledged_at IS NULL) ORDER BY created_at DESC LIMIT 200) n"
              "  ON true"
              " WHERE u.organisation_id = $1 AND u.id = $2"
              " ORDER BY (n.requires_ack AND n.acknowledged_at IS NULL) DESC, n.created_at DESC",
        PgParams() << org << userId << unreadOnly, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            if (r.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("User")));
            QList<Notification> notifications;
            notifications.reserve(r.rows());
            for (int row = 0; row < r.rows(); ++row) {
                if (!r.isNull(row, 0))
                    notifications.append(notificationAt(r, row));
            }
            handler(notifications, {});
        });
}

void NotificationStore::acknowledge(const QUuid &org, const QUuid &userId,
    const QUuid &notificationId, QObject *context, NotificationHandler handler)
{
    m_db.exec("WITH n AS (UPDATE notifications"
              "  SET acknowledged_at = COALESCE(acknowledged_at, now())"
              "  WHERE organisation_id = $1 AND user_id = $2 AND id = $3 RETURNING *)"
              " SELECT "
            + kColumns + " FROM n",
        PgParams() << org << userId << notificationId, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            if (r.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("Notification")));
            handler(notificationAt(r, 0), {});
        });
}

Notification NotificationStore::fromRow(const QJsonObject &json)
{
    const RowJson row(json);
    Notification n;
    n.id = row.uuid(u"id");
    n.userId = row.uuid(u"user_id");
    n.kind = row.text(u"kind");
    n.title = row.text(u"title");
    n.body = row.text(u"body");
    n.data = row.object(u"data");
    n.requiresAck = row.boolean(u"requires_ack");
    n.acknowledged = row.time(u"acknowledged_at").isValid();
    n.createdAt = row.time(u"created_at");
    return n;
}

} // namespace Muster
