// See chatdesk.h.
#include "chatdesk.h"

#include "client/connection.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Muster {

ChatDesk::ChatDesk(QObject *parent)
    : QObject(parent)
{
    // A client who comes while the queue is loaded (not the queue as first read) rings.
    connect(&m_queue, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex &, int first, int last) {
            if (!m_consultants.isOnDuty())
                return;
            for (int row = first; row <= last; ++row) {
                if (const Chat *chat = m_queue.chatAt(row))
                    Q_EMIT clientArrived(chat->alias, chat->topic);
            }
        });
    for (ChatListModel *model : {&m_queue, &m_mine}) {
        connect(model, &QAbstractItemModel::modelReset, this, &ChatDesk::recount);
        connect(model, &QAbstractItemModel::rowsInserted, this, &ChatDesk::recount);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &ChatDesk::recount);
        connect(model, &QAbstractItemModel::dataChanged, this, &ChatDesk::recount);
    }
    connect(&m_consultants, &ConsultantListModel::onDutyChanged, this, &ChatDesk::recount);
}

void ChatDesk::setConnection(Connection *connection, bool manager)
{
    if (connection == m_connection && manager == m_manager)
        return;
    m_connection = connection;
    m_manager = manager;
    m_client = connection ? std::make_unique<ChatClient>(connection) : nullptr;
    m_queue.setConnection(connection);
    m_mine.setConnection(connection);
    m_live.setConnection(manager ? connection : nullptr);
    m_consultants.setConnection(connection);
    m_canned.clear();
    Q_EMIT cannedRepliesChanged();
    if (connection) {
        connect(connection, &Connection::signedIn, this, &ChatDesk::reloadCannedReplies,
            Qt::UniqueConnection);
        if (connection->state() == Connection::State::Ready)
            reloadCannedReplies();
    }
    recount();
    Q_EMIT followingChanged();
}

void ChatDesk::reloadCannedReplies()
{
    if (!m_client)
        return;
    m_client->cannedReplies()->then(this, [this](const QJsonValue &result, const RpcError &error) {
        if (error.isValid())
            return;
        m_canned.clear();
        for (const QJsonValue &v : result[QStringLiteral("replies")].toArray()) {
            const QJsonObject o = v.toObject();
            m_canned.append({o.value(QStringLiteral("title")).toString(),
                o.value(QStringLiteral("body")).toString()});
        }
        Q_EMIT cannedRepliesChanged();
    });
}

void ChatDesk::recount()
{
    int count = m_consultants.isOnDuty() ? m_queue.rowCount() : 0;
    for (int row = 0; row < m_mine.rowCount(); ++row)
        count += m_mine.index(row).data(ChatListModel::UnreadRole).toInt();
    if (count == m_attention)
        return;
    m_attention = count;
    Q_EMIT attentionChanged();
}

} // namespace Muster
