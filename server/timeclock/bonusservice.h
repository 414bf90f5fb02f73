// bonuses.list, bonuses.create, bonuses.update and bonuses.delete: windows in which the time of
// some teams counts more. A change recomputes the event's totals and sends the reward notices
// it causes; everyone is told to refresh their totals (timeclock.totalsChanged).
#pragma once

#include "db/jsonquery.h"

#include <QObject>

namespace Muster {

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
    void save(const RpcCall &call, const QByteArray &sql, const PgParams &params);

    JsonQuery m_query;
    PushRelay &m_relay;
    NotificationService &m_notifications;
};

} // namespace Muster
