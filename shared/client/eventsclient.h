// The organisation's events as its administrators run them: creating one, changing its name,
// dates, time zone and day boundary, archiving it, choosing the active one, and setting it up:
// its bonus windows and its rewards.
#pragma once

#include "client/rpcreply.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Muster {

class Connection;

class EventsClient : public QObject
{
    Q_OBJECT
public:
    explicit EventsClient(Connection *connection, QObject *parent = nullptr);

    // copySetupFrom: an earlier event whose bonus windows and rewards it starts with, or "".
    Q_INVOKABLE Muster::RpcReply *create(const QString &name, const QString &timeZone,
        const QDateTime &start, const QDateTime &end, int dayBoundaryHour, bool activate,
        const QString &copySetupFrom = {});
    // changes: any of name, timeZone, start, end (wire times), dayBoundaryHour, archived.
    Q_INVOKABLE Muster::RpcReply *update(const QString &eventId, const QJsonObject &changes);
    Q_INVOKABLE Muster::RpcReply *setArchived(const QString &eventId, bool archived);
    // "" leaves the organisation with no active event.
    Q_INVOKABLE Muster::RpcReply *activate(const QString &eventId);

    // A window in which the teams' time counts `multiplier` times (above 1, at most 10).
    Q_INVOKABLE Muster::RpcReply *createBonus(const QString &eventId, const QDateTime &start,
        const QDateTime &end, double multiplier, const QStringList &teamIds);
    Q_INVOKABLE Muster::RpcReply *updateBonus(const QString &bonusId, const QDateTime &start,
        const QDateTime &end, double multiplier, const QStringList &teamIds);
    Q_INVOKABLE Muster::RpcReply *deleteBonus(const QString &bonusId);
    // Handed to whoever earns more than thresholdHours in the event.
    Q_INVOKABLE Muster::RpcReply *createReward(const QString &eventId, const QString &name,
        const QString &description, double thresholdHours);
    Q_INVOKABLE Muster::RpcReply *updateReward(const QString &rewardId, const QString &name,
        const QString &description, double thresholdHours);
    Q_INVOKABLE Muster::RpcReply *deleteReward(const QString &rewardId);

private:
    Connection *m_connection;
};

} // namespace Muster
