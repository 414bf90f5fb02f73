// See presenceservice.h. "online" is read from the database when a push is made, after this
// server's own record is written, so a quick connect-then-disconnect never leaves members
// believing someone is still there.
#include "presenceservice.h"

#include "cluster/pushrelay.h"
#include "net/pushhub.h"
#include "net/rpccall.h"
#include "organisationservice.h"
#include "protocol/paramreader.h"
#include "util/logging.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace Muster {

namespace {
const QString kChanged = QStringLiteral("presence.changed");
const QString kChanges = QStringLiteral("presence.changes");
// Long enough to gather a reconnect storm, short enough that nobody notices the dot lag.
constexpr auto kArrivalWindow = std::chrono::milliseconds(100);
constexpr qsizetype kMaxMessage = 200;
constexpr int kMaxUntilDays = 7;
constexpr qint64 kLongestExpiryWaitMs = 60 * 1000;

RpcError databaseUnavailable()
{
    return RpcError::unavailable(QStringLiteral("Database unavailable"));
}
} // namespace

PresenceService::PresenceService(
    Database &db, PushHub &hub, PushRelay &relay, const QUuid &serverId, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_hub(hub)
    , m_relay(relay)
    , m_serverId(serverId)
{
    connect(&m_hub, &PushHub::userOnline, this,
        [this](const QUuid &org, const QUuid &user) { track(org, user, true); });
    connect(&m_hub, &PushHub::userOffline, this,
        [this](const QUuid &org, const QUuid &user) { track(org, user, false); });
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, &PresenceService::expireDue);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kArrivalWindow);
    connect(&m_flushTimer, &QTimer::timeout, this, &PresenceService::flushArrivalsAndDepartures);
    m_announceTimer.setSingleShot(true);
    m_announceTimer.setInterval(0);
    connect(&m_announceTimer, &QTimer::timeout, this, &PresenceService::flushAnnounced);
    scheduleExpiry();
}

void PresenceService::list(const RpcCall &call)
{
    ParamReader p(call.params());
    const bool scoped = call.params().contains(QStringLiteral("teamId"));
    const QUuid teamId = scoped ? p.requiredUuid(QStringLiteral("teamId")) : QUuid();
    if (!p.ok())
        return call.fail(p.error());
    const std::optional<QUuid> org = OrganisationService::targetOrganisation(call);
    if (!org)
        return;
    m_store.snapshot(*org, teamId, this,
        [call, scoped](const PresenceStore::Snapshot &snapshot, const QString &error) {
            if (!error.isEmpty()) {
                qCWarning(lcPresence) << "snapshot failed:" << error;
                return call.fail(databaseUnavailable());
            }
            if (!snapshot.organisation)
                return call.fail(RpcError::notFound(QStringLiteral("Organisation")));
            if (scoped && !snapshot.team)
                return call.fail(RpcError::notFound(QStringLiteral("Team")));
            call.reply(snapshotJson(snapshot));
        });
}

void PresenceService::set(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid stateId = p.requiredUuid(QStringLiteral("stateId"));
    const QString message = p.optionalString(QStringLiteral("message"), kMaxMessage).trimmed();
    const QString untilText = p.optionalString(QStringLiteral("until"), 40);
    if (!p.ok())
        return call.fail(p.error());
    QDateTime until;
    if (!untilText.isEmpty()) {
        until = QDateTime::fromString(untilText, Qt::ISODateWithMs);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (!until.isValid() || until <= now || until > now.addDays(kMaxUntilDays)) {
            return call.fail(RpcError::invalidParams(
                QStringLiteral("\"until\" must be a time in the next %1 days").arg(kMaxUntilDays)));
        }
    }
    const Caller caller = call.caller();
    m_store.setState(caller.organisationId, caller.userId, stateId, message, until, this,
        [this, call, until](
            const std::optional<PresenceStore::PersonState> &state, const QString &error) {
            if (!error.isEmpty()) {
                qCWarning(lcPresence) << "set failed:" << error;
                return call.fail(databaseUnavailable());
            }
            if (!state)
                return call.fail(RpcError::notFound(QStringLiteral("State")));
            call.reply(changeJson(*state));
            pushChange(*state);
            if (until.isValid())
                scheduleExpiry();
        });
}

