// The time clock itself: clocking in and out (idempotent by a client-made action id), a kiosk's
// offline queue replayed with its original times, totals, and managers' work on entries. Every
// change is pushed as timeclock.entryChanged to managers and the entry's owner, who also gets
// timeclock.ownTotalsChanged and any reward notices it caused.
#pragma once

#include "db/timeclockstore.h"
#include "net/caller.h"
#include "net/push.h"

#include <QJsonArray>
#include <QObject>

namespace Muster {

class NotificationService;
class PresenceService;
class PushRelay;
class RpcCall;

class TimeclockService : public QObject
{
    Q_OBJECT
public:
    TimeclockService(Database &db, PushRelay &relay, PresenceService &presence,
        NotificationService &notifications, QObject *parent = nullptr);

    void clockIn(const RpcCall &call);
    void clockOut(const RpcCall &call);
    void replay(const RpcCall &call); // kiosk.replay
    void totals(const RpcCall &call);
    void entries(const RpcCall &call);
    void ongoing(const RpcCall &call);
    void addEntry(const RpcCall &call);
    void updateEntry(const RpcCall &call);
    void deleteEntry(const RpcCall &call);
    void stopEntry(const RpcCall &call);

    // Sends the pushes one change calls for; `kind` is "started", "stopped", "updated" or
    // "deleted".
    void publish(
        const QUuid &organisationId, const QString &kind, const TimeclockStore::Change &change);
    // Those pushes as values (the person's presence aside, which is read when it leaves), for
    // whoever else makes such a change: the admin command line.
    static QList<Push> pushesFor(
        const QUuid &organisationId, const QString &kind, const TimeclockStore::Change &change);
    // The wire answer of a change: {entry, totals?, replayed?}; the notices travel as pushes.
    static QJsonObject answerOf(const TimeclockStore::Change &change);

private:
    void replayNext(const RpcCall &call, QJsonArray actions, int index, QJsonArray results);
    // Answers with the change and spreads it as `kind` unless it was a replay.
    TimeclockStore::ChangeHandler replyAndPublish(const RpcCall &call, const QString &kind);
    static TimeclockStore::Actor actorOf(const Caller &caller);

    TimeclockStore m_store;
    PushRelay &m_relay;
    PresenceService &m_presence;
    NotificationService &m_notifications;
};

} // namespace Muster
