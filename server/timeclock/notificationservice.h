// notifications.list and notifications.acknowledge, and delivery of new notices as
// notifications.added pushes. Notices are stored first (by the SQL that causes them), then pushed.
#pragma once

#include "db/jsonquery.h"
#include "net/push.h"

#include <QObject>

namespace Muster {

class PushRelay;
class RpcCall;

class NotificationService : public QObject
{
    Q_OBJECT
public:
    NotificationService(Database &db, PushRelay &relay, QObject *parent = nullptr);

    void list(const RpcCall &call);
    void acknowledge(const RpcCall &call);
    // Pushes a stored notice to its owner's connections.
    void deliver(const QJsonObject &notification);
    // The notifications.added push for a stored notice; nullopt for one without an owner.
    static std::optional<Push> pushFor(const QJsonObject &notification);

private:
    JsonQuery m_query;
    PushRelay &m_relay;
};

} // namespace Muster
