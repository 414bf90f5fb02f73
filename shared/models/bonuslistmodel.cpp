// See bonuslistmodel.h.
#include "bonuslistmodel.h"

#include <QJsonObject>

#include <algorithm>

namespace Muster {

BonusListModel::BonusListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(&m_feed, &ConnectionFeed::loadWanted, this, &BonusListModel::reload);
    connect(&m_feed, &ConnectionFeed::loadFailed, this, &BonusListModel::loadFailed);
    connect(
        &m_feed, &ConnectionFeed::pushed, this, [this](const QString &method, const QJsonObject &) {
            if (method == QLatin1String("timeclock.totalsChanged")
                || method == QLatin1String("events.changed"))
                reload();
        });
}

int BonusListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_bonuses.size());
}

QVariant BonusListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Bonus &b = m_bonuses.at(index.row());
    switch (role) {
    case IdRole:
        return b.id.toString(QUuid::WithoutBraces);
    case StartRole:
        return b.start;
    case EndRole:
        return b.end;
    case Qt::DisplayRole:
    case MultiplierRole:
        return b.multiplier;
    case TeamIdsRole: {
        QStringList ids;
        ids.reserve(b.teamIds.size());
        for (const QUuid &id : b.teamIds)
            ids.append(id.toString(QUuid::WithoutBraces));
        return ids;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> BonusListModel::roleNames() const
{
    return {
        {IdRole, "bonusId"},
        {StartRole, "start"},
        {EndRole, "end"},
        {MultiplierRole, "multiplier"},
        {TeamIdsRole, "teamIds"},
    };
}

void BonusListModel::setConnection(Connection *connection)
{
    m_client = connection ? std::make_unique<TimeclockClient>(connection) : nullptr;
    m_feed.setConnection(connection);
}

void BonusListModel::setEventId(const QString &eventId)
{
    if (eventId == m_eventId)
        return;
    m_eventId = eventId;
    Q_EMIT eventIdChanged();
    reload();
}

void BonusListModel::reload()
{
    if (!m_client || !m_feed.isReady())
        return;
    m_feed.load(m_client->bonuses(m_eventId),
        [this](const QJsonValue &result) { reset(result[QStringLiteral("bonuses")].toArray()); });
}

void BonusListModel::clear()
{
    m_feed.forget();
    reset({});
}

void BonusListModel::reset(const QJsonArray &bonuses)
{
    beginResetModel();
    m_bonuses.clear();
    for (const QJsonValue &v : bonuses)
        m_bonuses.append(Bonus::fromJson(v.toObject()));
    std::stable_sort(m_bonuses.begin(), m_bonuses.end(),
        [](const Bonus &a, const Bonus &b) { return a.start < b.start; });
    endResetModel();
}

const Bonus *BonusListModel::bonusAt(int row) const
{
    return row >= 0 && row < m_bonuses.size() ? &m_bonuses.at(row) : nullptr;
}

double BonusListModel::multiplierAt(const QString &teamId, const QDateTime &at) const
{
    const QUuid team = QUuid::fromString(teamId);
    double multiplier = 1.0;
    for (const Bonus &b : m_bonuses) {
        if (b.start <= at && at < b.end && b.teamIds.contains(team))
            multiplier = std::max(multiplier, b.multiplier);
    }
    return multiplier;
}

qint64 BonusListModel::earnedSeconds(
    const QString &teamId, const QDateTime &start, const QDateTime &stop) const
{
    const QUuid team = QUuid::fromString(teamId);
    const qint64 worked = std::max<qint64>(0, start.secsTo(stop));
    double extra = 0;
    for (const Bonus &b : m_bonuses) {
        if (!b.teamIds.contains(team))
            continue;
        const QDateTime from = std::max(start, b.start);
        const QDateTime to = std::min(stop, b.end);
        if (from < to)
            extra += (b.multiplier - 1.0) * double(from.secsTo(to));
    }
    return worked + qint64(extra);
}

} // namespace Muster
