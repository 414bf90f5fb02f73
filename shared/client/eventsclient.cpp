// See eventsclient.h.
#include "eventsclient.h"

#include "client/connection.h"
#include "protocol/wiretime.h"

namespace Muster {

EventsClient::EventsClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

RpcReply *EventsClient::create(const QString &name, const QString &timeZone, const QDateTime &start,
    const QDateTime &end, int dayBoundaryHour, bool activate)
{
    return m_connection->request(QStringLiteral("events.create"),
        {{QStringLiteral("name"), name}, {QStringLiteral("timeZone"), timeZone},
            {QStringLiteral("start"), toWireTime(start)}, {QStringLiteral("end"), toWireTime(end)},
            {QStringLiteral("dayBoundaryHour"), dayBoundaryHour},
            {QStringLiteral("activate"), activate}});
}

RpcReply *EventsClient::update(const QString &eventId, const QJsonObject &changes)
{
    QJsonObject params = changes;
    params.insert(QStringLiteral("eventId"), eventId);
    return m_connection->request(QStringLiteral("events.update"), params);
}

RpcReply *EventsClient::setArchived(const QString &eventId, bool archived)
{
    return update(eventId, {{QStringLiteral("archived"), archived}});
}

RpcReply *EventsClient::activate(const QString &eventId)
{
    return m_connection->request(QStringLiteral("events.activate"),
        {{QStringLiteral("eventId"), eventId.isEmpty() ? QJsonValue() : QJsonValue(eventId)}});
}

} // namespace Muster
