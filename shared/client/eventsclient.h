// The organisation's events as its administrators run them: creating one, changing its name,
// dates, time zone and day boundary, archiving it, and choosing the active one.
#pragma once

#include "client/rpcreply.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QString>

namespace Muster {

class Connection;

class EventsClient : public QObject
{
    Q_OBJECT
public:
    explicit EventsClient(Connection *connection, QObject *parent = nullptr);

    Q_INVOKABLE Muster::RpcReply *create(const QString &name, const QString &timeZone,
        const QDateTime &start, const QDateTime &end, int dayBoundaryHour, bool activate);
    // changes: any of name, timeZone, start, end (wire times), dayBoundaryHour, archived.
    Q_INVOKABLE Muster::RpcReply *update(const QString &eventId, const QJsonObject &changes);
    Q_INVOKABLE Muster::RpcReply *setArchived(const QString &eventId, bool archived);
    // "" leaves the organisation with no active event.
    Q_INVOKABLE Muster::RpcReply *activate(const QString &eventId);

private:
    Connection *m_connection;
};

} // namespace Muster
