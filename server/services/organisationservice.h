// organisations.list and organisations.watch: the server superadmin's view of every organisation
// ("god mode" across organisations), which the dispatcher lets only superadmins call; and
// organisations.delete, a manager's deletion of their own organisation with everything in it.
#pragma once

#include "db/organisationstore.h"

#include <QObject>

namespace Muster {

class Database;
class PushHub;
class PushRelay;
class RpcCall;
struct Caller;

class OrganisationService : public QObject
{
    Q_OBJECT
public:
    OrganisationService(Database &db, PushHub &hub, PushRelay &relay, QObject *parent = nullptr);

    void list(const RpcCall &call);
    void watch(const RpcCall &call);
    void remove(const RpcCall &call);

    // The organisation a call is about: the caller's own, or — for superadmins only — the one
    // named in "organisationId". Fails the call and returns nullopt otherwise.
    static std::optional<QUuid> targetOrganisation(const RpcCall &call);

private:
    OrganisationStore m_store;
    PushHub &m_hub;
    PushRelay &m_relay;
};

} // namespace Muster
