// bonuses.list, bonuses.create, bonuses.update and bonuses.delete: windows in which the time of
// some teams counts more. A change recomputes the event's totals and sends the reward notices
// it causes; everyone is told to refresh their totals (timeclock.totalsChanged).
#pragma once

#include "db/bonusstore.h"

#include <QObject>

namespace Muster {

class Database;
class NotificationService;
class PushRelay;
class RpcCall;

class BonusService : public QObject
{
    Q_OBJECT
public:
    BonusService(Database &db, PushRelay &relay, NotificationService &notifications,
        QObject *parent = nullptr);

    void list(const RpcCall &call);
    void create(const RpcCall &call);
    void update(const RpcCall &call);
    void remove(const RpcCall &call);

private:
    // Answers {"bonus": …}, then tells everyone totals changed and delivers the notices.
    BonusStore::SavedHandler replyAndSpread(const RpcCall &call);

    BonusStore m_store;
    PushRelay &m_relay;
    NotificationService &m_notifications;
};

} // namespace Muster
