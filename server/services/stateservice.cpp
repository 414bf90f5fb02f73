// See stateservice.h. Pushes carry the whole (short) list so clients never merge partial orders.
#include "stateservice.h"

#include "cluster/pushrelay.h"
#include "net/rpccall.h"
#include "presenceservice.h"
#include "protocol/paramreader.h"
#include "util/logging.h"

#include <QJsonArray>

namespace Muster {

namespace {

constexpr qsizetype kMaxLabel = 100;
constexpr qsizetype kMaxStates = 50;

QJsonArray statesJson(const QList<StatusState> &states)
{
    QJsonArray list;
    for (const StatusState &state : states)
        list.append(state.toJson());
    return list;
}

} // namespace

StateService::StateService(Database &db, PushRelay &relay, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_relay(relay)
{ }

void StateService::pushStates(const QUuid &org)
{
    m_store.list(org, this, [this, org](const QList<StatusState> &states, const StoreError &error) {
        if (error)
            qCWarning(lcPresence) << "cannot list states for a push:" << error.message;
        else
            m_relay.publish({Audience::organisation(org), QStringLiteral("states.changed"),
                {{QStringLiteral("states"), statesJson(states)}}});
    });
}

void StateService::create(const RpcCall &call)
{
    ParamReader p(call.params());
    const QString label = p.requiredString(QStringLiteral("label"), kMaxLabel).trimmed();
    const QString color = p.requiredColor(QStringLiteral("color"));
    const bool available = p.optionalBool(QStringLiteral("available")).value_or(false);
    if (p.ok() && label.isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"label\" must not be blank")));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_store.create(caller.organisationId, caller.userId, label, color, available, this,
        [this, call, caller](const StatusState &state, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("state"), state.toJson()}});
            pushStates(caller.organisationId);
        });
}

void StateService::update(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid stateId = p.requiredUuid(QStringLiteral("stateId"));
    StateStore::Edit edit;
    if (call.params().contains(QStringLiteral("label"))) {
        edit.label = p.requiredString(QStringLiteral("label"), kMaxLabel).trimmed();
        if (p.ok() && edit.label->isEmpty())
            return call.fail(
                RpcError::invalidParams(QStringLiteral("\"label\" must not be blank")));
    }
    edit.color = p.optionalColor(QStringLiteral("color"));
    edit.available = p.optionalBool(QStringLiteral("available"));
    const std::optional<bool> isDefault = p.optionalBool(QStringLiteral("isDefault"));
    if (!p.ok())
        return call.fail(p.error());
    if (isDefault == false) {
        return call.fail(RpcError::invalidParams(
            QStringLiteral("make another state the default instead of unsetting this one")));
    }
    edit.makeDefault = isDefault.value_or(false);
    const Caller caller = call.caller();
    m_store.update(caller.organisationId, caller.userId, stateId, edit, this,
        [this, call, caller](const StatusState &state, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("state"), state.toJson()}});
            pushStates(caller.organisationId);
        });
}

void StateService::reorder(const RpcCall &call)
{
    ParamReader p(call.params());
    const QList<QUuid> ids = p.requiredUuidList(QStringLiteral("stateIds"), kMaxStates);
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_store.reorder(caller.organisationId, caller.userId, ids, this,
        [this, call, caller](const QList<StatusState> &states, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            const QJsonArray list = statesJson(states);
            call.reply(QJsonObject {{QStringLiteral("states"), list}});
            m_relay.publish({Audience::organisation(caller.organisationId),
                QStringLiteral("states.changed"), {{QStringLiteral("states"), list}}});
        });
}

void StateService::remove(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid stateId = p.requiredUuid(QStringLiteral("stateId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_store.remove(caller.organisationId, caller.userId, stateId, this,
        [this, call, caller](
            const QList<PresenceStore::PersonState> &moved, const StoreError &error) {
            if (error)
                return call.fail(error.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("moved"), moved.size()}});
            pushStates(caller.organisationId);
            // Everyone who was in the deleted state is now in the default one.
            for (const PresenceStore::PersonState &state : moved)
                m_relay.publish(PresenceService::changePush(state));
        });
}

} // namespace Muster
