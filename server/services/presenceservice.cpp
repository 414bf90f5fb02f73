// See presenceservice.h. "online" always reflects the hub at the moment a push is sent, so a quick
// connect-then-disconnect can never leave members believing someone is still there.
#include "presenceservice.h"

#include "net/pushhub.h"
#include "net/rpccall.h"
#include "organisationservice.h"
#include "protocol/paramreader.h"
#include "util/logging.h"

#include <QJsonArray>
#include <QJsonDocument>

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

PresenceService::PresenceService(Database &db, PushHub &hub, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_hub(hub)
{
    connect(&m_hub, &PushHub::userOnline, this, &PresenceService::onUserOnline);
    connect(&m_hub, &PushHub::userOffline, this, &PresenceService::onUserOffline);
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, &PresenceService::expireDue);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kArrivalWindow);
    connect(&m_flushTimer, &QTimer::timeout, this, &PresenceService::flushArrivalsAndDepartures);
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
    m_store.snapshot(
        *org, teamId, this, [this, call, scoped](const QByteArray &json, const QString &error) {
            if (!error.isEmpty()) {
                qCWarning(lcPresence) << "snapshot failed:" << error;
                return call.fail(databaseUnavailable());
            }
            QJsonObject snapshot = QJsonDocument::fromJson(json).object();
            if (!snapshot.value(QStringLiteral("organisation")).isObject())
                return call.fail(RpcError::notFound(QStringLiteral("Organisation")));
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
    queueArrivalOrDeparture(organisationId, userId);
}

void PresenceService::onUserOnline(const QUuid &organisationId, const QUuid &userId)
{
    queueArrivalOrDeparture(organisationId, userId);
}

void PresenceService::onUserOffline(const QUuid &organisationId, const QUuid &userId)
{
    m_store.markSeen(organisationId, userId, this,
        [this, organisationId, userId](const std::optional<PresenceStore::PersonState> &,
            const QString &) { queueArrivalOrDeparture(organisationId, userId); });
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
        // States are read when the batch leaves, so it never carries anything older than a
        // push that went out meanwhile.
        m_store.currentStates(it.key(), it->values(), this,
            [this, org = it.key()](
                const QList<PresenceStore::PersonState> &states, const QString &error) {
                if (!error.isEmpty()) {
                    qCWarning(lcPresence) << "arrivals not pushed:" << error;
                    return;
                }
                if (states.size() == 1)
                    return pushChange(states.first());
                QJsonArray changes;
                for (const PresenceStore::PersonState &state : states)
                    changes.append(changeJson(state));
                if (!changes.isEmpty())
                    m_hub.pushToOrganisation(org, kChanges, {{QStringLiteral("changes"), changes}});
            });
    }
}

QJsonObject PresenceService::changeJson(const PresenceStore::PersonState &state) const
{
    QJsonObject change {
        {QStringLiteral("userId"), state.userId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("stateId"), state.stateId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("since"), state.since},
        {QStringLiteral("message"), state.message},
        {QStringLiteral("until"), state.until.isEmpty() ? QJsonValue() : QJsonValue(state.until)},
        {QStringLiteral("online"), m_hub.isOnline(state.userId)},
    };
    if (!state.lastSeen.isEmpty())
        change.insert(QStringLiteral("lastSeen"), state.lastSeen);
    return change;
}

void PresenceService::pushChange(const PresenceStore::PersonState &state)
{
    m_hub.pushToOrganisation(state.organisationId, kChanged, changeJson(state));
}

} // namespace Muster
