// See presenceservice.h. "online" always reflects the hub at the moment a push is sent, so a quick
// connect-then-disconnect can never leave members believing someone is still there.
#include "presenceservice.h"

#include "net/pushhub.h"
#include "net/rpccall.h"
#include "protocol/paramreader.h"
#include "util/logging.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Muster {

namespace {
const QString kChanged = QStringLiteral("presence.changed");

RpcError databaseUnavailable()
{
    return RpcError::unavailable(QStringLiteral("Database unavailable"));
}
} // namespace

PresenceService::PresenceService(Database &db, PushHub &hub, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_hub(hub)
{
    connect(&m_hub, &PushHub::userOnline, this, &PresenceService::onUserOnline);
    connect(&m_hub, &PushHub::userOffline, this, &PresenceService::onUserOffline);
}

void PresenceService::list(const RpcCall &call)
{
    ParamReader p(call.params());
    const bool scoped = call.params().contains(QStringLiteral("teamId"));
    const QUuid teamId = scoped ? p.requiredUuid(QStringLiteral("teamId")) : QUuid();
    if (!p.ok())
        return call.fail(p.error());
    m_store.snapshot(call.caller().organisationId, teamId, this,
        [this, call, scoped](const QByteArray &json, const QString &error) {
            if (!error.isEmpty()) {
                qCWarning(lcPresence) << "snapshot failed:" << error;
                return call.fail(databaseUnavailable());
            }
            QJsonObject snapshot = QJsonDocument::fromJson(json).object();
            if (scoped && !snapshot.value(QStringLiteral("team")).isObject())
                return call.fail(RpcError::notFound(QStringLiteral("Team")));
            QJsonArray people = snapshot.value(QStringLiteral("people")).toArray();
            for (qsizetype i = 0; i < people.size(); ++i) {
                QJsonObject person = people.at(i).toObject();
                const QUuid id(person.value(QStringLiteral("userId")).toString());
                person.insert(QStringLiteral("online"), m_hub.isOnline(id));
                people.replace(i, person);
            }
            snapshot.insert(QStringLiteral("people"), people);
            call.reply(snapshot);
        });
}

void PresenceService::set(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid stateId = p.requiredUuid(QStringLiteral("stateId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    m_store.setState(caller.organisationId, caller.userId, stateId, this,
        [this, call, caller](
            const std::optional<PresenceStore::PersonState> &state, const QString &error) {
            if (!error.isEmpty()) {
                qCWarning(lcPresence) << "set failed:" << error;
                return call.fail(databaseUnavailable());
            }
            if (!state)
                return call.fail(RpcError::notFound(QStringLiteral("State")));
            call.reply(QJsonObject {
                {QStringLiteral("stateId"), state->stateId.toString(QUuid::WithoutBraces)},
                {QStringLiteral("since"), state->since},
            });
            pushChange(caller.organisationId, caller.userId, *state);
        });
}

void PresenceService::onUserOnline(const QUuid &organisationId, const QUuid &userId)
{
    m_store.currentState(organisationId, userId, this,
        [=, this](const std::optional<PresenceStore::PersonState> &state, const QString &) {
            if (state)
                pushChange(organisationId, userId, *state);
        });
}

void PresenceService::onUserOffline(const QUuid &organisationId, const QUuid &userId)
{
    m_store.markSeen(organisationId, userId, this,
        [=, this](const std::optional<PresenceStore::PersonState> &state, const QString &) {
            if (state)
                pushChange(organisationId, userId, *state);
        });
}

void PresenceService::pushChange(
    const QUuid &organisationId, const QUuid &userId, const PresenceStore::PersonState &state)
{
    QJsonObject change {
        {QStringLiteral("userId"), userId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("stateId"), state.stateId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("since"), state.since},
        {QStringLiteral("online"), m_hub.isOnline(userId)},
    };
    if (!state.lastSeen.isEmpty())
        change.insert(QStringLiteral("lastSeen"), state.lastSeen);
    m_hub.pushToOrganisation(organisationId, kChanged, change);
}

} // namespace Muster
