// See chatlistmodel.h.
#include "chatlistmodel.h"

#include "domain/chatmessage.h"

#include <QJsonObject>

#include <algorithm>

namespace Muster {

ChatListModel::ChatListModel(Kind kind, QObject *parent)
    : QAbstractListModel(parent)
    , m_kind(kind)
{
    connect(&m_feed, &ConnectionFeed::loadWanted, this, &ChatListModel::reload);
    connect(&m_feed, &ConnectionFeed::loadFailed, this, &ChatListModel::loadFailed);
    connect(&m_feed, &ConnectionFeed::pushed, this,
        [this](const QString &method, const QJsonObject &params) {
            if (method == QLatin1String("chat.queueChanged"))
                apply(Chat::fromJson(params.value(QStringLiteral("chat")).toObject()));
            else if (method == QLatin1String("chat.message"))
                onMessage(params.value(QStringLiteral("message")).toObject());
        });
}

int ChatListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_chats.size());
}

QVariant ChatListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Chat &c = m_chats.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return c.topic.isEmpty() ? c.alias : tr("%1 — %2").arg(c.alias, c.topic);
    case IdRole:
        return c.id.toString(QUuid::WithoutBraces);
    case AliasRole:
        return c.alias;
    case TopicRole:
        return c.topic;
    case StatusRole:
        return Chat::statusName(c.status);
    case ConsultantNameRole:
        return c.consultantName;
    case ConsultantIdRole:
        return c.consultantId.isNull() ? QString() : c.consultantId.toString(QUuid::WithoutBraces);
    case CreatedAtRole:
        return c.createdAt;
    case AcceptedAtRole:
        return c.acceptedAt;
    case ClientOnlineRole:
        return c.clientOnline;
    case UnreadRole:
        return c.unread;
    case PositionRole:
        return c.position;
    case TransferNoteRole:
        return c.transferNote;
    case AnswersRole:
        return c.answers.toVariantList();
    }
    return {};
}

QHash<int, QByteArray> ChatListModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"}, {IdRole, "chatId"}, {AliasRole, "alias"},
        {TopicRole, "topic"}, {StatusRole, "status"}, {ConsultantNameRole, "consultantName"},
        {ConsultantIdRole, "consultantId"}, {CreatedAtRole, "createdAt"},
        {AcceptedAtRole, "acceptedAt"}, {ClientOnlineRole, "clientOnline"}, {UnreadRole, "unread"},
        {PositionRole, "position"}, {TransferNoteRole, "transferNote"}, {AnswersRole, "answers"}};
}

void ChatListModel::setConnection(Connection *connection)
{
    m_client = connection ? std::make_unique<ChatClient>(connection) : nullptr;
    if (!connection)
        clear();
    m_feed.setConnection(connection);
}

const Chat *ChatListModel::chatAt(int row) const
{
    return row >= 0 && row < m_chats.size() ? &m_chats.at(row) : nullptr;
}

const Chat *ChatListModel::chat(const QUuid &id) const
{
    return chatAt(rowOf(id));
}

int ChatListModel::rowOf(const QUuid &id) const
{
    for (qsizetype row = 0; row < m_chats.size(); ++row) {
        if (m_chats.at(row).id == id)
            return int(row);
    }
    return -1;
}

bool ChatListModel::belongs(const Chat &chat) const
{
    switch (m_kind) {
    case Kind::Queue:
        return chat.status == Chat::Status::Waiting && chat.clientOnline;
    case Kind::Mine: {
        const Connection *connection = m_feed.connection();
        const QUuid me = connection
            ? QUuid(connection->user().value(QStringLiteral("id")).toString())
            : QUuid();
        return chat.status == Chat::Status::Active && !me.isNull() && chat.consultantId == me;
    }
    case Kind::Live:
        return chat.status == Chat::Status::Active;
    }
    return false;
}

bool ChatListModel::before(const Chat &a, const Chat &b)
{
    // The queue in the order clients came; chats in progress in the order they were taken.
    const QDateTime &at = a.acceptedAt.isValid() ? a.acceptedAt : a.createdAt;
    const QDateTime &bt = b.acceptedAt.isValid() ? b.acceptedAt : b.createdAt;
    return at != bt ? at < bt : a.id < b.id;
}

void ChatListModel::apply(const Chat &chat)
{
    const int row = rowOf(chat.id);
    const bool wanted = belongs(chat);
    if (row >= 0 && !wanted) {
        beginRemoveRows({}, row, row);
        m_chats.removeAt(row);
        endRemoveRows();
        Q_EMIT countChanged();
        Q_EMIT chatLeft(chat);
        return;
    }
    if (!wanted)
        return;
    if (row >= 0) {
        Chat merged = chat;
        // A push says nothing of messages it did not count: keep the higher marks.
        merged.lastSeq = std::max(chat.lastSeq, m_chats.at(row).lastSeq);
        merged.consultantReadSeq
            = std::max(chat.consultantReadSeq, m_chats.at(row).consultantReadSeq);
        if (merged.lastSeq != chat.lastSeq || merged.consultantReadSeq != chat.consultantReadSeq)
            merged.unread = m_chats.at(row).unread;
        m_chats[row] = merged;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    const auto at = std::lower_bound(m_chats.cbegin(), m_chats.cend(), chat, before);
    const int insertAt = int(at - m_chats.cbegin());
    beginInsertRows({}, insertAt, insertAt);
    m_chats.insert(insertAt, chat);
    endInsertRows();
    Q_EMIT countChanged();
}

void ChatListModel::onMessage(const QJsonObject &json)
{
    const ChatMessage m = ChatMessage::fromJson(json);
    const int row = rowOf(m.chatId);
    if (row < 0 || m.seq <= m_chats.at(row).lastSeq)
        return;
    Chat &chat = m_chats[row];
    chat.lastSeq = m.seq;
    // Only what the client wrote waits to be read: my own lines and the server's do not.
    if (m.sender == QLatin1String("client") && m.seq > chat.consultantReadSeq)
        ++chat.unread;
    Q_EMIT dataChanged(index(row), index(row), {UnreadRole});
}

void ChatListModel::setRead(const QUuid &chatId, qint64 seq)
{
    const int row = rowOf(chatId);
    if (row < 0 || seq <= m_chats.at(row).consultantReadSeq)
        return;
    m_chats[row].consultantReadSeq = seq;
    // Read to the end, nothing waits; read to a point before it, the count is the server's to
    // say at the next load (the lines between may be mine).
    if (seq >= m_chats.at(row).lastSeq)
        m_chats[row].unread = 0;
    Q_EMIT dataChanged(index(row), index(row), {UnreadRole});
}

void ChatListModel::reset(const QJsonArray &chats)
{
    beginResetModel();
    m_chats.clear();
    for (const QJsonValue &c : chats) {
        const Chat chat = Chat::fromJson(c.toObject());
        if (belongs(chat))
            m_chats.append(chat);
    }
    std::sort(m_chats.begin(), m_chats.end(), before);
    endResetModel();
    Q_EMIT countChanged();
    if (!std::exchange(m_loaded, true))
        Q_EMIT loadedChanged();
}

void ChatListModel::reload()
{
    if (!m_client || !m_feed.isReady())
        return;
    RpcReply *reply
        = m_kind == Kind::Queue ? m_client->queue() : m_client->list(m_kind == Kind::Live);
    m_feed.load(reply,
        [this](const QJsonValue &result) { reset(result[QStringLiteral("chats")].toArray()); });
}

void ChatListModel::clear()
{
    m_feed.forget();
    reset({});
    m_loaded = false;
    Q_EMIT loadedChanged();
}

} // namespace Muster
