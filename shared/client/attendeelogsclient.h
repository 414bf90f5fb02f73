// Attendee logs (a panel, a meet-up) as managers set them up and gatekeepers keep them: the logs
// of the active event, their gatekeepers, and who came, added by badge number.
#pragma once

#include "client/rpcreply.h"

#include <QObject>
#include <QString>

namespace Muster {

class Connection;

class AttendeeLogsClient : public QObject
{
    Q_OBJECT
public:
    explicit AttendeeLogsClient(Connection *connection, QObject *parent = nullptr);

    // A manager's: every log of the active event; anyone else's: the logs they keep.
    Q_INVOKABLE Muster::RpcReply *list();
    Q_INVOKABLE Muster::RpcReply *create(const QString &name);
    Q_INVOKABLE Muster::RpcReply *rename(const QString &logId, const QString &name);
    Q_INVOKABLE Muster::RpcReply *remove(const QString &logId);
    Q_INVOKABLE Muster::RpcReply *addGatekeeper(const QString &logId, const QString &userId);
    Q_INVOKABLE Muster::RpcReply *removeGatekeeper(const QString &logId, const QString &userId);
    Q_INVOKABLE Muster::RpcReply *attendees(const QString &logId);
    Q_INVOKABLE Muster::RpcReply *addAttendee(const QString &logId, const QString &badge);
    Q_INVOKABLE Muster::RpcReply *removeAttendee(const QString &logId, const QString &userId);

private:
    Connection *m_connection;
};

} // namespace Muster
