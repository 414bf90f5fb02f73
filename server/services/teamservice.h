// teams.list, teams.create and teams.update: an organisation's teams, pushed as teams.changed.
#pragma once

#include "db/teamstore.h"

#include <QObject>

namespace Muster {

class Database;
class PushHub;
class RpcCall;

class TeamService : public QObject
{
    Q_OBJECT
public:
    TeamService(Database &db, PushHub &hub, QObject *parent = nullptr);

    void list(const RpcCall &call);
    void create(const RpcCall &call);
    void update(const RpcCall &call);

private:
    void pushTeams(const QUuid &org);

    TeamStore m_store;
    PushHub &m_hub;
};

} // namespace Muster
