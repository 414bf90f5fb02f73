// See timeclockservice.h. The rules themselves (one ongoing entry, overlaps, open events, earned
// time, reward notices) are enforced by the SQL functions behind TimeclockStore, in one
// transaction per action; this class reads params, checks who may act, and spreads the result.
#include "timeclockservice.h"

#include "cluster/pushrelay.h"
#include "notificationservice.h"
#include "protocol/paramreader.h"
#include "readsubject.h"
#include "services/presenceservice.h"
#include "util/logging.h"

namespace Muster {

namespace {

constexpr qsizetype kMaxNotes = 1000;
constexpr qsizetype kMaxReason = 500;
constexpr int kMaxReplayActions = 500;
constexpr qint64 kMaxOfflineAgeSeconds = 12 * 3600;
constexpr qint64 kClockSkewSeconds = 120;

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

RpcError kioskRequired()
{
    RpcError e
        = RpcError::forbidden(QStringLiteral("Volunteers clock in and out at an authorised kiosk"));
    e.reason = QStringLiteral("kiosk_required");
    return e;
}

// Answers {"entries": […]} or the failure.
TimeclockStore::EntriesHandler replyWithEntries(const RpcCall &call)
{
    return [call](const QList<TimeEntry> &entries, const StoreError &e) {
        if (e)
            return call.fail(e.toRpcError());
        QJsonArray list;
        for (const TimeEntry &entry : entries)
            list.append(entry.toJson());
        call.reply(QJsonObject {{QStringLiteral("entries"), list}});
    };
}

} // namespace

TimeclockService::TimeclockService(Database &db, PushRelay &relay, PresenceService &presence,
    NotificationService &notifications, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_relay(relay)
    , m_presence(presence)
    , m_notifications(notifications)
{ }

void TimeclockService::publish(
    const QUuid &org, const QString &kind, const TimeclockStore::Change &change)
{
    // The notices go through NotificationService, which also hands them to the chat bot.
    TimeclockStore::Change withoutNotices = change;
    withoutNotices.notices.clear();
    const QList<Push> pushes = pushesFor(org, kind, withoutNotices);
    for (const Push &push : pushes)
        m_relay.publish(push);
    if (!pushes.isEmpty())
        m_presence.announce(org, pushes.first().audience.userId);
    for (const Notification &notice : change.notices)
        m_notifications.deliver(notice);
}

QList<Push> TimeclockService::pushesFor(
    const QUuid &org, const QString &kind, const TimeclockStore::Change &change)
{
    const QUuid userId = change.entry.userId;
    if (userId.isNull())
        return {};
    QList<Push> pushes {
        {Audience::atLeast(org, Role::Manager, userId), QStringLiteral("timeclock.entryChanged"),
            {{QStringLiteral("change"), kind}, {QStringLiteral("entry"), change.entry.toJson()}}}};
    if (change.totals)
        pushes.append({Audience::person(userId), QStringLiteral("timeclock.ownTotalsChanged"),
            change.totals->toJson()});
    for (const Notification &notice : change.notices) {
        if (const std::optional<Push> push = NotificationService::pushFor(notice))
            pushes.append(*push);
    }
    return pushes;
}

QJsonObject TimeclockService::answerOf(const TimeclockStore::Change &change)
{
    QJsonObject answer {{QStringLiteral("entry"), change.entry.toJson()}};
    if (change.totals)
        answer.insert(QStringLiteral("totals"), change.totals->toJson());
    if (change.replayed)
        answer.insert(QStringLiteral("replayed"), true);
    return answer;
}

TimeclockStore::Actor TimeclockService::actorOf(const Caller &caller)
{
    return {caller.organisationId, caller.userId, caller.role};
}

void TimeclockService::clockIn(const RpcCall &call)
{
    ParamReader p(call.params());
    TimeclockStore::ClockIn in;
    in.actionId = p.requiredUuid(QStringLiteral("actionId"));
    in.teamId = p.requiredUuid(QStringLiteral("teamId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    if (!caller.isKiosk() && !roleAtLeast(caller.role, Role::Staff))
        return call.fail(kioskRequired());
    in.userId = caller.userId;
    in.source = caller.isKiosk() ? QStringLiteral("kiosk") : QStringLiteral("desktop");
    in.kioskId = caller.kioskId;
    m_store.clockIn(actorOf(caller), in, this, replyAndPublish(call, QStringLiteral("started")));
}

void TimeclockService::clockOut(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid actionId = p.requiredUuid(QStringLiteral("actionId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    if (!caller.isKiosk() && !roleAtLeast(caller.role, Role::Staff))
        return call.fail(kioskRequired());
    m_store.clockOut(actorOf(caller), caller.userId, actionId, {}, this,
        replyAndPublish(call, QStringLiteral("stopped")));
}

TimeclockStore::ChangeHandler TimeclockService::replyAndPublish(
    const RpcCall &call, const QString &kind)
{
    return [this, call, kind, org = call.caller().organisationId](
               const TimeclockStore::Change &change, const StoreError &e) {
        if (e)
            return call.fail(e.toRpcError());
        call.reply(answerOf(change));
        if (!change.replayed)
            publish(org, kind, change);
    };
}

void TimeclockService::replay(const RpcCall &call)
{
    const Caller caller = call.caller();
    if (!caller.isKiosk()) {
        RpcError e = RpcError::unauthenticated(QStringLiteral("Only an authorised kiosk replays"));
        e.reason = QStringLiteral("kiosk_required");
        return call.fail(e);
    }
    const QJsonValue actions = call.params().value(QStringLiteral("actions"));
    if (!actions.isArray() || actions.toArray().isEmpty()
        || actions.toArray().size() > kMaxReplayActions) {
        return call.fail(
            RpcError::invalidParams(QStringLiteral("\"actions\" must be a list of 1 to %1 actions")
                                        .arg(kMaxReplayActions)));
    }
    replayNext(call, actions.toArray(), 0, {});
}

// One action at a time, in the kiosk's order, each in its own transaction: a refused action
// does not void the ones around it.
void TimeclockService::replayNext(
    const RpcCall &call, QJsonArray actions, int index, QJsonArray results)
{
    if (index == actions.size())
        return call.reply(QJsonObject {{QStringLiteral("results"), results}});
    if (!call.isConnected())
        return;
    const QJsonObject action = actions.at(index).toObject();
    ParamReader p(action);
    const QUuid actionId = p.requiredUuid(QStringLiteral("actionId"));
    const QString kind = p.requiredString(QStringLiteral("kind"), 20);
    const QString badge = p.requiredBadge(QStringLiteral("badge"));
    const QDateTime at = p.requiredTime(QStringLiteral("at"));
    const QUuid teamId
        = kind == QLatin1String("clockIn") ? p.requiredUuid(QStringLiteral("teamId")) : QUuid();
    const auto next = [this, call, actions, index, results, actionId](const QJsonObject &outcome) {
        QJsonArray more = results;
        QJsonObject item = outcome;
        item.insert(
            QStringLiteral("actionId"), actionId.isNull() ? QJsonValue() : idText(actionId));
        more.append(item);
        replayNext(call, actions, index + 1, more);
    };
    const auto refuse = [next](const RpcError &error) {
        next({{QStringLiteral("ok"), false}, {QStringLiteral("error"), error.toJson()}});
    };
    if (!p.ok())
        return refuse(p.error());
    if (kind != QLatin1String("clockIn") && kind != QLatin1String("clockOut"))
        return refuse(
            RpcError::invalidParams(QStringLiteral("\"kind\" must be clockIn or clockOut")));
    const qint64 age = at.secsTo(QDateTime::currentDateTimeUtc());
    if (age > kMaxOfflineAgeSeconds || age < -kClockSkewSeconds) {
        RpcError e = RpcError::conflict(
            QStringLiteral("Offline actions are accepted up to 12 hours after they happened"));
        e.reason = QStringLiteral("stale_action");
        return refuse(e);
    }
    const Caller caller = call.caller();
    const auto outcome = [this, kind, next, refuse, org = caller.organisationId](
                             const TimeclockStore::Change &change, const StoreError &e) {
        if (e)
            return refuse(e.toRpcError());
        if (!change.replayed) {
            publish(org,
                kind == QLatin1String("clockIn") ? QStringLiteral("started")
                                                 : QStringLiteral("stopped"),
                change);
        }
        QJsonObject result = answerOf(change);
        result.insert(QStringLiteral("ok"), true);
        next(result);
    };
    // The volunteer is whoever holds the badge: offline, the kiosk could not check a PIN or a
    // code, so the entry is flagged for managers to review.
    if (kind == QLatin1String("clockIn"))
        m_store.replayClockIn(
            caller.organisationId, badge, actionId, at, teamId, caller.kioskId, this, outcome);
    else
        m_store.replayClockOut(caller.organisationId, badge, actionId, at, this, outcome);
}

void TimeclockService::totals(const RpcCall &call)
{
    const std::optional<ReadSubject> subject = readSubject(call);
    if (!subject)
        return;
    m_store.totals(call.caller().organisationId, subject->eventId, subject->userId, this,
        [call](const TimeTotals &totals, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(totals.toJson());
        });
}

void TimeclockService::entries(const RpcCall &call)
{
    const std::optional<ReadSubject> subject = readSubject(call);
    if (!subject)
        return;
    m_store.entries(call.caller().organisationId, subject->eventId, subject->userId, this,
        replyWithEntries(call));
}

void TimeclockService::ongoing(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid eventId = p.optionalUuid(QStringLiteral("eventId"));
    if (!p.ok())
        return call.fail(p.error());
    m_store.ongoing(call.caller().organisationId, eventId, this, replyWithEntries(call));
}

void TimeclockService::addEntry(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid userId = p.requiredUuid(QStringLiteral("userId"));
    const QUuid teamId = p.requiredUuid(QStringLiteral("teamId"));
    const QDateTime start = p.requiredTime(QStringLiteral("start"));
    const std::optional<QDateTime> stop = p.optionalTime(QStringLiteral("stop"));
    const QString notes
        = p.optionalString(QStringLiteral("notes"), kMaxNotes, {}, CanonicalText::Lines::Multiple);
    const QUuid actionId = p.optionalUuid(QStringLiteral("actionId"));
    if (!p.ok())
        return call.fail(p.error());
    const Caller caller = call.caller();
    if (!stop || !stop->isValid()) {
        // Checking someone in: an ongoing entry, with everything clocking in does.
        TimeclockStore::ClockIn in {
            userId, actionId, teamId, start, QStringLiteral("manager"), QUuid(), notes};
        return m_store.clockIn(
            actorOf(caller), in, this, replyAndPublish(call, QStringLiteral("started")));
    }
    m_store.addEntry(actorOf(caller), {userId, teamId, start, *stop, notes}, this,
        replyAndPublish(call, QStringLiteral("started")));
}

void TimeclockService::updateEntry(const RpcCall &call)
{
    const QJsonObject &json = call.params();
    ParamReader p(json);
    TimeclockStore::EntryChange change;
    change.entryId = p.requiredUuid(QStringLiteral("entryId"));
    if (json.contains(QStringLiteral("start")))
        change.start = p.requiredTime(QStringLiteral("start"));
    change.stop = p.optionalTime(QStringLiteral("stop"));
    change.teamId = p.optionalUuid(QStringLiteral("teamId"));
    if (json.contains(QStringLiteral("notes")))
        change.notes = p.optionalString(
            QStringLiteral("notes"), kMaxNotes, {}, CanonicalText::Lines::Multiple);
    change.reason = p.requiredString(QStringLiteral("reason"), kMaxReason).trimmed();
    if (!p.ok())
        return call.fail(p.error());
    if (change.reason.isEmpty())
        return call.fail(RpcError::invalidParams(QStringLiteral("\"reason\" must not be blank")));
    if (!change.start && !change.stop && change.teamId.isNull() && !change.notes)
        return call.fail(RpcError::invalidParams(QStringLiteral("nothing to change")));
    m_store.updateEntry(
        actorOf(call.caller()), change, this, replyAndPublish(call, QStringLiteral("updated")));
}

void TimeclockService::deleteEntry(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid entryId = p.requiredUuid(QStringLiteral("entryId"));
    const QString reason = p.optionalString(QStringLiteral("reason"), kMaxReason).trimmed();
    if (!p.ok())
        return call.fail(p.error());
    m_store.deleteEntry(actorOf(call.caller()), entryId, reason, this,
        replyAndPublish(call, QStringLiteral("deleted")));
}

void TimeclockService::stopEntry(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid userId = p.requiredUuid(QStringLiteral("userId"));
    const QUuid actionId = p.optionalUuid(QStringLiteral("actionId"));
    if (!p.ok())
        return call.fail(p.error());
    m_store.clockOut(actorOf(call.caller()), userId, actionId, {}, this,
        replyAndPublish(call, QStringLiteral("stopped")));
}

} // namespace Muster
