// See attendeelistmodel.h.
#include "attendeelistmodel.h"

#include "util/clocktext.h"

#include <QJsonObject>

#include <algorithm>

namespace Muster {

AttendeeListModel::AttendeeListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    connect(&m_feed, &ConnectionFeed::loadWanted, this, &AttendeeListModel::reload);
    connect(&m_feed, &ConnectionFeed::loadFailed, this, &AttendeeListModel::loadFailed);
    connect(&m_feed, &ConnectionFeed::pushed, this,
        [this](const QString &method, const QJsonObject &params) {
            if (method != QLatin1String("attendeeLogs.changed") || m_logId.isEmpty())
                return;
            const QString logId = params.value(QStringLiteral("deleted")).toBool()
                ? params.value(QStringLiteral("logId")).toString()
                : params[QStringLiteral("log")][QStringLiteral("id")].toString();
            if (logId != m_logId)
                return;
            if (params.value(QStringLiteral("deleted")).toBool())
                return setLogId({});
            // Only when the count says someone came or left that this list does not show.
            if (params[QStringLiteral("log")][QStringLiteral("attendees")].toInt() != rowCount())
                reload();
        });
}

int AttendeeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_attendees.size());
}

int AttendeeListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NameColumn + 1;
}

QVariant AttendeeListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Attendee &a = m_attendees.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ArrivedColumn:
            return clockText(a.arrivedAt.toLocalTime());
        case BadgeColumn:
            return a.badge;
        case NameColumn:
            return a.placeholder ? tr("%1 (nobody has this badge yet)").arg(a.displayName)
                                 : a.displayName;
        }
        return {};
    case Qt::ToolTipRole:
        return tr("Logged %1").arg(dateTimeText(a.arrivedAt.toLocalTime()));
    case UserIdRole:
        return a.userId.toString(QUuid::WithoutBraces);
    case PlaceholderRole:
        return a.placeholder;
    case ArrivedAtRole:
        return a.arrivedAt;
    default:
        return {};
    }
}

QVariant AttendeeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ArrivedColumn:
        return tr("Arrived");
    case BadgeColumn:
        return tr("Badge");
    case NameColumn:
        return tr("Name");
    }
    return {};
}

QHash<int, QByteArray> AttendeeListModel::roleNames() const
{
    return {
        {Qt::DisplayRole, "display"},
        {UserIdRole, "userId"},
        {PlaceholderRole, "placeholder"},
        {ArrivedAtRole, "arrivedAt"},
    };
}

void AttendeeListModel::setConnection(Connection *connection)
{
    m_client = connection ? std::make_unique<AttendeeLogsClient>(connection) : nullptr;
    m_feed.setConnection(connection);
}

void AttendeeListModel::setLogId(const QString &logId)
{
    if (logId == m_logId)
        return;
    m_logId = logId;
    clear();
    reload();
}

void AttendeeListModel::reload()
{
    if (!m_client || !m_feed.isReady() || m_logId.isEmpty())
        return;
    m_feed.load(m_client->attendees(m_logId),
        [this](const QJsonValue &result) { reset(result[QStringLiteral("attendees")].toArray()); });
}

void AttendeeListModel::clear()
{
    m_feed.forget();
    reset({});
}

void AttendeeListModel::reset(const QJsonArray &attendees)
{
    beginResetModel();
    m_attendees.clear();
    for (const QJsonValue &v : attendees)
        m_attendees.append(Attendee::fromJson(v.toObject()));
    endResetModel();
}

void AttendeeListModel::append(const Attendee &attendee)
{
    const bool known = std::any_of(m_attendees.cbegin(), m_attendees.cend(),
        [&](const Attendee &a) { return a.userId == attendee.userId; });
    if (known || attendee.userId.isNull())
        return;
    const int row = int(m_attendees.size());
    beginInsertRows({}, row, row);
    m_attendees.append(attendee);
    endInsertRows();
}

void AttendeeListModel::removeAttendee(const QUuid &userId)
{
    for (int row = 0; row < m_attendees.size(); ++row) {
        if (m_attendees.at(row).userId != userId)
            continue;
        beginRemoveRows({}, row, row);
        m_attendees.removeAt(row);
        endRemoveRows();
        return;
    }
}

const Attendee *AttendeeListModel::attendeeAt(int row) const
{
    return row >= 0 && row < m_attendees.size() ? &m_attendees.at(row) : nullptr;
}

} // namespace Muster
