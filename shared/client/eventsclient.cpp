// See eventsclient.h.
#include "eventsclient.h"

#include "client/connection.h"
#include "protocol/wiretime.h"

#include <QJsonArray>

#include <cmath>

namespace Muster {

EventsClient::EventsClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

RpcReply *EventsClient::create(const QString &name, const QString &timeZone, const QDateTime &start,
    const QDateTime &end, int dayBoundaryHour, bool activate, const QString &copySetupFrom)
{
    QJsonObject params {{QStringLiteral("name"), name}, {QStringLiteral("timeZone"), timeZone},
        {QStringLiteral("start"), toWireTime(start)}, {QStringLiteral("end"), toWireTime(end)},
        {QStringLiteral("dayBoundaryHour"), dayBoundaryHour},
        {QStringLiteral("activate"), activate}};
    if (!copySetupFrom.isEmpty())
        params.insert(QStringLiteral("copySetupFrom"), copySetupFrom);
    return m_connection->request(QStringLiteral("events.create"), params);
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

namespace {

QJsonObject bonusParams(
    const QDateTime &start, const QDateTime &end, double multiplier, const QStringList &teamIds)
{
    return {{QStringLiteral("start"), toWireTime(start)}, {QStringLiteral("end"), toWireTime(end)},
        // Two decimals, as the server keeps it.
        {QStringLiteral("multiplier"), std::round(multiplier * 100) / 100},
        {QStringLiteral("teamIds"), QJsonArray::fromStringList(teamIds)}};
}

QJsonObject rewardParams(const QString &name, const QString &description, double thresholdHours)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("description"), description},
        {QStringLiteral("thresholdHours"), std::round(thresholdHours * 100) / 100}};
}

} // namespace

RpcReply *EventsClient::createBonus(const QString &eventId, const QDateTime &start,
    const QDateTime &end, double multiplier, const QStringList &teamIds)
{
    QJsonObject params = bonusParams(start, end, multiplier, teamIds);
    params.insert(QStringLiteral("eventId"), eventId);
    return m_connection->request(QStringLiteral("bonuses.create"), params);
}

RpcReply *EventsClient::updateBonus(const QString &bonusId, const QDateTime &start,
    const QDateTime &end, double multiplier, const QStringList &teamIds)
{
    QJsonObject params = bonusParams(start, end, multiplier, teamIds);
    params.insert(QStringLiteral("bonusId"), bonusId);
    return m_connection->request(QStringLiteral("bonuses.update"), params);
}

RpcReply *EventsClient::deleteBonus(const QString &bonusId)
{
    return m_connection->request(
        QStringLiteral("bonuses.delete"), {{QStringLiteral("bonusId"), bonusId}});
}

RpcReply *EventsClient::createReward(
    const QString &eventId, const QString &name, const QString &description, double thresholdHours)
{
    QJsonObject params = rewardParams(name, description, thresholdHours);
    params.insert(QStringLiteral("eventId"), eventId);
    return m_connection->request(QStringLiteral("rewards.create"), params);
}

RpcReply *EventsClient::updateReward(
    const QString &rewardId, const QString &name, const QString &description, double thresholdHours)
{
    QJsonObject params = rewardParams(name, description, thresholdHours);
    params.insert(QStringLiteral("rewardId"), rewardId);
    return m_connection->request(QStringLiteral("rewards.update"), params);
}

RpcReply *EventsClient::deleteReward(const QString &rewardId)
{
    return m_connection->request(
        QStringLiteral("rewards.delete"), {{QStringLiteral("rewardId"), rewardId}});
}

} // namespace Muster
