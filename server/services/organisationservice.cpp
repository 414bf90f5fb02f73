// See organisationservice.h.
#include "organisationservice.h"

#include "net/pushhub.h"
#include "net/rpccall.h"
#include "protocol/paramreader.h"

#include <QJsonArray>

namespace Muster {

namespace {
RpcError superadminsOnly()
{
    return RpcError::forbidden(QStringLiteral("Only server superadmins see other organisations"));
}
} // namespace

OrganisationService::OrganisationService(Database &db, PushHub &hub, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_hub(hub)
{ }

std::optional<QUuid> OrganisationService::targetOrganisation(const RpcCall &call)
{
    const QUuid own = call.caller().organisationId;
    if (!call.params().contains(QStringLiteral("organisationId")))
        return own;
    ParamReader p(call.params());
    const QUuid org = p.requiredUuid(QStringLiteral("organisationId"));
    if (!p.ok()) {
        call.fail(p.error());
        return std::nullopt;
    }
    if (org != own && !call.caller().superadmin) {
        call.fail(superadminsOnly());
        return std::nullopt;
    }
    return org;
}

void OrganisationService::list(const RpcCall &call)
{
    m_store.list(this, [call](const QList<Organisation> &organisations, const StoreError &error) {
        if (error)
            return call.fail(error.toRpcError());
        QJsonArray list;
        for (const Organisation &organisation : organisations)
            list.append(organisation.toJson());
        call.reply(QJsonObject {{QStringLiteral("organisations"), list}});
    });
}

void OrganisationService::watch(const RpcCall &call)
{
    const QJsonValue value = call.params().value(QStringLiteral("organisationId"));
    if (value.isNull()) {
        m_hub.watch(call.socket(), {});
        return call.reply(QJsonObject());
    }
    ParamReader p(call.params());
    const QUuid org = p.requiredUuid(QStringLiteral("organisationId"));
    if (!p.ok())
        return call.fail(p.error());
    m_store.exists(org, this, [this, call, org](bool exists, const StoreError &error) {
        if (error)
            return call.fail(error.toRpcError());
        if (!exists)
            return call.fail(RpcError::notFound(QStringLiteral("Organisation")));
        if (!call.isConnected())
            return;
        m_hub.watch(call.socket(), org);
        call.reply(QJsonObject());
    });
}

} // namespace Muster
