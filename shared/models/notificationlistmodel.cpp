// See notificationlistmodel.h.
#include "notificationlistmodel.h"

#include <QJsonObject>

#include <algorithm>

namespace Muster {

NotificationListModel::NotificationListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(&m_feed, &ConnectionFeed::loadWanted, this, &NotificationListModel::reload);
    connect(&m_feed, &ConnectionFeed::loadFailed, this, &NotificationListModel::loadFailed);
    connect(&m_feed, &ConnectionFeed::pushed, this,
        [this](const QString &method, const QJsonObject &params) {
            if (method != QLatin1String("notifications.added"))
                return;
            // Pushes bring one's own notices; someone else's are seen on the next load.
            const Notification n = Notification::fromJson(params);
            if (m_userId.isEmpty() || m_userId == n.userId.toString(QUuid::WithoutBraces))
                merge(n);
        });
    connect(this, &QAbstractItemModel::modelReset, this, &NotificationListModel::waitingChanged);
    connect(this, &QAbstractItemModel::rowsInserted, this, &NotificationListModel::waitingChanged);
    connect(this, &QAbstractItemModel::dataChanged, this, &NotificationListModel::waitingChanged);
}

int NotificationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_notifications.size());
}

QVariant NotificationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Notification &n = m_notifications.at(index.row());
    switch (role) {
    case IdRole:
        return n.id.toString(QUuid::WithoutBraces);
    case KindRole:
        return n.kind;
    case Qt::DisplayRole:
    case TitleRole:
        return n.title;
    case BodyRole:
        return n.body;
    case DataRole:
        return n.data.toVariantMap();
    case RequiresAckRole:
        return n.requiresAck;
    case AcknowledgedRole:
        return n.acknowledged;
    case WaitingRole:
        return n.requiresAck && !n.acknowledged;
    case CreatedAtRole:
        return n.createdAt;
    default:
        return {};
    }
}

QHash<int, QByteArray> NotificationListModel::roleNames() const
{
    return {
        {IdRole, "notificationId"},
        {KindRole, "kind"},
        {TitleRole, "title"},
        {BodyRole, "body"},
        {DataRole, "data"},
        {RequiresAckRole, "requiresAck"},
        {AcknowledgedRole, "acknowledged"},
        {WaitingRole, "waiting"},
        {CreatedAtRole, "createdAt"},
    };
}

void NotificationListModel::setConnection(Connection *connection)
{
    m_client = connection ? std::make_unique<TimeclockClient>(connection) : nullptr;
    m_feed.setConnection(connection);
}

void NotificationListModel::reload()
{
    if (!m_client || !m_feed.isReady())
        return;
    m_feed.load(m_client->notifications(false, m_userId), [this](const QJsonValue &result) {
        reset(result[QStringLiteral("notifications")].toArray());
    });
}

void NotificationListModel::clear()
{
    m_feed.forget();
    reset({});
}

void NotificationListModel::reset(const QJsonArray &notifications)
{
    beginResetModel();
    m_notifications.clear();
    for (const QJsonValue &v : notifications)
        m_notifications.append(Notification::fromJson(v.toObject()));
    std::stable_sort(m_notifications.begin(), m_notifications.end(), &before);
    endResetModel();
}

bool NotificationListModel::before(const Notification &a, const Notification &b)
{
    const bool aWaits = a.requiresAck && !a.acknowledged;
    const bool bWaits = b.requiresAck && !b.acknowledged;
    if (aWaits != bWaits)
        return aWaits;
    return a.createdAt > b.createdAt;
}

void NotificationListModel::upsert(const Notification &notification)
{
    m_feed.keep([this, notification] { merge(notification); });
}

void NotificationListModel::merge(const Notification &notification)
{
    for (int row = 0; row < m_notifications.size(); ++row) {
        if (m_notifications.at(row).id != notification.id)
            continue;
        if (m_notifications.at(row) == notification)
            return;
        // Acknowledging moves a notice out of the waiting ones: take it out, put it back below.
        beginRemoveRows({}, row, row);
        m_notifications.removeAt(row);
        endRemoveRows();
        break;
    }
    const auto at
        = std::upper_bound(m_notifications.cbegin(), m_notifications.cend(), notification, &before);
    const int insertAt = int(at - m_notifications.cbegin());
    beginInsertRows({}, insertAt, insertAt);
    m_notifications.insert(insertAt, notification);
    endInsertRows();
}

int NotificationListModel::waitingCount() const
{
    return int(std::count_if(m_notifications.cbegin(), m_notifications.cend(),
        [](const Notification &n) { return n.requiresAck && !n.acknowledged; }));
}

QVariantMap NotificationListModel::firstWaiting() const
{
    for (const Notification &n : m_notifications) {
        if (n.requiresAck && !n.acknowledged)
            return toMap(n);
    }
    return {};
}

QVariantMap NotificationListModel::toMap(const Notification &n) const
{
    return n.toJson().toVariantMap();
}

const Notification *NotificationListModel::notificationAt(int row) const
{
    return row >= 0 && row < m_notifications.size() ? &m_notifications.at(row) : nullptr;
}

RpcReply *NotificationListModel::acknowledge(const QString &notificationId)
{
    if (!m_client) {
        auto *reply = new RpcReply(this);
        reply->failLater(RpcError {
            RpcError::Disconnected, tr("Not connected"), QStringLiteral("disconnected"), {}});
        return reply;
    }
    RpcReply *reply = m_client->acknowledge(notificationId);
    reply->then(this, [this](const QJsonValue &result, const RpcError &error) {
        if (!error.isValid())
            upsert(Notification::fromJson(result[QStringLiteral("notification")].toObject()));
    });
    return reply;
}

} // namespace Muster
