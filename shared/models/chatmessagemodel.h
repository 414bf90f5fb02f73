// One chat's conversation as a consultant sees it: the history, then every message as it comes
// (chat.message), in the server's order (seq). What I send shows at once as sending and becomes
// the stored message when the server has committed it; one not acknowledged (the connection
// dropped) is sent again with the same id when the connection is back, so it is never stored
// twice. Also whether the client is typing, and how far they have read.
#pragma once

#include "client/chatclient.h"
#include "domain/chatmessage.h"
#include "models/connectionfeed.h"

#include <QAbstractListModel>
#include <QList>
#include <QTimer>
#include <QUuid>

#include <memory>

namespace Muster {

class ChatMessageModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(bool clientTyping READ isClientTyping NOTIFY clientTypingChanged)
    Q_PROPERTY(qint64 clientReadSeq READ clientReadSeq NOTIFY clientReadSeqChanged)
public:
    enum Roles {
        SeqRole = Qt::UserRole + 1, // qint64; 0 while sending
        SenderRole, // QString: "client", "consultant", "system"
        SenderNameRole, // QString
        TextRole, // QString
        CreatedAtRole, // QDateTime (UTC)
        PendingRole, // bool: sent, not yet acknowledged
        ErrorRole, // QString: why it was refused, or empty
        ReadByClientRole, // bool
    };
    Q_ENUM(Roles)

    explicit ChatMessageModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConnection(Connection *connection);
    void setChat(const QUuid &chatId);
    QUuid chatId() const { return m_chatId; }
    bool isLoaded() const { return m_loaded; }
    bool isClientTyping() const { return m_clientTyping; }
    qint64 clientReadSeq() const { return m_clientReadSeq; }
    qint64 lastSeq() const;

    // Shows the message at once and sends it; false for nothing to send.
    Q_INVOKABLE bool send(const QString &text);
    // Tells the client I am writing (at most every few seconds) or stopped.
    Q_INVOKABLE void setTyping(bool typing);
    // Everything shown is read; answered with the chat (for ChatListModel::setRead).
    Q_INVOKABLE void markRead();

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void loadedChanged();
    void loadFailed(const QString &message);
    void clientTypingChanged();
    void clientReadSeqChanged();
    // A message of the client's arrived (for an unread marker, a sound).
    void clientWrote(const Muster::ChatMessage &message);
    void read(const QUuid &chatId, qint64 seq);
    void sendFailed(const QString &message);

private:
    struct Row
    {
        ChatMessage message;
        bool pending = false;
        QString error;
    };
    void merge(const ChatMessage &message);
    void deliver(const QString &clientMsgId);
    void setClientTyping(bool typing);

    ConnectionFeed m_feed;
    std::unique_ptr<ChatClient> m_client;
    QUuid m_chatId;
    QList<Row> m_rows;
    bool m_loaded = false;
    bool m_clientTyping = false;
    qint64 m_clientReadSeq = 0;
    qint64 m_readSent = 0;
    QTimer m_typingTimeout; // a client who stopped without saying so
    qint64 m_typingSentAt = 0;
};

} // namespace Muster
