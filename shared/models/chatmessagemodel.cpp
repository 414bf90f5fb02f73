// See chatmessagemodel.h.
#include "chatmessagemodel.h"

#include "domain/chat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace Muster {

namespace {
constexpr auto kTypingShown = std::chrono::seconds(8);
constexpr qint64 kTypingEveryMs = 3000;
} // namespace

ChatMessageModel::ChatMessageModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_typingTimeout.setSingleShot(true);
    m_typingTimeout.setInterval(kTypingShown);
    connect(&m_typingTimeout, &QTimer::timeout, this, [this] { setClientTyping(false); });
    connect(&m_feed, &ConnectionFeed::loadWanted, this, &ChatMessageModel::reload);
    connect(&m_feed, &ConnectionFeed::loadFailed, this, &ChatMessageModel::loadFailed);
    connect(&m_feed, &ConnectionFeed::pushed, this,
        [this](const QString &method, const QJsonObject &params) {
            const QUuid chat(params.value(QStringLiteral("chatId")).toString());
            if (method == QLatin1String("chat.message")) {
                const ChatMessage m
                    = ChatMessage::fromJson(params.value(QStringLiteral("message")).toObject());
                if (m.chatId != m_chatId)
                    return;
                merge(m);
                if (m.sender == QLatin1String("client")) {
                    setClientTyping(false);
                    Q_EMIT clientWrote(m);
                }
            } else if (method == QLatin1String("chat.typing") && chat == m_chatId
                && params.value(QStringLiteral("sender")).toString() == QLatin1String("client")) {
                setClientTyping(params.value(QStringLiteral("typing")).toBool());
            } else if (method == QLatin1String("chat.read") && chat == m_chatId
                && params.value(QStringLiteral("reader")).toString() == QLatin1String("client")) {
                const qint64 seq = params.value(QStringLiteral("seq")).toInteger();
                if (seq > m_clientReadSeq) {
                    m_clientReadSeq = seq;
                    Q_EMIT clientReadSeqChanged();
                    if (!m_rows.isEmpty())
                        Q_EMIT dataChanged(
                            index(0), index(int(m_rows.size()) - 1), {ReadByClientRole});
                }
            }
        });
}

int ChatMessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ChatMessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return r.message.text;
    case SeqRole:
        return r.message.seq;
    case SenderRole:
        return r.message.sender;
    case SenderNameRole:
        return r.message.senderName;
    case CreatedAtRole:
        return r.message.createdAt;
    case PendingRole:
        return r.pending;
    case ErrorRole:
        return r.error;
    case ReadByClientRole:
        return !r.pending && r.message.seq > 0 && r.message.seq <= m_clientReadSeq;
    }
    return {};
}

QHash<int, QByteArray> ChatMessageModel::roleNames() const
{
    return {{SeqRole, "seq"}, {SenderRole, "sender"}, {SenderNameRole, "senderName"},
        {TextRole, "text"}, {CreatedAtRole, "createdAt"}, {PendingRole, "pending"},
        {ErrorRole, "error"}, {ReadByClientRole, "readByClient"}};
}

void ChatMessageModel::setConnection(Connection *connection)
{
    m_client = connection ? std::make_unique<ChatClient>(connection) : nullptr;
    m_feed.setConnection(connection);
}

void ChatMessageModel::setChat(const QUuid &chatId)
{
    if (chatId == m_chatId)
        return;
    m_feed.forget();
    beginResetModel();
    m_chatId = chatId;
    m_rows.clear();
    endResetModel();
    m_clientReadSeq = 0;
    m_readSent = 0;
    setClientTyping(false);
    if (std::exchange(m_loaded, false))
        Q_EMIT loadedChanged();
    reload();
}

qint64 ChatMessageModel::lastSeq() const
{
    qint64 last = 0;
    for (const Row &r : m_rows)
        last = std::max(last, r.message.seq);
    return last;
}

void ChatMessageModel::merge(const ChatMessage &message)
{
    // Mine coming back (the answer, or the push to my other windows): it replaces the one
    // shown as sending.
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        Row &r = m_rows[i];
        const bool same = r.message.seq == message.seq && message.seq > 0;
        const bool mine = r.pending && !message.clientMsgId.isEmpty()
            && r.message.clientMsgId == message.clientMsgId && r.message.sender == message.sender;
        if (same || mine) {
            if (mine) {
                beginRemoveRows({}, int(i), int(i));
                m_rows.removeAt(i);
                endRemoveRows();
                break;
            }
            return; // had it
        }
    }
    // In seq order, before anything still sending.
    qsizetype at = 0;
    while (at < m_rows.size() && !m_rows.at(at).pending && m_rows.at(at).message.seq < message.seq)
        ++at;
    beginInsertRows({}, int(at), int(at));
    m_rows.insert(at, Row {message, false, {}});
    endInsertRows();
}

