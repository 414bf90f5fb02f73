// See organisationservice.h.
#include "organisationservice.h"

#include "cluster/pushrelay.h"
#include "net/pushhub.h"
#include "net/rpccall.h"
#include "protocol/paramreader.h"
#include "util/logging.h"

#include <QJsonArray>

namespace Muster {

namespace {
RpcError superadminsOnly()
{
    return RpcError::forbidden(QStringLiteral("Only server superadmins see other organisations"));
}
} // namespace

OrganisationService::OrganisationService(
    Database &db, PushHub &hub, PushRelay &relay, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_hub(hub)
    , m_relay(relay)
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

void OrganisationService::remove(const RpcCall &call)
{
    ParamReader p(call.params());
    // The name, typed by the manager: a deletion nobody can undo is not one click.
    const QString name = p.requiredString(QStringLiteral("confirmName"), 200);
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_store.remove(caller.organisationId, name, this,
        [this, call, caller](const QList<QUuid> &openChats, const StoreError &e) {
            if (e.kind == StoreError::NotFound) {
                RpcError wrong = RpcError::invalidParams(
                    QStringLiteral("confirmName: type the organisation's name to delete it"));
                wrong.reason = QStringLiteral("name_mismatch");
                return call.fail(wrong);
            }
            if (e) {
                qCWarning(lcRpc).noquote()
                    << "deleting organisation" << caller.organisationName << "failed:" << e.message;
                return call.fail(e.toRpcError());
            }
            qCInfo(lcRpc).noquote()
                << "organisation" << caller.organisationName << "deleted by" << caller.login;
            call.reply(QJsonObject {{QStringLiteral("deleted"), true}});
            // Everyone still connected to it, on every server, is told and cut off; so are
            // the anonymous clients of its open chats.
            const QString reason = QStringLiteral("organisation deleted");
            Push gone {Audience::organisation(caller.organisationId),
                QStringLiteral("organisations.deleted"), {}, reason};
            m_relay.publish(gone);
            for (const QUuid &chat : openChats)
                m_relay.publish({Audience::chatClient(chat),
                    QStringLiteral("organisations.deleted"), {}, reason});
        });
}

} // namespace Muster
