// organisations.list and organisations.watch: the server superadmin's view of every organisation
// ("god mode" across organisations). The dispatcher lets only superadmins call them.
#pragma once

#include "db/organisationstore.h"

#include <QObject>

namespace Muster {

class Database;
class PushHub;
class RpcCall;
struct Caller;

class OrganisationService : public QObject
{
    Q_OBJECT
public:
    OrganisationService(Database &db, PushHub &hub, QObject *parent = nullptr);

    void list(const RpcCall &call);
    void watch(const RpcCall &call);

    // The organisation a call is about: the caller's own, or — for superadmins only — the one
    // named in "organisationId". Fails the call and returns nullopt otherwise.
    static std::optional<QUuid> targetOrganisation(const RpcCall &call);

private:
    OrganisationStore m_store;
    PushHub &m_hub;
};

} // namespace Muster
