// See rostermodel.h.
#include "rostermodel.h"

#include "domain/timetotals.h"
#include "models/teamlistmodel.h"
#include "protocol/wiretime.h"
#include "util/durationtext.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Muster {

namespace {

constexpr auto kTotalsGathering = std::chrono::milliseconds(250);

} // namespace

RosterModel::RosterModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    connect(&m_feed, &ConnectionFeed::loadWanted, this, &RosterModel::reload);
    connect(&m_feed, &ConnectionFeed::loadFailed, this, &RosterModel::loadFailed);
    connect(&m_feed, &ConnectionFeed::pushed, this, &RosterModel::onPush);
    m_totalsTimer.setSingleShot(true);
    m_totalsTimer.setInterval(kTotalsGathering);
    connect(&m_totalsTimer, &QTimer::timeout, this, &RosterModel::refreshTotals);
}

int RosterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_people.size());
}

int RosterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : OnShiftColumn + 1;
}

QVariant RosterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RosterEntry &p = m_people.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case BadgeColumn:
            return p.badge;
        case NameColumn:
            return p.displayName;
        case RoleColumn:
            return roleTitle(p.role);
        case TeamColumn:
            return teamName(p.teamId);
        // Nothing worked reads as nothing, not as a column of zeros to scan past.
        case WorkedColumn:
            return p.workedSeconds > 0 ? durationText(p.workedSeconds) : QString();
        case EarnedColumn:
            return p.earnedSeconds > 0 ? durationText(p.earnedSeconds) : QString();
        case OnShiftColumn:
            if (!p.onShift())
                return QString();
            return tr("%1, %2").arg(teamName(p.shiftTeamId),
                durationText(p.shiftStart.secsTo(QDateTime::currentDateTimeUtc())));
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        const bool number = index.column() == BadgeColumn || index.column() == WorkedColumn
            || index.column() == EarnedColumn;
        return QVariant::fromValue(Qt::AlignVCenter | (number ? Qt::AlignRight : Qt::AlignLeft));
    }
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return tr("%1 (login %2)").arg(p.displayName, p.login);
    if (role == SortRole) {
        switch (index.column()) {
        case BadgeColumn:
            // Numbers by value, and people without one last.
            return p.badge.isEmpty() ? std::numeric_limits<qlonglong>::max() : p.badge.toLongLong();
        case NameColumn:
            return p.displayName.toLower();
        case RoleColumn:
            return int(p.role);
        case TeamColumn:
            return teamName(p.teamId).toLower();
        case WorkedColumn:
            return p.workedSeconds;
        case EarnedColumn:
            return p.earnedSeconds;
        case OnShiftColumn:
            // Longest on shift first when sorted down; off shift at the end.
            return p.onShift() ? p.shiftStart.toSecsSinceEpoch()
                               : std::numeric_limits<qlonglong>::max();
        }
        return {};
    }
    switch (role) {
    case UserIdRole:
        return p.userId.toString(QUuid::WithoutBraces);
    case LoginRole:
        return p.login;
    case DisplayNameRole:
        return p.displayName;
    case RoleNameRole:
        return roleName(p.role);
    case TeamIdRole:
        return p.teamId.isNull() ? QString() : p.teamId.toString(QUuid::WithoutBraces);
    case BadgeRole:
        return p.badge;
    case WorkedSecondsRole:
        return p.workedSeconds;
    case EarnedSecondsRole:
        return p.earnedSeconds;
    case EntriesRole:
        return p.entries;
    case ShiftStartRole:
        return p.shiftStart;
    default:
        return {};
    }
}

QVariant RosterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case BadgeColumn:
        return tr("Badge");
    case NameColumn:
        return tr("Name");
    case RoleColumn:
        return tr("Role");
    case TeamColumn:
        return tr("Team");
    case WorkedColumn:
        return tr("Worked");
    case EarnedColumn:
        return tr("Earned");
    case OnShiftColumn:
        return tr("On shift now");
    }
    return {};
}

QHash<int, QByteArray> RosterModel::roleNames() const
{
    return {
        {UserIdRole, "userId"},
        {LoginRole, "login"},
        {DisplayNameRole, "displayName"},
        {RoleNameRole, "role"},
        {TeamIdRole, "teamId"},
        {BadgeRole, "badge"},
        {WorkedSecondsRole, "workedSeconds"},
        {EarnedSecondsRole, "earnedSeconds"},
        {EntriesRole, "entries"},
        {ShiftStartRole, "shiftStart"},
    };
}

void RosterModel::setConnection(Connection *connection)
{
    m_admin = connection ? std::make_unique<AdminClient>(connection) : nullptr;
    m_timeclock = connection ? std::make_unique<TimeclockClient>(connection) : nullptr;
    m_feed.setConnection(connection);
}

void RosterModel::setTeams(TeamListModel *teams)
{
    if (m_teams)
        disconnect(m_teams, nullptr, this, nullptr);
    m_teams = teams;
    if (!m_teams)
        return;
    // Names follow a renamed team.
    connect(m_teams, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_people.isEmpty())
            Q_EMIT dataChanged(index(0, TeamColumn), index(rowCount() - 1, OnShiftColumn));
    });
}

QString RosterModel::teamName(const QUuid &teamId) const
{
    if (teamId.isNull() || !m_teams)
        return {};
    const Team *t = m_teams->teamById(teamId.toString(QUuid::WithoutBraces));
    return t ? t->name : QString();
}

void RosterModel::reload()
{
    if (!m_admin || !m_feed.isReady())
        return;
    m_feed.load(m_admin->listPeople(),
        [this](const QJsonValue &result) { reset(result[QStringLiteral("people")].toArray()); });
}