bool ChatMessageModel::send(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || m_chatId.isNull() || !m_client)
        return false;
    ChatMessage m;
    m.chatId = m_chatId;
    m.sender = QStringLiteral("consultant");
    m.text = trimmed;
    m.clientMsgId = ChatClient::newClientMessageId();
    m.createdAt = QDateTime::currentDateTimeUtc();
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.append(Row {m, true, {}});
    endInsertRows();
    m_typingSentAt = 0;
    deliver(m.clientMsgId);
    return true;
}

void ChatMessageModel::deliver(const QString &clientMsgId)
{
    const auto it = std::find_if(m_rows.cbegin(), m_rows.cend(),
        [&](const Row &r) { return r.pending && r.message.clientMsgId == clientMsgId; });
    if (it == m_rows.cend() || !m_client)
        return;
    const QUuid chat = m_chatId;
    m_client->send(chat.toString(QUuid::WithoutBraces), it->message.text, clientMsgId)
        ->then(this, [this, chat, clientMsgId](const QJsonValue &result, const RpcError &error) {
            if (chat != m_chatId)
                return;
            if (!error.isValid()) {
                merge(ChatMessage::fromJson(result[QStringLiteral("message")].toObject()));
                return;
            }
            // Lost on the way: it goes again when the connection is back (reload).
            if (error.reason == QLatin1String("disconnected")
                || error.reason == QLatin1String("timeout"))
                return;
            for (qsizetype i = 0; i < m_rows.size(); ++i) {
                if (m_rows.at(i).pending && m_rows.at(i).message.clientMsgId == clientMsgId) {
                    m_rows[i].pending = false;
                    m_rows[i].error = error.message;
                    Q_EMIT dataChanged(index(int(i)), index(int(i)), {PendingRole, ErrorRole});
                }
            }
            Q_EMIT sendFailed(error.message);
        });
}

void ChatMessageModel::setTyping(bool typing)
{
    if (m_chatId.isNull() || !m_client)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (typing && now - m_typingSentAt < kTypingEveryMs)
        return;
    m_typingSentAt = typing ? now : 0;
    m_client->typing(m_chatId.toString(QUuid::WithoutBraces), typing);
}

void ChatMessageModel::markRead()
{
    const qint64 last = lastSeq();
    if (m_chatId.isNull() || !m_client || last <= m_readSent)
        return;
    m_readSent = last;
    const QUuid chat = m_chatId;
    m_client->markRead(chat.toString(QUuid::WithoutBraces), last)
        ->then(this, [this, chat, last](const QJsonValue &, const RpcError &error) {
            if (!error.isValid())
                Q_EMIT read(chat, last);
        });
}

void ChatMessageModel::setClientTyping(bool typing)
{
    if (typing)
        m_typingTimeout.start();
    else
        m_typingTimeout.stop();
    if (std::exchange(m_clientTyping, typing) != typing)
        Q_EMIT clientTypingChanged();
}

void ChatMessageModel::reload()
{
    if (!m_client || !m_feed.isReady() || m_chatId.isNull())
        return;
    m_feed.load(m_client->history(m_chatId.toString(QUuid::WithoutBraces)),
        [this](const QJsonValue &result) {
            const Chat chat = Chat::fromJson(result[QStringLiteral("chat")].toObject());
            for (const QJsonValue &m : result[QStringLiteral("messages")].toArray())
                merge(ChatMessage::fromJson(m.toObject()));
            if (chat.clientReadSeq > m_clientReadSeq) {
                m_clientReadSeq = chat.clientReadSeq;
                Q_EMIT clientReadSeqChanged();
            }
            if (!std::exchange(m_loaded, true))
                Q_EMIT loadedChanged();
            // What did not get through before is sent again, with its own id.
            QStringList unsent;
            for (const Row &r : std::as_const(m_rows)) {
                if (r.pending)
                    unsent.append(r.message.clientMsgId);
            }
            for (const QString &id : unsent)
                deliver(id);
        });
}

} // namespace Muster
