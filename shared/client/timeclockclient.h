// The volunteer time clock's calls for the person signed in (at a desk, or at a kiosk after
// kiosk.signIn): events, clocking in and out, their totals, entries, rewards and notices, their
// kiosk PIN and quick code. Manager calls arrive with the manager screens.
#pragma once

#include "client/rpcreply.h"

#include <QObject>
#include <QString>

namespace Muster {

class Connection;

class TimeclockClient : public QObject
{
    Q_OBJECT
public:
    explicit TimeclockClient(Connection *connection, QObject *parent = nullptr);

    // A fresh action id for clockIn/clockOut: the same id sent again (after a lost answer)
    // gets the first answer back instead of a second shift.
    Q_INVOKABLE static QString newActionId();

    Q_INVOKABLE Muster::RpcReply *events();
    // An empty actionId makes a new one; pass your own to retry the same action safely.
    Q_INVOKABLE Muster::RpcReply *clockIn(
        const QString &teamId, const QString &actionId = QString());
    Q_INVOKABLE Muster::RpcReply *clockOut(const QString &actionId = QString());
    // Empty ids: the active event, the caller.
    Q_INVOKABLE Muster::RpcReply *totals(
        const QString &eventId = QString(), const QString &userId = QString());
    Q_INVOKABLE Muster::RpcReply *entries(
        const QString &eventId = QString(), const QString &userId = QString());
    Q_INVOKABLE Muster::RpcReply *rewards(
        const QString &eventId = QString(), const QString &userId = QString());
    // The event's bonus windows (empty: the active event).
    Q_INVOKABLE Muster::RpcReply *bonuses(const QString &eventId = QString());
    // `userId` empty: one's own; anyone else's needs a manager.
    Q_INVOKABLE Muster::RpcReply *notifications(
        bool unreadOnly = false, const QString &userId = QString());
    Q_INVOKABLE Muster::RpcReply *acknowledge(const QString &notificationId);
    Q_INVOKABLE Muster::RpcReply *createQuickCode();
    // An empty pin removes it.
    Q_INVOKABLE Muster::RpcReply *setPin(const QString &pin);

private:
    Connection *m_connection;
};

} // namespace Muster
