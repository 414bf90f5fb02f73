// See rewardlistmodel.h.
#include "rewardlistmodel.h"

#include <QJsonObject>

#include <algorithm>

namespace Muster {

RewardListModel::RewardListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(&m_feed, &ConnectionFeed::loadWanted, this, &RewardListModel::reload);
    connect(&m_feed, &ConnectionFeed::loadFailed, this, &RewardListModel::loadFailed);
    connect(
        &m_feed, &ConnectionFeed::pushed, this, [this](const QString &method, const QJsonObject &) {
            if (method == QLatin1String("rewards.changed")
                || method == QLatin1String("timeclock.ownTotalsChanged")
                || method == QLatin1String("timeclock.totalsChanged"))
                reload();
        });
    connect(this, &QAbstractItemModel::modelReset, this, &RewardListModel::nextRewardChanged);
}

int RewardListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rewards.size());
}

QVariant RewardListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Reward &r = m_rewards.at(index.row());
    switch (role) {
    case IdRole:
        return r.id.toString(QUuid::WithoutBraces);
    case Qt::DisplayRole:
    case NameRole:
        return r.name;
    case DescriptionRole:
        return r.description;
    case ThresholdHoursRole:
        return r.thresholdHours;
    case EligibleRole:
        return r.standing && r.standing->eligible;
    case ClaimedRole:
        return r.standing && r.standing->claimed;
    default:
        return {};
    }
}

QHash<int, QByteArray> RewardListModel::roleNames() const
{
    return {
        {IdRole, "rewardId"},
        {NameRole, "name"},
        {DescriptionRole, "description"},
        {ThresholdHoursRole, "thresholdHours"},
        {EligibleRole, "eligible"},
        {ClaimedRole, "claimed"},
    };
}

void RewardListModel::setConnection(Connection *connection)
{
    m_client = connection ? std::make_unique<TimeclockClient>(connection) : nullptr;
    m_feed.setConnection(connection);
}

void RewardListModel::setUserId(const QString &userId)
{
    m_userId = userId;
}

void RewardListModel::setEventId(const QString &eventId)
{
    m_eventId = eventId;
}

const Reward *RewardListModel::rewardAt(int row) const
{
    return row >= 0 && row < m_rewards.size() ? &m_rewards.at(row) : nullptr;
}

void RewardListModel::reload()
{
    if (!m_client || !m_feed.isReady())
        return;
    m_feed.load(m_client->rewards(m_eventId, m_userId),
        [this](const QJsonValue &result) { reset(result[QStringLiteral("rewards")].toArray()); });
}

void RewardListModel::clear()
{
    m_feed.forget();
    reset({});
}

void RewardListModel::reset(const QJsonArray &rewards)
{
    beginResetModel();
    m_rewards.clear();
    for (const QJsonValue &v : rewards)
        m_rewards.append(Reward::fromJson(v.toObject()));
    std::stable_sort(m_rewards.begin(), m_rewards.end(),
        [](const Reward &a, const Reward &b) { return a.thresholdHours < b.thresholdHours; });
    endResetModel();
}

const Reward *RewardListModel::nextReward() const
{
    for (const Reward &r : m_rewards) {
        if (!(r.standing && (r.standing->eligible || r.standing->claimed)))
            return &r;
    }
    return nullptr;
}

QString RewardListModel::nextRewardName() const
{
    const Reward *r = nextReward();
    return r ? r->name : QString();
}

double RewardListModel::nextRewardHours() const
{
    const Reward *r = nextReward();
    return r ? r->thresholdHours : 0.0;
}

int RewardListModel::availableCount() const
{
    return int(std::count_if(m_rewards.cbegin(), m_rewards.cend(), [](const Reward &r) {
        return r.standing && r.standing->eligible && !r.standing->claimed;
    }));
}

} // namespace Muster
