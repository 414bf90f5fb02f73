// teams.list, teams.create and teams.update: an organisation's teams, pushed as teams.changed.
#pragma once

#include "db/teamstore.h"

#include <QObject>

namespace Muster {

class Database;
class PushRelay;
class RpcCall;

class TeamService : public QObject
{
    Q_OBJECT
public:
    TeamService(Database &db, PushRelay &relay, QObject *parent = nullptr);

    void list(const RpcCall &call);
    void create(const RpcCall &call);
    void update(const RpcCall &call);

private:
    void pushTeams(const QUuid &org);

    TeamStore m_store;
    PushRelay &m_relay;
};

} // namespace Muster
