// The time clock's calls for managers: who is on shift now, and a person's shifts added, corrected
// (always with a reason, audited old → new), deleted or stopped.
#pragma once

#include "client/rpcreply.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QString>

namespace Muster {

class Connection;

class ShiftsClient : public QObject
{
    Q_OBJECT
public:
    explicit ShiftsClient(Connection *connection, QObject *parent = nullptr);

    // Every ongoing shift of the event ("": the active one), oldest first.
    Q_INVOKABLE Muster::RpcReply *ongoing(const QString &eventId = QString());
    // An invalid stop checks the person in from start, as a clock-in would.
    Q_INVOKABLE Muster::RpcReply *add(const QString &userId, const QString &teamId,
        const QDateTime &start, const QDateTime &stop, const QString &notes);
    // changes: any of start, stop (wire times), teamId, notes; the reason is required.
    Q_INVOKABLE Muster::RpcReply *update(
        const QString &entryId, const QJsonObject &changes, const QString &reason);
    Q_INVOKABLE Muster::RpcReply *remove(const QString &entryId, const QString &reason);
    // Stops the person's ongoing shift now.
    Q_INVOKABLE Muster::RpcReply *stop(const QString &userId);

private:
    Connection *m_connection;
};

} // namespace Muster