void PresenceService::scheduleExpiry()
{
    m_store.nextExpiry(this, [this](const QDateTime &when) {
        // Look again at least every minute: another server may have set a state with an end.
        qint64 delay = kLongestExpiryWaitMs;
        if (when.isValid())
            delay = std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(when), 0, delay);
        m_expiryTimer.start(std::chrono::milliseconds(delay));
    });
}

void PresenceService::expireDue()
{
    m_store.expireDue(
        this, [this](const QList<PresenceStore::PersonState> &expired, const QString &error) {
            if (!error.isEmpty())
                qCWarning(lcPresence) << "expiry sweep failed:" << error;
            for (const PresenceStore::PersonState &state : expired)
                pushChange(state);
            scheduleExpiry();
        });
}

void PresenceService::announce(const QUuid &organisationId, const QUuid &userId)
{
    m_announced[organisationId].insert(userId);
    if (!m_announceTimer.isActive())
        m_announceTimer.start();
}

void PresenceService::announceComingOrGoing(const QUuid &organisationId, const QUuid &userId)
{
    queueArrivalOrDeparture(organisationId, userId);
}

void PresenceService::flushAnnounced()
{
    const QHash<QUuid, QSet<QUuid>> due = std::exchange(m_announced, {});
    for (auto it = due.cbegin(); it != due.cend(); ++it) {
        // Read after the change committed, so the state is at least as new as it.
        m_store.currentStates(it.key(), it->values(), this,
            [this, org = it.key()](
                const QList<PresenceStore::PersonState> &states, const QString &error) {
                if (!error.isEmpty()) {
                    qCWarning(lcPresence) << "state changes not pushed:" << error;
                    return;
                }
                publishChanges(org, states, &PresenceService::changeJson);
            });
    }
}

void PresenceService::track(const QUuid &organisationId, const QUuid &userId, bool online)
{
    Record &r = m_records[userId];
    r.organisationId = organisationId;
    r.wanted = online;
    if (!r.writing && !m_recordingEveryone)
        record(userId);
}

void PresenceService::record(const QUuid &userId)
{
    const auto it = m_records.find(userId);
    if (it == m_records.end())
        return;
    if (it->wanted == it->recorded) {
        if (!it->wanted)
            m_records.erase(it);
        return;
    }
    it->writing = true;
    const bool online = it->wanted;
    const QUuid org = it->organisationId;
    auto written = [this, userId, org, online](bool ok) {
        const auto it = m_records.find(userId);
        if (it == m_records.end())
            return;
        it->writing = false;
        if (ok) {
            it->recorded = online;
        } else {
            qCWarning(lcPresence) << "could not record that" << userId << "is"
                                  << (online ? "online" : "offline") << "here";
            m_writeFailed = true;
        }
        queueArrivalOrDeparture(org, userId);
        // A failed write is tried again with everyone's on the next heartbeat.
        if (ok)
            record(userId);
    };
    if (online) {
        m_store.arrive(m_serverId, org, userId, this, written);
    } else {
        m_store.leave(m_serverId, org, userId, this,
            [written](const std::optional<PresenceStore::PersonState> &, const QString &error) {
                written(error.isEmpty());
            });
    }
}

void PresenceService::recordEveryoneAgain()
{
    // Never beside a person's own write: the rewrite deletes this server's rows of people who are
    // not here, and a late departure's delete could otherwise undo it, or it a late arrival.
    const bool busy = std::any_of(
        m_records.cbegin(), m_records.cend(), [](const Record &r) { return r.writing; });
    if (busy || m_recordingEveryone) {
        m_writeFailed = true; // the next heartbeat tries again
        return;
    }
    QList<QPair<QUuid, QUuid>> here;
    for (auto it = m_records.cbegin(); it != m_records.cend(); ++it) {
        if (it->wanted)
            here.append({it->organisationId, it.key()});
    }
    m_writeFailed = false;
    m_recordingEveryone = true;
    m_store.reassert(m_serverId, here, this, [this, here](bool ok) {
        m_recordingEveryone = false;
        if (!ok)
            m_writeFailed = true;
        for (const auto &[org, user] : here) {
            if (const auto it = m_records.find(user); ok && it != m_records.end())
                it->recorded = true;
            if (ok)
                queueArrivalOrDeparture(org, user);
        }
        // Whoever came or went meanwhile is written now.
        for (const QUuid &user : m_records.keys())
            record(user);
    });
}

