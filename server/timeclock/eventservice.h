// events.list, events.create, events.update and events.activate: the conventions and seasons time
// is tracked for. One event per organisation is active; the time clock works in it alone.
#pragma once

#include "db/eventstore.h"

#include <QObject>

namespace Muster {

class Database;
class PushRelay;
class RpcCall;

class EventService : public QObject
{
    Q_OBJECT
public:
    EventService(Database &db, PushRelay &relay, QObject *parent = nullptr);

    void list(const RpcCall &call);
    void create(const RpcCall &call);
    void update(const RpcCall &call);
    void activate(const RpcCall &call);

private:
    void pushEvents(const QUuid &organisationId);

    EventStore m_store;
    PushRelay &m_relay;
};

} // namespace Muster
