// See attendeelogsclient.h.
#include "attendeelogsclient.h"

#include "client/connection.h"

namespace Muster {

AttendeeLogsClient::AttendeeLogsClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

RpcReply *AttendeeLogsClient::list()
{
    return m_connection->request(QStringLiteral("attendeeLogs.list"));
}

RpcReply *AttendeeLogsClient::create(const QString &name)
{
    return m_connection->request(
        QStringLiteral("attendeeLogs.create"), {{QStringLiteral("name"), name.trimmed()}});
}

RpcReply *AttendeeLogsClient::rename(const QString &logId, const QString &name)
{
    return m_connection->request(QStringLiteral("attendeeLogs.update"),
        {{QStringLiteral("logId"), logId}, {QStringLiteral("name"), name.trimmed()}});
}

RpcReply *AttendeeLogsClient::remove(const QString &logId)
{
    return m_connection->request(
        QStringLiteral("attendeeLogs.delete"), {{QStringLiteral("logId"), logId}});
}

RpcReply *AttendeeLogsClient::addGatekeeper(const QString &logId, const QString &userId)
{
    return m_connection->request(QStringLiteral("attendeeLogs.addGatekeeper"),
        {{QStringLiteral("logId"), logId}, {QStringLiteral("userId"), userId}});
}

RpcReply *AttendeeLogsClient::removeGatekeeper(const QString &logId, const QString &userId)
{
    return m_connection->request(QStringLiteral("attendeeLogs.removeGatekeeper"),
        {{QStringLiteral("logId"), logId}, {QStringLiteral("userId"), userId}});
}

RpcReply *AttendeeLogsClient::attendees(const QString &logId)
{
    return m_connection->request(
        QStringLiteral("attendeeLogs.attendees"), {{QStringLiteral("logId"), logId}});
}

RpcReply *AttendeeLogsClient::addAttendee(const QString &logId, const QString &badge)
{
    return m_connection->request(QStringLiteral("attendeeLogs.addAttendee"),
        {{QStringLiteral("logId"), logId}, {QStringLiteral("badge"), badge.trimmed()}});
}

RpcReply *AttendeeLogsClient::removeAttendee(const QString &logId, const QString &userId)
{
    return m_connection->request(QStringLiteral("attendeeLogs.removeAttendee"),
        {{QStringLiteral("logId"), logId}, {QStringLiteral("userId"), userId}});
}

} // namespace Muster
