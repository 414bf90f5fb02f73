// rewards.list, rewards.create, rewards.update, rewards.delete, rewards.claim and
// rewards.unclaim. Notices that a reward is available are sent by the SQL of whatever change
// made someone eligible (a clock-out, an edit, a bonus, a lower threshold), once per reward.
#pragma once

#include "db/rewardstore.h"

#include <QObject>

namespace Muster {

class Database;
class NotificationService;
class PushRelay;
class RpcCall;

class RewardService : public QObject
{
    Q_OBJECT
public:
    RewardService(Database &db, PushRelay &relay, NotificationService &notifications,
        QObject *parent = nullptr);

    void list(const RpcCall &call);
    void create(const RpcCall &call);
    void update(const RpcCall &call);
    void remove(const RpcCall &call);
    void claim(const RpcCall &call);
    void unclaim(const RpcCall &call);

private:
    void setClaimed(const RpcCall &call, bool claimed);
    // Answers {"reward": …} (and the person's userId after a claim), then tells everyone the
    // rewards changed and delivers the notices.
    RewardStore::SavedHandler replyAndSpread(const RpcCall &call, const QUuid &userId = {});

    RewardStore m_store;
    PushRelay &m_relay;
    NotificationService &m_notifications;
};

} // namespace Muster
