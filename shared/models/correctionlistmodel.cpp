// See correctionlistmodel.h.
#include "correctionlistmodel.h"

#include "util/clocktext.h"
#include "util/durationtext.h"

#include <QJsonObject>

#include <algorithm>

namespace Muster {

CorrectionListModel::CorrectionListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    connect(&m_feed, &ConnectionFeed::loadWanted, this, &CorrectionListModel::reload);
    connect(&m_feed, &ConnectionFeed::loadFailed, this, &CorrectionListModel::loadFailed);
    connect(&m_feed, &ConnectionFeed::pushed, this,
        [this](const QString &method, const QJsonObject &params) {
            if (method == QLatin1String("corrections.changed"))
                merge(StopCorrection::fromJson(
                    params.value(QStringLiteral("correction")).toObject()));
            else if (method == QLatin1String("events.changed"))
                reload(); // another event may be the active one now
        });
}

int CorrectionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_corrections.size());
}

int CorrectionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : StatusColumn + 1;
}

QString CorrectionListModel::statusText(const StopCorrection &c)
{
    const QString who = c.decidedBy.isEmpty() ? tr("a former manager") : c.decidedBy;
    switch (c.status) {
    case StopCorrection::Status::Pending:
        return tr("Waiting for a manager");
    case StopCorrection::Status::Approved:
        return c.reason.isEmpty() ? tr("Approved by %1").arg(who)
                                  : tr("Approved by %1: %2").arg(who, c.reason);
    case StopCorrection::Status::Refused:
        return tr("Refused by %1: %2").arg(who, c.reason);
    }
    return {};
}

QVariant CorrectionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StopCorrection &c = m_corrections.at(index.row());
    const bool pending = c.status == StopCorrection::Status::Pending;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case PersonColumn:
            return c.badge.isEmpty() ? c.userName : tr("%1 (#%2)").arg(c.userName, c.badge);
        case TeamColumn:
            return c.teamName;
        case StartColumn:
            return dateTimeText(c.start.toLocalTime());
        case AutoStopColumn:
            return clockText(c.autoStop.toLocalTime());
        case RequestedStopColumn:
            return c.requestedStop.toLocalTime().date() == c.start.toLocalTime().date()
                ? clockText(c.requestedStop.toLocalTime())
                : dateTimeText(c.requestedStop.toLocalTime());
        case ChangeColumn: {
            const qint64 difference = c.differenceSeconds();
            return QString((difference >= 0 ? u'+' : u'−') + durationText(qAbs(difference)));
        }
        case NoteColumn:
            return c.note;
        case StatusColumn:
            return statusText(c);
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == NoteColumn && !c.note.isEmpty())
            return c.note;
        if (index.column() == StatusColumn)
            return statusText(c);
        return tr("%1 worked from %2; the end of the day stopped the shift at %3; they say they "
                  "stopped at %4.")
            .arg(c.userName, dateTimeText(c.start.toLocalTime()),
                clockText(c.autoStop.toLocalTime()), dateTimeText(c.requestedStop.toLocalTime()));
    }
    switch (role) {
    case IdRole:
        return c.id.toString(QUuid::WithoutBraces);
    case EntryIdRole:
        return c.entryId.toString(QUuid::WithoutBraces);
    case UserIdRole:
        return c.userId.toString(QUuid::WithoutBraces);
    case PendingRole:
        return pending;
    case StartRole:
        return c.start;
    case AutoStopRole:
        return c.autoStop;
    case RequestedStopRole:
        return c.requestedStop;
    case StatusTextRole:
        return statusText(c);
    default:
        return {};
    }
}

QVariant CorrectionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PersonColumn:
        return tr("Person");
    case TeamColumn:
        return tr("Team");
    case StartColumn:
        return tr("Shift began");
    case AutoStopColumn:
        return tr("Stopped automatically");
    case RequestedStopColumn:
        return tr("Really stopped");
    case ChangeColumn:
        return tr("Change");
    case NoteColumn:
        return tr("Their note");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

