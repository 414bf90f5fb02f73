// A person's notices: listing and acknowledging them. Notices are made by the SQL that causes
// them (rewards passed, shifts stopped at the day boundary), which hands them back as rows.
#pragma once

#include "domain/notification.h"
#include "storeerror.h"

#include <QList>
#include <QObject>
#include <QUuid>

#include <functional>

namespace Muster {

class Database;

class NotificationStore
{
public:
    using NotificationsHandler
        = std::function<void(const QList<Notification> &notifications, const StoreError &error)>;
    // NotFound ("Notification") when it is not the person's.
    using NotificationHandler
        = std::function<void(const Notification &notification, const StoreError &error)>;

    explicit NotificationStore(Database &db)
        : m_db(db)
    { }

    // The newest 200, those still waiting for an acknowledgement first.
    void list(const QUuid &org, const QUuid &userId, bool unreadOnly, QObject *context,
        NotificationsHandler handler);
    void acknowledge(const QUuid &org, const QUuid &userId, const QUuid &notificationId,
        QObject *context, NotificationHandler handler);

    // A notice an SQL function handed back as to_jsonb(notifications row).
    static Notification fromRow(const QJsonObject &row);

private:
    Database &m_db;
};

} // namespace Muster
