// The volunteer signed in at this kiosk, from badge and PIN (or quick code) to signing out: their
// time, notices and rewards (the muster-core models, loaded for them on sign-in and cleared
// after), clocking in and out, and the summary that follows. A clock action whose answer does not
// arrive is not lost: it goes to the outbox with its action id and time, and kiosk.replay places
// it (or finds it placed) when the connection returns.
#pragma once

#include "client/correctionsclient.h"
#include "client/kioskclient.h"
#include "client/timeclockclient.h"
#include "models/eventlistmodel.h"
#include "models/mytotals.h"
#include "models/notificationlistmodel.h"
#include "models/rewardlistmodel.h"
#include "models/teamlistmodel.h"
#include "models/timeentrylistmodel.h"

#include <QObject>
#include <QTimeZone>
#include <QTimer>
#include <QVariantMap>

namespace Muster {

class Connection;
class Outbox;

class KioskSession : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY signedInChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY signedInChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY signedInChanged)
    Q_PROPERTY(QString badge READ badge NOTIFY signedInChanged)
    Q_PROPERTY(QString role READ role NOTIFY signedInChanged)
    Q_PROPERTY(Muster::TeamListModel *teams READ teams CONSTANT)
    Q_PROPERTY(Muster::MyTotals *totals READ totals CONSTANT)
    Q_PROPERTY(Muster::TimeEntryListModel *entries READ entries CONSTANT)
    Q_PROPERTY(Muster::NotificationListModel *notifications READ notifications CONSTANT)
    Q_PROPERTY(Muster::RewardListModel *rewards READ rewards CONSTANT)
    Q_PROPERTY(Muster::EventListModel *events READ events CONSTANT)
    Q_PROPERTY(qint64 todaySeconds READ todaySeconds NOTIFY timeChanged)
    Q_PROPERTY(QString eventTimeZone READ eventTimeZone NOTIFY timeChanged)
public:
    KioskSession(Connection &connection, Outbox &outbox, QObject *parent = nullptr);

    bool isSignedIn() const { return !m_userId.isEmpty(); }
    bool isBusy() const { return m_busy; }
    QString userId() const { return m_userId; }
    QString displayName() const { return m_user.value(QStringLiteral("displayName")).toString(); }
    QString badge() const { return m_badge; }
    QString role() const { return m_user.value(QStringLiteral("role")).toString(); }
    bool isLeadOrAbove() const;

    TeamListModel *teams() { return &m_teams; }
    MyTotals *totals() { return &m_totals; }
    TimeEntryListModel *entries() { return &m_entries; }
    NotificationListModel *notifications() { return &m_notifications; }
    RewardListModel *rewards() { return &m_rewards; }
    EventListModel *events() { return &m_events; }

    // kiosk.signIn; then everything the next screens need is loaded before ready().
    Q_INVOKABLE void signIn(const QString &badge, const QString &secret, bool quickCode);
    Q_INVOKABLE void clockIn(const QString &teamId);
    Q_INVOKABLE void clockOut();
    Q_INVOKABLE void signOut();
    // The person is still there (input on screen): keeps the server's 60 s session alive.
    Q_INVOKABLE void touch();
    // Answers a "shift stopped" notice: the person really stopped at `typedTime` ("0130",
    // "1:30"), the first such time after the shift's start in the event's zone. Returns what is
    // wrong with what was typed, or "" when it was sent; the server's refusal comes as
    // correctionFailed, its acceptance as the notice acknowledged.
    Q_INVOKABLE QString requestCorrection(const QString &notificationId, const QString &typedTime);
    QString eventTimeZone() const { return QString::fromUtf8(eventZone().id()); }
    // "01:30": a wire time as the clocks of the event's time zone read it.
    Q_INVOKABLE QString eventClockText(const QString &wireTime) const;
    // Seconds worked in the event's current day (from its day-boundary hour), up to now.
    qint64 todaySeconds() const;

Q_SIGNALS:
    void signedInChanged();
    // The person's time changed (an entry, the event), or a running shift moved on a minute.
    void timeChanged();
    void busyChanged();
    void ready(); // signed in, and their time, notices and teams are loaded
    void signInFailed(const QString &message);
    // After a clock action: {kind: "clockIn"|"clockOut", queued, teamName, shiftSeconds,
    // shiftEarnedSeconds, at}. queued: kept on this kiosk, to be sent when the server is back.
    void clocked(const QVariantMap &summary);
    void actionFailed(const QString &message);
    void correctionFailed(const QString &message);
    // The session ended without the volunteer asking: "idle", "account_changed", "connection".
    void endedByServer(const QString &reason);

private:
    void setBusy(bool busy);
    void clear();
    QTimeZone eventZone() const; // the active event's, else this machine's
    void loadEverything();
    void stopWaiting();
    void onPush(const QString &method, const QJsonObject &params);
    void queueInstead(
        const QString &kind, const QString &actionId, const QDateTime &at, const QString &teamId);
    QString messageFor(const RpcError &error, bool quickCode) const;

    Connection &m_connection;
    Outbox &m_outbox;
    KioskClient m_kiosk;
    TimeclockClient m_timeclock;
    CorrectionsClient m_corrections;
    TeamListModel m_teams;
    MyTotals m_totals;
    TimeEntryListModel m_entries;
    NotificationListModel m_notifications;
    RewardListModel m_rewards;
    EventListModel m_events;
    QString m_userId;
    QString m_badge;
    QJsonObject m_user;
    bool m_busy = false;
    QTimer m_minute; // a running shift grows
    int m_waitingFor = 0; // loads still under way after sign-in
    QList<QMetaObject::Connection> m_loading;
};

} // namespace Muster