void PresenceService::queueArrivalOrDeparture(const QUuid &organisationId, const QUuid &userId)
{
    m_arrivals[organisationId].insert(userId);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void PresenceService::flushArrivalsAndDepartures()
{
    const QHash<QUuid, QSet<QUuid>> due = std::exchange(m_arrivals, {});
    for (auto it = due.cbegin(); it != due.cend(); ++it) {
        // Comings and goings say only who is online and when they were last seen. The read may
        // be answered after a presence.set that committed later has been pushed (each runs on
        // its own pool connection), so a state carried here could undo a newer one.
        m_store.currentStates(it.key(), it->values(), this,
            [this, org = it.key()](
                const QList<PresenceStore::PersonState> &states, const QString &error) {
                if (!error.isEmpty()) {
                    qCWarning(lcPresence) << "arrivals not pushed:" << error;
                    return;
                }
                publishChanges(org, states, &PresenceService::onlineJson);
            });
    }
}

void PresenceService::publishChanges(const QUuid &org,
    const QList<PresenceStore::PersonState> &states,
    QJsonObject (*json)(const PresenceStore::PersonState &))
{
    if (states.size() == 1) {
        return m_relay.publish({Audience::organisation(org), QStringLiteral("presence.changed"),
            json(states.first())});
    }
    QJsonArray changes;
    for (const PresenceStore::PersonState &state : states)
        changes.append(json(state));
    if (!changes.isEmpty())
        m_relay.publish(
            {Audience::organisation(org), kChanges, {{QStringLiteral("changes"), changes}}});
}

QJsonObject PresenceService::onlineJson(const PresenceStore::PersonState &state)
{
    QJsonObject change {
        {QStringLiteral("userId"), state.userId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("online"), state.online},
    };
    if (!state.lastSeen.isEmpty())
        change.insert(QStringLiteral("lastSeen"), state.lastSeen);
    return change;
}

QJsonObject PresenceService::snapshotJson(const PresenceStore::Snapshot &snapshot)
{
    QJsonArray states;
    for (const StatusState &state : snapshot.states)
        states.append(state.toJson());
    QJsonArray people;
    for (const Person &person : snapshot.people)
        people.append(person.toJson());
    return {
        {QStringLiteral("states"), states},
        {QStringLiteral("people"), people},
        {QStringLiteral("organisation"),
            snapshot.organisation ? QJsonValue(snapshot.organisation->toJson()) : QJsonValue()},
        {QStringLiteral("team"),
            snapshot.team ? QJsonValue(snapshot.team->toJson()) : QJsonValue()},
    };
}

QJsonObject PresenceService::changeJson(const PresenceStore::PersonState &state)
{
    QJsonObject change {
        {QStringLiteral("userId"), state.userId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("stateId"), state.stateId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("since"), state.since},
        {QStringLiteral("message"), state.message},
        {QStringLiteral("until"), state.until.isEmpty() ? QJsonValue() : QJsonValue(state.until)},
        {QStringLiteral("online"), state.online},
    };
    if (!state.lastSeen.isEmpty())
        change.insert(QStringLiteral("lastSeen"), state.lastSeen);
    return change;
}

void PresenceService::pushChange(const PresenceStore::PersonState &state)
{
    m_relay.publish(changePush(state));
}

Push PresenceService::changePush(const PresenceStore::PersonState &state)
{
    return {Audience::organisation(state.organisationId), kChanged, changeJson(state)};
}

} // namespace Muster
