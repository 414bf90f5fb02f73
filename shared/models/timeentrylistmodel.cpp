// See timeentrylistmodel.h.
#include "timeentrylistmodel.h"

#include "client/connection.h"
#include "util/clocktext.h"
#include "util/durationtext.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <algorithm>

namespace Muster {

TimeEntryListModel::TimeEntryListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    connect(&m_feed, &ConnectionFeed::loadWanted, this, &TimeEntryListModel::reload);
    connect(&m_feed, &ConnectionFeed::loadFailed, this, &TimeEntryListModel::loadFailed);
    connect(&m_feed, &ConnectionFeed::pushed, this,
        [this](const QString &method, const QJsonObject &params) {
            if (method != QLatin1String("timeclock.entryChanged"))
                return;
            const TimeEntry entry
                = TimeEntry::fromJson(params.value(QStringLiteral("entry")).toObject());
            if (m_ongoingOnly || entry.userId.toString(QUuid::WithoutBraces) == owner())
                applyChange(params.value(QStringLiteral("change")).toString(), entry);
        });
}

int TimeEntryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int TimeEntryListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : DetailsColumn + 1;
}

namespace {

QString detailsOf(const TimeEntry &e)
{
    const auto tr
        = [](const char *text) { return QCoreApplication::translate("TimeEntryListModel", text); };
    QStringList parts;
    if (e.source == QLatin1String("kiosk"))
        parts.append(
            e.kioskName.isEmpty() ? tr("at a kiosk") : tr("at kiosk “%1”").arg(e.kioskName));
    else if (e.source == QLatin1String("manager"))
        parts.append(tr("entered by a manager"));
    else
        parts.append(tr("from the desktop"));
    if (e.offline)
        parts.append(tr("kiosk was offline"));
    if (e.autoStopped)
        parts.append(tr("stopped at the day boundary"));
    if (!e.notes.isEmpty())
        parts.append(e.notes);
    return parts.join(QStringLiteral(" · "));
}

} // namespace

QVariant TimeEntryListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimeEntry &e = m_entries.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        switch (index.column()) {
        case PersonColumn:
            return e.badge.isEmpty() ? e.userName : tr("%1 (#%2)").arg(e.userName, e.badge);
        case TeamColumn:
            return e.teamName;
        case StartColumn:
            return dateTimeText(e.start.toLocalTime());
        case StopColumn:
            if (e.isOngoing())
                return tr("on shift");
            // The same day needs no date twice.
            return e.stop.toLocalTime().date() == e.start.toLocalTime().date()
                ? clockText(e.stop.toLocalTime())
                : dateTimeText(e.stop.toLocalTime());
        case WorkedColumn:
            return durationText(e.isOngoing() ? e.start.secsTo(now) : e.workedSeconds);
        case EarnedColumn:
            return durationText(e.earnedSeconds);
        case DetailsColumn:
            return detailsOf(e);
        }
        return {};
    }
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
    case UserIdRole:
        return e.userId.toString(QUuid::WithoutBraces);
    case UserNameRole:
        return e.userName;
    case BadgeRole:
        return e.badge;
    default:
        return {};
    }
}

QVariant TimeEntryListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PersonColumn:
        return tr("Person");
    case TeamColumn:
        return tr("Team");
    case StartColumn:
        return tr("Start");
    case StopColumn:
        return tr("Stop");
    case WorkedColumn:
        return tr("Worked");
    case EarnedColumn:
        return tr("Earned");
    case DetailsColumn:
        return tr("Details");
    }
    return {};
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
        {UserIdRole, "userId"},
        {UserNameRole, "userName"},
        {BadgeRole, "badge"},
    };
}

void TimeEntryListModel::setConnection(Connection *connection)
{
    m_client = connection ? std::make_unique<TimeclockClient>(connection) : nullptr;
    m_shifts = connection ? std::make_unique<ShiftsClient>(connection) : nullptr;
    m_feed.setConnection(connection);
}

void TimeEntryListModel::setUserId(const QString &userId)
{
    if (userId == m_userId)
        return;
    m_userId = userId;
    Q_EMIT userIdChanged();
}

void TimeEntryListModel::setOngoingOnly(bool ongoingOnly)
{
    if (ongoingOnly == m_ongoingOnly)
        return;
    m_ongoingOnly = ongoingOnly;
    Q_EMIT ongoingOnlyChanged();
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
    m_feed.load(m_ongoingOnly ? m_shifts->ongoing() : m_client->entries(QString(), m_userId),
        [this](const QJsonValue &result) {
            m_loaded = true;
            reset(result[QStringLiteral("entries")].toArray());
        });
}

void TimeEntryListModel::clear()
{
    m_feed.forget();
    m_loaded = false;
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
    // "On shift now" keeps only what is still going on.
    const bool belongs
        = change != QLatin1String("deleted") && (!m_ongoingOnly || entry.isOngoing());
    if (!belongs) {
        if (row >= 0)
            removeRow(row);
        return;
    }
    if (row >= 0) {
        // Pushes are state, not increments: the same push twice changes nothing.
        if (m_entries.at(row) == entry)
            return;
        if (m_entries.at(row).start == entry.start) {
            m_entries[row] = entry;
            Q_EMIT dataChanged(index(row, 0), index(row, DetailsColumn));
            return;
        }
        removeRow(row); // a corrected start moves it
    }
    insertInOrder(entry);
}

void TimeEntryListModel::insertInOrder(const TimeEntry &entry)
{
    // Newest first for a person's shifts, oldest first for those on shift now.
    const auto at = std::find_if(m_entries.cbegin(), m_entries.cend(), [&](const TimeEntry &e) {
        return m_ongoingOnly ? entry.start < e.start : e.start < entry.start;
    });
    const int insertAt = int(at - m_entries.cbegin());
    beginInsertRows({}, insertAt, insertAt);
    m_entries.insert(insertAt, entry);
    endInsertRows();
}

void TimeEntryListModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
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

int TimeEntryListModel::rowOf(const QString &entryId) const
{
    return rowOf(QUuid::fromString(entryId));
}

const TimeEntry *TimeEntryListModel::overlapping(
    const QDateTime &start, const QDateTime &stop, const QString &except) const
{
    const QUuid skip = QUuid::fromString(except);
    for (const TimeEntry &e : m_entries) {
        if (e.id == skip)
            continue;
        const bool startsBeforeItEnds = e.isOngoing() || start < e.stop;
        const bool endsAfterItStarts = !stop.isValid() || e.start < stop;
        if (startsBeforeItEnds && endsAfterItStarts)
            return &e;
    }
    return nullptr;
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
