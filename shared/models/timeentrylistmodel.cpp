// See timeentrylistmodel.h.
#include "timeentrylistmodel.h"

#include "client/connection.h"

#include <QJsonObject>

#include <algorithm>

namespace Muster {

TimeEntryListModel::TimeEntryListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(&m_feed, &ConnectionFeed::loadWanted, this, &TimeEntryListModel::reload);
    connect(&m_feed, &ConnectionFeed::loadFailed, this, &TimeEntryListModel::loadFailed);
    connect(&m_feed, &ConnectionFeed::pushed, this,
        [this](const QString &method, const QJsonObject &params) {
            if (method != QLatin1String("timeclock.entryChanged"))
                return;
            const TimeEntry entry
                = TimeEntry::fromJson(params.value(QStringLiteral("entry")).toObject());
            if (entry.userId.toString(QUuid::WithoutBraces) == owner())
                applyChange(params.value(QStringLiteral("change")).toString(), entry);
        });
}

int TimeEntryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant TimeEntryListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimeEntry &e = m_entries.at(index.row());
    switch (role) {
    case IdRole:
        return e.id.toString(QUuid::WithoutBraces);
    case TeamIdRole:
        return e.teamId.toString(QUuid::WithoutBraces);
    case Qt::DisplayRole:
    case TeamNameRole:
        return e.teamName;
    case StartRole:
        return e.start;
    case StopRole:
        return e.stop;
    case OngoingRole:
        return e.isOngoing();
    case WorkedSecondsRole:
        return e.workedSeconds;
    case EarnedSecondsRole:
        return e.earnedSeconds;
    case SourceRole:
        return e.source;
    case KioskNameRole:
        return e.kioskName;
    case OfflineRole:
        return e.offline;
    case AutoStoppedRole:
        return e.autoStopped;
    case NotesRole:
        return e.notes;
    default:
        return {};
    }
}

QHash<int, QByteArray> TimeEntryListModel::roleNames() const
{
    return {
        {IdRole, "entryId"},
        {TeamIdRole, "teamId"},
        {TeamNameRole, "teamName"},
        {StartRole, "start"},
        {StopRole, "stop"},
        {OngoingRole, "ongoing"},
        {WorkedSecondsRole, "workedSeconds"},
        {EarnedSecondsRole, "earnedSeconds"},
        {SourceRole, "source"},
        {KioskNameRole, "kioskName"},
        {OfflineRole, "offline"},
        {AutoStoppedRole, "autoStopped"},
        {NotesRole, "notes"},
    };
}

void TimeEntryListModel::setConnection(Connection *connection)
{
    m_client = connection ? std::make_unique<TimeclockClient>(connection) : nullptr;
    m_feed.setConnection(connection);
}

void TimeEntryListModel::setUserId(const QString &userId)
{
    if (userId == m_userId)
        return;
    m_userId = userId;
    Q_EMIT userIdChanged();
}

QString TimeEntryListModel::owner() const
{
    if (!m_userId.isEmpty() || !m_feed.connection())
        return m_userId;
    return m_feed.connection()->user().value(QStringLiteral("id")).toString();
}

void TimeEntryListModel::reload()
{
    if (!m_client || !m_feed.isReady())
        return;
    m_feed.load(m_client->entries(QString(), m_userId),
        [this](const QJsonValue &result) { reset(result[QStringLiteral("entries")].toArray()); });
}

void TimeEntryListModel::clear()
{
    m_feed.forget();
    reset({});
}

void TimeEntryListModel::reset(const QJsonArray &entries)
{
    beginResetModel();
    m_entries.clear();
    for (const QJsonValue &v : entries)
        m_entries.append(TimeEntry::fromJson(v.toObject()));
    endResetModel();
}

void TimeEntryListModel::applyChange(const QString &change, const TimeEntry &entry)
{
    const int row = rowOf(entry.id);
    if (change == QLatin1String("deleted")) {
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_entries.removeAt(row);
            endRemoveRows();
        }
        return;
    }
    if (row >= 0) {
        // Pushes are state, not increments: the same push twice changes nothing.
        if (m_entries.at(row) == entry)
            return;
        m_entries[row] = entry;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    // Newest first: a new (or newly moved) entry goes where its start puts it.
    const auto at = std::find_if(m_entries.cbegin(), m_entries.cend(),
        [&entry](const TimeEntry &e) { return e.start < entry.start; });
    const int insertAt = int(at - m_entries.cbegin());
    beginInsertRows({}, insertAt, insertAt);
    m_entries.insert(insertAt, entry);
    endInsertRows();
}

const TimeEntry *TimeEntryListModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

qint64 TimeEntryListModel::workedBetween(const QDateTime &from, const QDateTime &now) const
{
    qint64 seconds = 0;
    for (const TimeEntry &e : m_entries) {
        const QDateTime start = std::max(e.start, from);
        const QDateTime stop = e.isOngoing() ? now : std::min(e.stop, now);
        if (stop > start)
            seconds += start.secsTo(stop);
    }
    return seconds;
}

int TimeEntryListModel::rowOf(const QUuid &id) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == id)
            return i;
    }
    return -1;
}

} // namespace Muster
