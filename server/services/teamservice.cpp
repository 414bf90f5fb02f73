// See teamservice.h.
#include "teamservice.h"

#include "net/pushhub.h"
#include "net/rpccall.h"
#include "protocol/paramreader.h"
#include "util/logging.h"

namespace Muster {

namespace {
constexpr qsizetype kMaxName = 200;
} // namespace

TeamService::TeamService(Database &db, PushHub &hub, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_hub(hub)
{ }

void TeamService::pushTeams(const QUuid &org)
{
    m_store.list(org, this, [this, org](const QJsonArray &teams, const StoreError &error) {
        if (error)
            qCWarning(lcPresence) << "cannot list teams for a push:" << error.message;
        else
            m_hub.pushToOrganisation(
                org, QStringLiteral("teams.changed"), {{QStringLiteral("teams"), teams}});
    });
}

void TeamService::list(const RpcCall &call)
{
    m_store.list(call.caller().organisationId, this,
        [call](const QJsonArray &teams, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("teams"), teams}});
        });
}

void TeamService::create(const RpcCall &call)
{
    ParamReader p(call.params());
    const QString name = p.requiredString(QStringLiteral("name"), kMaxName).trimmed();
    if (p.ok() && name.isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"name\" must not be blank")));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_store.create(caller.organisationId, caller.userId, name, this,
        [this, call, caller](const QJsonObject &team, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("team"), team}});
            pushTeams(caller.organisationId);
        });
}

void TeamService::update(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid teamId = p.requiredUuid(QStringLiteral("teamId"));
    std::optional<QString> name;
    if (call.params().contains(QStringLiteral("name"))) {
        name = p.requiredString(QStringLiteral("name"), kMaxName).trimmed();
        if (p.ok() && name->isEmpty())
            return call.fail(RpcError::invalidParams(QStringLiteral("\"name\" must not be blank")));
    }
    const std::optional<bool> archived = p.optionalBool(QStringLiteral("archived"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_store.update(caller.organisationId, caller.userId, teamId, name, archived, this,
        [this, call, caller](const QJsonObject &team, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("team"), team}});
            pushTeams(caller.organisationId);
        });
}

} // namespace Muster
