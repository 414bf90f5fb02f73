// states.create, states.update, states.reorder, states.delete: an organisation's status states,
// edited by its admins and pushed to everyone in it as states.changed.
#pragma once

#include "db/statestore.h"

#include <QObject>

namespace Muster {

class Database;
class PushRelay;
class RpcCall;

class StateService : public QObject
{
    Q_OBJECT
public:
    StateService(Database &db, PushRelay &relay, QObject *parent = nullptr);

    void create(const RpcCall &call);
    void update(const RpcCall &call);
    void reorder(const RpcCall &call);
    void remove(const RpcCall &call);

private:
    // Sends the organisation's full state list to all its members.
    void pushStates(const QUuid &org);

    StateStore m_store;
    PushRelay &m_relay;
};

} // namespace Muster