void RosterModel::clear()
{
    m_feed.forget();
    m_totalsWanted.clear();
    reset({});
    m_loaded = false;
    Q_EMIT loadedChanged();
}

void RosterModel::reset(const QJsonArray &people)
{
    beginResetModel();
    m_people.clear();
    m_people.reserve(people.size());
    m_rowById.clear();
    for (const QJsonValue &v : people) {
        m_rowById.insert(QUuid(v[QStringLiteral("userId")].toString()), int(m_people.size()));
        m_people.append(RosterEntry::fromJson(v.toObject()));
    }
    const bool first = !m_loaded;
    m_loaded = true;
    endResetModel();
    if (first)
        Q_EMIT loadedChanged();
    countOnShift();
}

void RosterModel::upsert(const RosterEntry &entry)
{
    m_feed.keep([this, entry] { merge(entry); });
}

void RosterModel::merge(const RosterEntry &entry)
{
    const int row = m_rowById.value(entry.userId, -1);
    if (row >= 0) {
        m_people[row] = entry;
        changed(row);
        countOnShift();
        return;
    }
    // Appended: the screen's sorting puts it in its place.
    const int at = int(m_people.size());
    beginInsertRows({}, at, at);
    m_people.append(entry);
    m_rowById.insert(entry.userId, at);
    endInsertRows();
    countOnShift();
}

const RosterEntry *RosterModel::entryAt(int row) const
{
    return row >= 0 && row < m_people.size() ? &m_people.at(row) : nullptr;
}

const RosterEntry *RosterModel::entry(const QString &userId) const
{
    return entryAt(rowOf(userId));
}

int RosterModel::rowOf(const QString &userId) const
{
    return m_rowById.value(QUuid(userId), -1);
}

void RosterModel::changed(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, OnShiftColumn));
}

void RosterModel::countOnShift()
{
    const int count = int(std::count_if(
        m_people.cbegin(), m_people.cend(), [](const RosterEntry &p) { return p.onShift(); }));
    if (count == m_onShift)
        return;
    m_onShift = count;
    Q_EMIT onShiftCountChanged();
}

void RosterModel::onPush(const QString &method, const QJsonObject &params)
{
    if (method == QLatin1String("profile.changed"))
        applyProfile(params);
    else if (method == QLatin1String("timeclock.entryChanged"))
        applyEntry(params.value(QStringLiteral("change")).toString(),
            params.value(QStringLiteral("entry")).toObject());
    else if (method == QLatin1String("timeclock.totalsChanged")
        || method == QLatin1String("events.changed"))
        reload();
}

void RosterModel::applyProfile(const QJsonObject &change)
{
    const int row = rowOf(change.value(QStringLiteral("userId")).toString());
    if (row < 0) {
        // Someone new (made by another manager): read the roster again.
        if (change.contains(QStringLiteral("displayName")))
            reload();
        return;
    }
    RosterEntry &p = m_people[row];
    if (change.contains(QStringLiteral("displayName")))
        p.displayName = change.value(QStringLiteral("displayName")).toString();
    if (change.contains(QStringLiteral("login")))
        p.login = change.value(QStringLiteral("login")).toString();
    if (change.contains(QStringLiteral("role")))
        p.role = roleFromName(change.value(QStringLiteral("role")).toString()).value_or(p.role);
    if (change.contains(QStringLiteral("teamId")))
        p.teamId = QUuid(change.value(QStringLiteral("teamId")).toString());
    if (change.contains(QStringLiteral("badge")))
        p.badge = change.value(QStringLiteral("badge")).toString();
    changed(row);
}

void RosterModel::applyEntry(const QString &change, const QJsonObject &entry)
{
    const QUuid userId(entry.value(QStringLiteral("userId")).toString());
    const int row = m_rowById.value(userId, -1);
    if (row < 0)
        return;
    if (change == QLatin1String("started")) {
        // On shift from now: shown at once, no request needed.
        RosterEntry &p = m_people[row];
        p.shiftStart = fromWireTime(entry.value(QStringLiteral("start")));
        p.shiftTeamId = QUuid(entry.value(QStringLiteral("teamId")).toString());
        changed(row);
        countOnShift();
        return;
    }
    // A stop, a correction or a deletion changes the sums: ask for this person's, as state.
    m_totalsWanted.insert(userId);
    if (!m_totalsTimer.isActive())
        m_totalsTimer.start();
}

void RosterModel::refreshTotals()
{
    if (!m_timeclock || !m_feed.isReady())
        return;
    const QSet<QUuid> wanted = std::exchange(m_totalsWanted, {});
    for (const QUuid &userId : wanted) {
        m_timeclock->totals(QString(), userId.toString(QUuid::WithoutBraces))
            ->then(this, [this, userId](const QJsonValue &result, const RpcError &error) {
                const int row = m_rowById.value(userId, -1);
                if (error.isValid() || row < 0)
                    return;
                const TimeTotals totals = TimeTotals::fromJson(result.toObject());
                RosterEntry &p = m_people[row];
                // The totals count the shift under way up to now; the roster, finished ones.
                const qint64 ongoingWorked = totals.ongoing ? totals.ongoing->workedSeconds : 0;
                const qint64 ongoingEarned = totals.ongoing ? totals.ongoing->earnedSeconds : 0;
                p.workedSeconds = totals.workedSeconds - ongoingWorked;
                p.earnedSeconds = totals.earnedSeconds - ongoingEarned;
                p.entries = totals.entries;
                p.shiftStart = totals.ongoing ? totals.ongoing->start : QDateTime();
                p.shiftTeamId = totals.ongoing ? totals.ongoing->teamId : QUuid();
                changed(row);
                countOnShift();
            });
    }
}

} // namespace Muster
