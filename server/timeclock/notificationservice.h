// notifications.list and notifications.acknowledge, and delivery of new notices as
// notifications.added pushes. Notices are stored first (by the SQL that causes them), then pushed.
#pragma once

#include "db/notificationstore.h"
#include "net/push.h"

#include <QJsonArray>
#include <QObject>

namespace Muster {

class Database;
class PushRelay;
class RpcCall;

class NotificationService : public QObject
{
    Q_OBJECT
public:
    NotificationService(Database &db, PushRelay &relay, QObject *parent = nullptr);

    void list(const RpcCall &call);
    void acknowledge(const RpcCall &call);
    // Pushes a stored notice to its owner's connections, and says so (delivered) for whoever
    // else carries notices to people (the chat bot).
    void deliver(const Notification &notification);
    // The notifications.added push for a stored notice; nullopt for one without an owner.
    static std::optional<Push> pushFor(const Notification &notification);

Q_SIGNALS:
    void delivered(const Muster::Notification &notification);

private:
    NotificationStore m_store;
    PushRelay &m_relay;
};

} // namespace Muster
