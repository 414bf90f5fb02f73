// See teamservice.h.
#include "teamservice.h"

#include "cluster/pushrelay.h"
#include "net/rpccall.h"
#include "protocol/paramreader.h"
#include "util/logging.h"

#include <QJsonArray>

namespace Muster {

namespace {

constexpr qsizetype kMaxName = 200;

QJsonArray teamsJson(const QList<Team> &teams)
{
    QJsonArray array;
    for (const Team &t : teams)
        array.append(t.toJson());
    return array;
}

} // namespace

TeamService::TeamService(Database &db, PushRelay &relay, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_relay(relay)
{ }

void TeamService::pushTeams(const QUuid &org)
{
    // Hidden teams reach managers only; everyone else gets the list without them.
    m_store.list(org, true, this, [this, org](const QList<Team> &teams, const StoreError &error) {
        if (error) {
            qCWarning(lcPresence) << "cannot list teams for a push:" << error.message;
            return;
        }
        m_relay.publish({Audience::atLeast(org, Role::Manager), QStringLiteral("teams.changed"),
            {{QStringLiteral("teams"), teamsJson(teams)}}});
        QJsonArray visible;
        for (const Team &team : teams) {
            if (!team.hidden)
                visible.append(team.toJson());
        }
        m_relay.publish({Audience::below(org, Role::Manager), QStringLiteral("teams.changed"),
            {{QStringLiteral("teams"), visible}}});
    });
}

void TeamService::list(const RpcCall &call)
{
    m_store.list(call.caller().organisationId, roleAtLeast(call.caller().role, Role::Manager), this,
        [call](const QList<Team> &teams, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("teams"), teamsJson(teams)}});
        });
}

void TeamService::create(const RpcCall &call)
{
    ParamReader p(call.params());
    const QString name = p.requiredString(QStringLiteral("name"), kMaxName).trimmed();
    if (p.ok() && name.isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"name\" must not be blank")));
    const bool hidden = p.optionalBool(QStringLiteral("hidden")).value_or(false);
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_store.create(caller.organisationId, caller.userId, name, hidden, this,
        [this, call, caller](const Team &team, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("team"), team.toJson()}});
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
    const std::optional<bool> hidden = p.optionalBool(QStringLiteral("hidden"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_store.update(caller.organisationId, caller.userId, teamId, name, archived, hidden, this,
        [this, call, caller](const Team &team, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("team"), team.toJson()}});
            pushTeams(caller.organisationId);
        });
}

} // namespace Muster
