// See attendeeloglistmodel.h.
#include "attendeeloglistmodel.h"

#include "domain/role.h"

#include <QJsonObject>

#include <algorithm>

namespace Muster {

namespace {

bool byName(const AttendeeLog &a, const AttendeeLog &b)
{
    return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
}

} // namespace

AttendeeLogListModel::AttendeeLogListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(&m_feed, &ConnectionFeed::loadWanted, this, &AttendeeLogListModel::reload);
    connect(&m_feed, &ConnectionFeed::loadFailed, this, &AttendeeLogListModel::loadFailed);
    connect(&m_feed, &ConnectionFeed::pushed, this,
        [this](const QString &method, const QJsonObject &params) {
            if (method == QLatin1String("events.changed"))
                return reload(); // another event may be the active one
            if (method != QLatin1String("attendeeLogs.changed"))
                return;
            if (params.value(QStringLiteral("deleted")).toBool())
                return removeLog(
                    QUuid::fromString(params.value(QStringLiteral("logId")).toString()));
            merge(AttendeeLog::fromJson(params.value(QStringLiteral("log")).toObject()));
        });
}

int AttendeeLogListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_logs.size());
}

QVariant AttendeeLogListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AttendeeLog &l = m_logs.at(index.row());
    QStringList keepers;
    for (const AttendeeLog::Gatekeeper &g : l.gatekeepers)
        keepers.append(g.displayName);
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 — %2 here").arg(l.name, QString::number(l.attendees));
    case Qt::ToolTipRole:
        return keepers.isEmpty() ? tr("No gatekeeper yet")
                                 : tr("Kept by %1").arg(keepers.join(QStringLiteral(", ")));
    case IdRole:
        return l.id.toString(QUuid::WithoutBraces);
    case NameRole:
        return l.name;
    case AttendeesRole:
        return l.attendees;
    case GatekeepersRole:
        return keepers.join(QStringLiteral(", "));
    default:
        return {};
    }
}

QHash<int, QByteArray> AttendeeLogListModel::roleNames() const
{
    return {
        {IdRole, "logId"},
        {NameRole, "name"},
        {AttendeesRole, "attendees"},
        {GatekeepersRole, "gatekeepers"},
    };
}

void AttendeeLogListModel::setConnection(Connection *connection)
{
    m_client = connection ? std::make_unique<AttendeeLogsClient>(connection) : nullptr;
    m_feed.setConnection(connection);
}

void AttendeeLogListModel::reload()
{
    if (!m_client || !m_feed.isReady())
        return;
    m_feed.load(m_client->list(),
        [this](const QJsonValue &result) { reset(result[QStringLiteral("logs")].toArray()); });
}

void AttendeeLogListModel::clear()
{
    m_feed.forget();
    reset({});
    m_loaded = false;
    Q_EMIT loadedChanged();
}

void AttendeeLogListModel::reset(const QJsonArray &logs)
{
    beginResetModel();
    m_logs.clear();
    for (const QJsonValue &v : logs)
        m_logs.append(AttendeeLog::fromJson(v.toObject()));
    std::stable_sort(m_logs.begin(), m_logs.end(), byName);
    const bool first = !m_loaded;
    m_loaded = true;
    endResetModel();
    if (first)
        Q_EMIT loadedChanged();
}

bool AttendeeLogListModel::keptByMe(const AttendeeLog &log) const
{
    const Connection *connection = m_feed.connection();
    if (!connection)
        return false;
    const QJsonObject me = connection->user();
    if (roleAtLeast(
            roleFromName(me.value(QStringLiteral("role")).toString()).value_or(Role::Banned),
            Role::Manager))
        return true;
    const QUuid myId = QUuid::fromString(me.value(QStringLiteral("id")).toString());
    return std::any_of(log.gatekeepers.cbegin(), log.gatekeepers.cend(),
        [&](const AttendeeLog::Gatekeeper &g) { return g.userId == myId; });
}

void AttendeeLogListModel::upsert(const AttendeeLog &log)
{
    m_feed.keep([this, log] { merge(log); });
}

void AttendeeLogListModel::merge(const AttendeeLog &log)
{
    if (log.id.isNull())
        return;
    if (!keptByMe(log))
        return removeLog(log.id);
    const int row = rowOf(log.id);
    if (row >= 0 && m_logs.at(row).name == log.name) {
        m_logs[row] = log; // the count moved: the row stays where it is
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    if (row >= 0)
        removeLog(log.id);
    const auto at = std::upper_bound(m_logs.cbegin(), m_logs.cend(), log, byName);
    const int insertAt = int(at - m_logs.cbegin());
    beginInsertRows({}, insertAt, insertAt);
    m_logs.insert(insertAt, log);
    endInsertRows();
}

void AttendeeLogListModel::removeLog(const QUuid &logId)
{
    const int row = rowOf(logId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_logs.removeAt(row);
    endRemoveRows();
}

const AttendeeLog *AttendeeLogListModel::logAt(int row) const
{
    return row >= 0 && row < m_logs.size() ? &m_logs.at(row) : nullptr;
}

int AttendeeLogListModel::rowOf(const QUuid &logId) const
{
    for (int row = 0; row < m_logs.size(); ++row) {
        if (m_logs.at(row).id == logId)
            return row;
    }
    return -1;
}

} // namespace Muster