QHash<int, QByteArray> CorrectionListModel::roleNames() const
{
    return {
        {IdRole, "correctionId"},
        {EntryIdRole, "entryId"},
        {UserIdRole, "userId"},
        {PendingRole, "pending"},
        {StartRole, "start"},
        {AutoStopRole, "autoStop"},
        {RequestedStopRole, "requestedStop"},
        {StatusTextRole, "statusText"},
    };
}

void CorrectionListModel::setConnection(Connection *connection)
{
    m_client = connection ? std::make_unique<CorrectionsClient>(connection) : nullptr;
    m_feed.setConnection(connection);
}

void CorrectionListModel::reload()
{
    if (!m_client || !m_feed.isReady())
        return;
    m_feed.load(m_client->list(), [this](const QJsonValue &result) {
        reset(result[QStringLiteral("corrections")].toArray());
    });
}

void CorrectionListModel::clear()
{
    m_feed.forget();
    reset({});
    m_loaded = false;
    Q_EMIT loadedChanged();
}

bool CorrectionListModel::before(const StopCorrection &a, const StopCorrection &b)
{
    const bool aPending = a.status == StopCorrection::Status::Pending;
    const bool bPending = b.status == StopCorrection::Status::Pending;
    if (aPending != bPending)
        return aPending;
    if (aPending)
        return a.createdAt < b.createdAt; // the longest waiting first
    return a.decidedAt > b.decidedAt;
}

int CorrectionListModel::pendingCount() const
{
    return int(std::count_if(m_corrections.cbegin(), m_corrections.cend(),
        [](const StopCorrection &c) { return c.status == StopCorrection::Status::Pending; }));
}

void CorrectionListModel::reset(const QJsonArray &corrections)
{
    const int pendingBefore = pendingCount();
    beginResetModel();
    m_corrections.clear();
    for (const QJsonValue &v : corrections)
        m_corrections.append(StopCorrection::fromJson(v.toObject()));
    std::stable_sort(m_corrections.begin(), m_corrections.end(), &CorrectionListModel::before);
    const bool first = !m_loaded;
    m_loaded = true;
    endResetModel();
    if (first)
        Q_EMIT loadedChanged();
    if (pendingCount() != pendingBefore)
        Q_EMIT pendingCountChanged();
}

void CorrectionListModel::upsert(const StopCorrection &correction)
{
    m_feed.keep([this, correction] { merge(correction); });
}

void CorrectionListModel::merge(const StopCorrection &correction)
{
    if (correction.id.isNull())
        return;
    const int pendingBefore = pendingCount();
    // A decision moves a request down: re-sort under a layout change, which keeps the selection
    // on the same request.
    Q_EMIT layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    QList<QUuid> ids;
    ids.reserve(before.size());
    for (const QModelIndex &i : before)
        ids.append(m_corrections.at(i.row()).id);
    const auto it = std::find_if(m_corrections.begin(), m_corrections.end(),
        [&](const StopCorrection &c) { return c.id == correction.id; });
    if (it != m_corrections.end())
        *it = correction;
    else
        m_corrections.append(correction);
    std::stable_sort(m_corrections.begin(), m_corrections.end(), &CorrectionListModel::before);
    QModelIndexList after;
    after.reserve(before.size());
    for (int i = 0; i < before.size(); ++i)
        after.append(index(rowOf(ids.at(i)), before.at(i).column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged();
    if (pendingCount() != pendingBefore)
        Q_EMIT pendingCountChanged();
}

const StopCorrection *CorrectionListModel::correctionAt(int row) const
{
    return row >= 0 && row < m_corrections.size() ? &m_corrections.at(row) : nullptr;
}

const StopCorrection *CorrectionListModel::forEntry(const QUuid &entryId) const
{
    for (const StopCorrection &c : m_corrections) {
        if (c.entryId == entryId)
            return &c;
    }
    return nullptr;
}

int CorrectionListModel::rowOf(const QUuid &correctionId) const
{
    for (int row = 0; row < m_corrections.size(); ++row) {
        if (m_corrections.at(row).id == correctionId)
            return row;
    }
    return -1;
}

} // namespace Muster
