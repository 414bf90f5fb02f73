// The consultant's side of the chat for as long as the app runs, whichever place is showing:
// the queue, my chats, who is on duty, the organisation's canned replies and, for managers,
// every chat in progress. It is the window's to own, not the Chat place's, so that a client who
// arrives while I look at the board still rings (clientArrived) and the sidebar still counts
// what waits for me (attention).
#pragma once

#include "client/chatclient.h"
#include "models/chatlistmodel.h"
#include "models/consultantlistmodel.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

namespace Muster {

class Connection;

class ChatDesk : public QObject
{
    Q_OBJECT
public:
    struct CannedReply
    {
        QString title;
        QString body;
    };

    explicit ChatDesk(QObject *parent = nullptr);

    // nullptr, or a connection of someone below staff: nothing to follow. Managers also follow
    // every chat in progress.
    void setConnection(Connection *connection, bool manager);
    Connection *connection() const { return m_connection; }
    bool isManager() const { return m_manager; }
    ChatClient *client() const { return m_client.get(); }

    ChatListModel &queue() { return m_queue; }
    ChatListModel &mine() { return m_mine; }
    ChatListModel &live() { return m_live; }
    ConsultantListModel &consultants() { return m_consultants; }
    const QList<CannedReply> &cannedReplies() const { return m_canned; }

    // Clients waiting (while I am on duty) and unread messages in my chats.
    int attention() const { return m_attention; }

public Q_SLOTS:
    void reloadCannedReplies();

Q_SIGNALS:
    // A client joined the queue while I am on duty: time for a sound and a notification.
    void clientArrived(const QString &alias, const QString &topic);
    void attentionChanged();
    // Another connection, or a role that sees more or less (a manager's lists).
    void followingChanged();
    void cannedRepliesChanged();

private:
    void recount();

    QPointer<Connection> m_connection;
    bool m_manager = false;
    std::unique_ptr<ChatClient> m_client;
    ChatListModel m_queue {ChatListModel::Kind::Queue};
    ChatListModel m_mine {ChatListModel::Kind::Mine};
    ChatListModel m_live {ChatListModel::Kind::Live};
    ConsultantListModel m_consultants;
    QList<CannedReply> m_canned;
    int m_attention = 0;
};

} // namespace Muster
