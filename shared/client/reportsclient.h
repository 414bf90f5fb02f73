// The time clock's reports as managers read them: a table of hours, teams, automatic stops,
// rewards, an attendee log or the audit trail, for an event.
#pragma once

#include "client/rpcreply.h"

#include <QObject>
#include <QString>

namespace Muster {

class Connection;

class ReportsClient : public QObject
{
    Q_OBJECT
public:
    explicit ReportsClient(Connection *connection, QObject *parent = nullptr);

    // type: "hours", "teams", "unclocked", "rewards", "attendees", "audit"; "" eventId: the
    // active event; minHours < 0: everyone.
    Q_INVOKABLE Muster::RpcReply *get(
        const QString &type, const QString &eventId = QString(), double minHours = -1);

private:
    Connection *m_connection;
};

} // namespace Muster
