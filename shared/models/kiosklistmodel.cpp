// See kiosklistmodel.h.
#include "kiosklistmodel.h"

#include "util/clocktext.h"
#include "util/elapsedtext.h"

#include <QJsonObject>

#include <algorithm>

namespace Muster {

KioskListModel::KioskListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    connect(&m_feed, &ConnectionFeed::loadWanted, this, &KioskListModel::reload);
    connect(&m_feed, &ConnectionFeed::loadFailed, this, &KioskListModel::loadFailed);
    connect(&m_feed, &ConnectionFeed::pushed, this,
        [this](const QString &method, const QJsonObject &params) {
            if (method == QLatin1String("kiosks.changed"))
                merge(Kiosk::fromJson(params.value(QStringLiteral("kiosk")).toObject()));
        });
}

int KioskListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_kiosks.size());
}

int KioskListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ExpiresColumn + 1;
}

KioskListModel::Status KioskListModel::statusOf(const Kiosk &kiosk, const QDateTime &now)
{
    if (kiosk.revoked)
        return Status::Revoked;
    if (kiosk.expiresAt <= now)
        return Status::Expired;
    if (now.secsTo(kiosk.expiresAt) < 24 * 3600)
        return Status::Expiring;
    return Status::Live;
}

QVariant KioskListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Kiosk &k = m_kiosks.at(index.row());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Status status = statusOf(k, now);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return k.name;
        case LocationColumn:
            return k.location;
        case StatusColumn:
            switch (status) {
            case Status::Live:
                return tr("Approved");
            case Status::Expiring:
                return tr("Expires soon");
            case Status::Expired:
                return tr("Expired");
            case Status::Revoked:
                return tr("Revoked");
            }
            return {};
        case LastSeenColumn:
            if (!k.lastSeen.isValid())
                return tr("Never connected");
            if (k.lastSeen.secsTo(now) < 60)
                return tr("Just now");
            return tr("%1 ago").arg(elapsedText(k.lastSeen, now));
        case ExpiresColumn:
            return k.revoked ? QString() : dateTimeText(k.expiresAt.toLocalTime());
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        QString tip
            = tr("Approved by %1 on %2")
                  .arg(k.approvedBy.isEmpty() ? tr("the server's administrator") : k.approvedBy,
                      dateTimeText(k.createdAt.toLocalTime()));
        if (k.lastSeen.isValid())
            tip += u'\n' + tr("Last connected %1").arg(dateTimeText(k.lastSeen.toLocalTime()));
        return tip;
    }
    switch (role) {
    case IdRole:
        return k.id.toString(QUuid::WithoutBraces);
    case NameRole:
        return k.name;
    case LocationRole:
        return k.location;
    case StatusRole:
        return int(status);
    case LastSeenRole:
        return k.lastSeen;
    case ExpiresAtRole:
        return k.expiresAt;
    case ApprovedByRole:
        return k.approvedBy;
    case CreatedAtRole:
        return k.createdAt;
    default:
        return {};
    }
}

QVariant KioskListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case LocationColumn:
        return tr("Location");
    case StatusColumn:
        return tr("Status");
    case LastSeenColumn:
        return tr("Last connected");
    case ExpiresColumn:
        return tr("Approval ends");
    }
    return {};
}

QHash<int, QByteArray> KioskListModel::roleNames() const
{
    return {
        {IdRole, "kioskId"},
        {NameRole, "name"},
        {LocationRole, "location"},
        {StatusRole, "status"},
        {LastSeenRole, "lastSeen"},
        {ExpiresAtRole, "expiresAt"},
        {ApprovedByRole, "approvedBy"},
        {CreatedAtRole, "createdAt"},
    };
}

void KioskListModel::setConnection(Connection *connection)
{
    m_client = connection ? std::make_unique<KioskFleetClient>(connection) : nullptr;
    m_feed.setConnection(connection);
}

void KioskListModel::reload()
{
    if (!m_client || !m_feed.isReady())
        return;
    m_feed.load(m_client->list(),
        [this](const QJsonValue &result) { reset(result[QStringLiteral("kiosks")].toArray()); });
}

void KioskListModel::clear()
{
    m_feed.forget();
    reset({});
    m_loaded = false;
    Q_EMIT loadedChanged();
}

void KioskListModel::reset(const QJsonArray &kiosks)
{
    beginResetModel();
    m_kiosks.clear();
    for (const QJsonValue &v : kiosks)
        m_kiosks.append(Kiosk::fromJson(v.toObject()));
    sortKiosks();
    // Loaded before the views hear of the reset: an empty list then reads as "none", not "not yet".
    const bool first = !m_loaded;
    m_loaded = true;
    endResetModel();
    if (first)
        Q_EMIT loadedChanged();
}

void KioskListModel::upsert(const Kiosk &kiosk)
{
    m_feed.keep([this, kiosk] { merge(kiosk); });
}

void KioskListModel::merge(const Kiosk &kiosk)
{
    if (kiosk.id.isNull())
        return;
    // A change can move a kiosk (renamed, revoked): re-sort under a layout change, which keeps
    // the selection on the same kiosk.
    Q_EMIT layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    QList<QUuid> ids;
    ids.reserve(before.size());
    for (const QModelIndex &i : before)
        ids.append(m_kiosks.at(i.row()).id);
    const auto it = std::find_if(
        m_kiosks.begin(), m_kiosks.end(), [&](const Kiosk &k) { return k.id == kiosk.id; });
    if (it != m_kiosks.end())
        *it = kiosk;
    else
        m_kiosks.append(kiosk);
    sortKiosks();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(index(rowOf(ids.at(i).toString(QUuid::WithoutBraces)), before.at(i).column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged();
}

void KioskListModel::sortKiosks()
{
    // As kiosks.list orders them: live first, then by name.
    std::stable_sort(m_kiosks.begin(), m_kiosks.end(), [](const Kiosk &a, const Kiosk &b) {
        if (a.revoked != b.revoked)
            return !a.revoked;
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
}

const Kiosk *KioskListModel::kioskAt(int row) const
{
    return row >= 0 && row < m_kiosks.size() ? &m_kiosks.at(row) : nullptr;
}

int KioskListModel::rowOf(const QString &kioskId) const
{
    const QUuid id = QUuid::fromString(kioskId);
    for (int row = 0; row < m_kiosks.size(); ++row) {
        if (m_kiosks.at(row).id == id)
            return row;
    }
    return -1;
}

} // namespace Muster
