// Chats as a consultant's window lists them, each list a model that feeds itself: the queue
// (clients waiting and connected, first come first), my chats in progress, or every chat in
// progress of the organisation (a manager's view). chat.queueChanged keeps each current: a chat
// comes in, moves or goes as its state says; chat.message moves a chat's unread count.
#pragma once

#include "client/chatclient.h"
#include "domain/chat.h"
#include "models/connectionfeed.h"

#include <QAbstractListModel>
#include <QJsonArray>
#include <QList>

#include <memory>

namespace Muster {

class ChatListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum class Kind { Queue, Mine, Live };
    Q_ENUM(Kind)

    enum Roles {
        IdRole = Qt::UserRole + 1, // QString
        AliasRole, // QString
        TopicRole, // QString
        StatusRole, // QString: "waiting", "active", …
        ConsultantNameRole, // QString
        ConsultantIdRole, // QString
        CreatedAtRole, // QDateTime (UTC): when the client came
        AcceptedAtRole, // QDateTime (UTC)
        ClientOnlineRole, // bool
        UnreadRole, // int: the client's messages after my last read mark
        PositionRole, // int
        TransferNoteRole, // QString
        AnswersRole, // QVariantList of {questionId, question, answer}
    };
    Q_ENUM(Roles)

    explicit ChatListModel(Kind kind, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConnection(Connection *connection);
    Kind kind() const { return m_kind; }
    int count() const { return int(m_chats.size()); }
    bool isLoaded() const { return m_loaded; }
    const Chat *chatAt(int row) const;
    const Chat *chat(const QUuid &id) const;
    int rowOf(const QUuid &id) const;
    // A chat this list should show now, as learnt from an answer (chat.accept): in, moved or out.
    void apply(const Chat &chat);
    // My side has read up to seq (after chat.read).
    void setRead(const QUuid &chatId, qint64 seq);

public Q_SLOTS:
    void reload();
    void clear();

Q_SIGNALS:
    void countChanged();
    void loadedChanged();
    void loadFailed(const QString &message);
    // A chat left this list, as it is now (ended, handed to someone else, taken).
    void chatLeft(const Muster::Chat &chat);

private:
    bool belongs(const Chat &chat) const;
    void reset(const QJsonArray &chats);
    void onMessage(const QJsonObject &message);
    static bool before(const Chat &a, const Chat &b);

    Kind m_kind;
    ConnectionFeed m_feed;
    std::unique_ptr<ChatClient> m_client;
    QList<Chat> m_chats;
    bool m_loaded = false;
};

} // namespace Muster
