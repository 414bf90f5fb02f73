// See kiosksession.h.
#include "kiosksession.h"

#include "client/connection.h"
#include "domain/role.h"
#include "domain/stopcorrection.h"
#include "outbox.h"
#include "util/logging.h"

#include <QJsonObject>

namespace Muster {

namespace {

bool isLost(const RpcError &error)
{
    return error.code == RpcError::Disconnected || error.code == RpcError::Timeout;
}

} // namespace

KioskSession::KioskSession(Connection &connection, Outbox &outbox, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_outbox(outbox)
    , m_kiosk(&connection)
    , m_timeclock(&connection)
    , m_corrections(&connection)
{
    m_teams.setOfferedOnly(true);
    // They load for the volunteer who signs in here, not when the kiosk itself does.
    m_teams.setLoadOnSignIn(false);
    m_totals.setLoadOnSignIn(false);
    m_entries.setLoadOnSignIn(false);
    m_notifications.setLoadOnSignIn(false);
    m_rewards.setLoadOnSignIn(false);
    m_events.setLoadOnSignIn(false);
    m_teams.setConnection(&connection);
    m_totals.setConnection(&connection);
    m_entries.setConnection(&connection);
    m_notifications.setConnection(&connection);
    m_rewards.setConnection(&connection);
    m_events.setConnection(&connection);

    connect(&m_entries, &QAbstractItemModel::modelReset, this, &KioskSession::timeChanged);
    connect(&m_entries, &QAbstractItemModel::rowsInserted, this, &KioskSession::timeChanged);
    connect(&m_entries, &QAbstractItemModel::rowsRemoved, this, &KioskSession::timeChanged);
    connect(&m_entries, &QAbstractItemModel::dataChanged, this, &KioskSession::timeChanged);
    connect(&m_events, &EventListModel::activeEventChanged, this, &KioskSession::timeChanged);
    m_minute.setInterval(std::chrono::seconds(30));
    connect(&m_minute, &QTimer::timeout, this, &KioskSession::timeChanged);

    // Teams are kept for the next time the kiosk is offline.
    connect(&m_teams, &QAbstractItemModel::modelReset, this, [this] {
        if (isSignedIn())
            m_outbox.remember(
                QStringLiteral("teams"), {{QStringLiteral("teams"), m_teams.teamsJson()}});
    });
    connect(&m_connection, &Connection::pushReceived, this, &KioskSession::onPush);
    connect(&m_connection, &Connection::stateChanged, this, [this](Connection::State state) {
        // A new socket carries no volunteer session: whoever was signed in is signed out.
        if (state != Connection::State::Ready && isSignedIn()) {
            clear();
            Q_EMIT endedByServer(QStringLiteral("connection"));
        }
    });
    connect(&m_connection, &Connection::resyncRequested, this, [this] {
        if (isSignedIn())
            loadEverything();
    });
}

bool KioskSession::isLeadOrAbove() const
{
    return roleAtLeast(roleFromName(role()).value_or(Role::Banned), Role::Lead);
}

void KioskSession::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void KioskSession::signIn(const QString &badge, const QString &secret, bool quickCode)
{
    if (m_busy)
        return;
    setBusy(true);
    RpcReply *reply
        = quickCode ? m_kiosk.signInWithCode(badge, secret) : m_kiosk.signInWithPin(badge, secret);
    reply->then(this, [this, badge, quickCode](const QJsonValue &result, const RpcError &error) {
        if (error.isValid()) {
            setBusy(false);
            Q_EMIT signInFailed(messageFor(error, quickCode));
            return;
        }
        m_user = result[QStringLiteral("user")].toObject();
        m_userId = m_user.value(QStringLiteral("id")).toString();
        m_badge = badge;
        m_entries.setUserId(m_userId);
        m_minute.start();
        Q_EMIT signedInChanged();
        loadEverything();
    });
}

void KioskSession::loadEverything()
{
    // ready() once the screens that follow have what they decide on: whether a notice waits,
    // whether they are on shift, which teams to offer.
    stopWaiting();
    m_waitingFor = 3;
    auto oneDone = [this] {
        if (m_waitingFor > 0 && --m_waitingFor == 0) {
            stopWaiting();
            setBusy(false);
            Q_EMIT ready();
        }
    };
    auto failed = [this](const QString &message) {
        stopWaiting();
        setBusy(false);
        Q_EMIT actionFailed(message);
    };
    m_loading = {
        connect(&m_totals, &MyTotals::changed, this, oneDone, Qt::SingleShotConnection),
        connect(&m_notifications, &QAbstractItemModel::modelReset, this, oneDone,
            Qt::SingleShotConnection),
        connect(&m_teams, &QAbstractItemModel::modelReset, this, oneDone, Qt::SingleShotConnection),
        connect(&m_totals, &MyTotals::loadFailed, this, failed),
        connect(&m_notifications, &NotificationListModel::loadFailed, this, failed),
        connect(&m_teams, &TeamListModel::loadFailed, this, failed),
    };
    m_totals.reload();
    m_notifications.reload();
    m_teams.reload();
    m_entries.reload();
    m_rewards.reload();
    m_events.reload();
}

QString KioskSession::messageFor(const RpcError &error, bool quickCode) const
{
    if (error.reason == QLatin1String("invalid_credentials"))
        return quickCode ? tr("That code is not right, or it has expired. Codes last 30 seconds: "
                              "make a new one in Muster and try again.")
                         : tr("That badge number and PIN do not match. Please try again.");
    if (error.reason == QLatin1String("rate_limited")) {
        const int seconds = error.details.value(QStringLiteral("retryAfter")).toInt();
        return tr("Too many attempts. Please wait %n second(s), or ask at the volunteer desk.",
            nullptr, qMax(seconds, 1));
    }
    if (error.reason == QLatin1String("forbidden"))
        return quickCode ? tr("This badge cannot sign in with a quick code. Leads sign in with "
                              "their PIN; anyone else, please ask at the volunteer desk.")
                         : tr("This badge cannot use the time clock. Please ask at the volunteer "
                              "desk.");
    if (error.reason == QLatin1String("conflict"))
        return tr("Someone else is still signed in here. Please try again in a moment.");
    if (isLost(error))
        return tr("The connection to the server was lost. Please try again.");
    return error.message;
}

void KioskSession::clockIn(const QString &teamId)
{
    if (m_busy || !isSignedIn())
        return;
    setBusy(true);
    const QString actionId = TimeclockClient::newActionId();
    const QDateTime at = QDateTime::currentDateTimeUtc();
    m_timeclock.clockIn(teamId, actionId)
        ->then(this, [this, actionId, at, teamId](const QJsonValue &result, const RpcError &error) {
            setBusy(false);
            if (isLost(error))
                return queueInstead(QStringLiteral("clockIn"), actionId, at, teamId);
            if (error.isValid())
                return Q_EMIT actionFailed(error.message);
            const QJsonObject entry = result[QStringLiteral("entry")].toObject();
            Q_EMIT clocked({{QStringLiteral("kind"), QStringLiteral("clockIn")},
                {QStringLiteral("queued"), false},
                {QStringLiteral("teamName"), entry.value(QStringLiteral("teamName")).toString()},
                {QStringLiteral("at"), at}});
        });
}

void KioskSession::clockOut()
{
    if (m_busy || !isSignedIn())
        return;
    setBusy(true);
    const QString actionId = TimeclockClient::newActionId();
    const QDateTime at = QDateTime::currentDateTimeUtc();
    m_timeclock.clockOut(actionId)->then(
        this, [this, actionId, at](const QJsonValue &result, const RpcError &error) {
            setBusy(false);
            if (isLost(error))
                return queueInstead(QStringLiteral("clockOut"), actionId, at, QString());
            if (error.isValid())
                return Q_EMIT actionFailed(error.message);
            const TimeEntry entry = TimeEntry::fromJson(result[QStringLiteral("entry")].toObject());
            m_totals.reset(TimeTotals::fromJson(result[QStringLiteral("totals")].toObject()));
            Q_EMIT clocked({{QStringLiteral("kind"), QStringLiteral("clockOut")},
                {QStringLiteral("queued"), false}, {QStringLiteral("teamName"), entry.teamName},
                {QStringLiteral("shiftSeconds"), entry.workedSeconds},
                {QStringLiteral("shiftEarnedSeconds"), entry.earnedSeconds},
                {QStringLiteral("at"), at}});
        });
}

void KioskSession::queueInstead(
    const QString &kind, const QString &actionId, const QDateTime &at, const QString &teamId)
{
    // The server may or may not have taken it: the same action id makes a replay safe either way.
    const Team *team = m_teams.teamById(teamId);
    const bool kept = m_outbox.enqueue({actionId, kind, m_badge, at, teamId,
        team ? team->name : QString(), false, QString(), QString()});
    if (!kept) {
        Q_EMIT actionFailed(tr("This kiosk could not save your time. Please ask at the desk."));
        return;
    }
    qCInfo(lcKiosk) << "no answer for a" << kind << "- kept in the outbox to replay";
    Q_EMIT clocked({{QStringLiteral("kind"), kind}, {QStringLiteral("queued"), true},
        {QStringLiteral("teamName"), team ? team->name : QString()}, {QStringLiteral("at"), at}});
}

void KioskSession::signOut()
{
    if (!isSignedIn())
        return;
    if (m_connection.isReady())
        m_kiosk.signOut();
    clear();
}

void KioskSession::touch()
{
    if (isSignedIn() && m_connection.isReady())
        m_kiosk.touch();
}

qint64 KioskSession::todaySeconds() const
{
    const Event *event = m_events.activeEvent();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!event)
        return m_entries.workedBetween(now.addDays(-1), now);
    return m_entries.workedBetween(event->dayStart(now), now);
}

void KioskSession::stopWaiting()
{
    for (const QMetaObject::Connection &c : std::as_const(m_loading))
        disconnect(c);
    m_loading.clear();
    m_waitingFor = 0;
}

void KioskSession::clear()
{
    const bool was = isSignedIn();
    m_userId.clear();
    m_badge.clear();
    m_user = {};
    m_minute.stop();
    stopWaiting();
    setBusy(false);
    m_entries.setUserId(QString());
    m_totals.clear();
    m_entries.clear();
    m_notifications.clear();
    m_rewards.clear();
    m_events.clear();
    // The teams stay: the offline screens offer them.
    if (was)
        Q_EMIT signedInChanged();
}

void KioskSession::onPush(const QString &method, const QJsonObject &params)
{
    if (method != QLatin1String("kiosk.signedOut") || !isSignedIn())
        return;
    const QString reason = params.value(QStringLiteral("reason")).toString();
    clear();
    if (reason != QLatin1String("signed_out"))
        Q_EMIT endedByServer(reason);
}

QTimeZone KioskSession::eventZone() const
{
    const Event *event = m_events.activeEvent();
    const QTimeZone zone = event ? QTimeZone(event->timeZone.toUtf8()) : QTimeZone();
    return zone.isValid() ? zone : QTimeZone::systemTimeZone();
}

QString KioskSession::eventClockText(const QString &wireTime) const
{
    const QDateTime moment = QDateTime::fromString(wireTime, Qt::ISODateWithMs);
    return moment.isValid() ? moment.toTimeZone(eventZone()).toString(QStringLiteral("HH:mm"))
                            : QString();
}

QString KioskSession::requestCorrection(const QString &notificationId, const QString &typedTime)
{
    const Notification *notice = nullptr;
    for (int row = 0; row < m_notifications.rowCount() && !notice; ++row) {
        const Notification *n = m_notifications.notificationAt(row);
        if (n->id.toString(QUuid::WithoutBraces) == notificationId)
            notice = n;
    }
    if (!notice || notice->kind != QLatin1String("auto_stop"))
        return tr("This notice is not about a shift.");
    const std::optional<QTime> time = StopCorrection::wallTimeFromText(typedTime);
    if (!time)
        return tr("Type the time as on a clock, like 2330 for half past eleven at night.");
    const QDateTime start = QDateTime::fromString(
        notice->data.value(QStringLiteral("start")).toString(), Qt::ISODateWithMs);
    const QDateTime stop = StopCorrection::stopAt(start, *time, eventZone());
    if (stop > QDateTime::currentDateTimeUtc())
        return tr("That time has not come yet.");
    m_corrections
        .request(notice->data.value(QStringLiteral("entryId")).toString(), stop, QString())
        ->then(this, [this](const QJsonValue &result, const RpcError &error) {
            if (error.isValid()) {
                Q_EMIT correctionFailed(error.reason == QLatin1String("already_requested")
                        ? tr("You told us already; a manager will decide.")
                        : error.message);
                return;
            }
            // The notice is answered: the screen moves on.
            for (const QJsonValue &n : result[QStringLiteral("acknowledged")].toArray())
                m_notifications.upsert(Notification::fromJson(n.toObject()));
        });
    return {};
}

} // namespace Muster
