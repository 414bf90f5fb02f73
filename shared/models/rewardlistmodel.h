// The active event's rewards for one person (by default the one signed in), lowest threshold first,
// with where they stand (eligible, handed over), and the next one to work towards. Given a
// connection it loads rewards.list and asks again when rewards change (rewards.changed) or the
// person's earned time does (timeclock.ownTotalsChanged, timeclock.totalsChanged).
#pragma once

#include "client/timeclockclient.h"
#include "domain/reward.h"
#include "models/connectionfeed.h"

#include <QAbstractListModel>
#include <QJsonArray>
#include <QList>

#include <memory>

namespace Muster {

class RewardListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QString nextRewardName READ nextRewardName NOTIFY nextRewardChanged)
    Q_PROPERTY(double nextRewardHours READ nextRewardHours NOTIFY nextRewardChanged)
    Q_PROPERTY(int availableCount READ availableCount NOTIFY nextRewardChanged)
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, // QString
        NameRole, // QString
        DescriptionRole, // QString
        ThresholdHoursRole, // double: earned hours strictly above which it is earned
        EligibleRole, // bool
        ClaimedRole, // bool: handed over
    };
    Q_ENUM(Roles)

    explicit RewardListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConnection(Connection *connection);
    void setLoadOnSignIn(bool on) { m_feed.setLoadOnSignIn(on); }
    // Whose standing: "" for the person signed in (a manager may ask for anyone's).
    QString userId() const { return m_userId; }
    void setUserId(const QString &userId);
    // Which event's rewards: "" for the active one.
    QString eventId() const { return m_eventId; }
    void setEventId(const QString &eventId);
    const Reward *rewardAt(int row) const;

    void reset(const QJsonArray &rewards);
    // The lowest reward not earned yet: "" and 0 when every one is.
    QString nextRewardName() const;
    double nextRewardHours() const;
    // Earned and not yet handed over.
    int availableCount() const;

public Q_SLOTS:
    void reload();
    void clear();

Q_SIGNALS:
    void nextRewardChanged();
    void loadFailed(const QString &message);

private:
    const Reward *nextReward() const;

    ConnectionFeed m_feed;
    std::unique_ptr<TimeclockClient> m_client;
    QList<Reward> m_rewards;
    QString m_userId;
    QString m_eventId;
};

} // namespace Muster
