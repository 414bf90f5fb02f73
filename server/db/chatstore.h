// The consultant chat's SQL: anteroom settings, the queue, chats and their messages, duty, and
// the sweep that ends what was left behind. The one rule that must hold under a race (a client
// is taken by one consultant, within their limit) is muster_chat_accept in
// resources/sql/15_chat.sql; everything else is here.
#pragma once

#include "domain/chat.h"
#include "domain/chatmessage.h"
#include "domain/chatsettings.h"
#include "pgstatement.h"
#include "storedpicture.h"
#include "storeerror.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUuid>

#include <chrono>
#include <functional>
#include <optional>

namespace Muster {

class Database;
class PgResult;

class ChatStore
{
public:
    template <typename T>
    using Handler = std::function<void(const T &value, const StoreError &error)>;

    // Which side of a chat is acting.
    struct Party
    {
        QUuid organisationId;
        QUuid chatId; // set for the client: their own chat only
        QUuid userId; // set for staff
        bool manager = false; // may act on any chat of the organisation
        bool isClient() const { return !chatId.isNull(); }
    };

    struct Anteroom
    {
        QUuid organisationId;
        ChatSettings settings;
        bool available = false; // a consultant on duty, online, in an available state, with room
        int waiting = 0; // clients in the queue now
        qint64 averageWaitMs = -1; // of recent pickups; -1 when there are none
    };

    struct Sent
    {
        ChatMessage message;
        Chat chat; // as it is after the message: who is to hear it
        bool duplicate = false; // the same clientMsgId was sent before: this is that message
    };

    // A chat that changed hands or ended, and the line the change wrote into it ("Sam has
    // joined the chat."), which both sides see in the history.
    struct Changed
    {
        Chat chat;
        ChatMessage notice;
        QUuid formerConsultantId; // who had the chat before a handover
    };

    // A consultant on duty, as a colleague handing over a chat or a manager sees them.
    struct Consultant
    {
        QUuid userId;
        QString displayName;
        QString chatName;
        int chats = 0; // in progress now
        bool online = false;
        bool available = false; // in a state that takes work
        QJsonObject toJson() const;
    };

    // How many chats a consultant has in progress (the board's "In chat (2)").
    struct Load
    {
        QUuid userId;
        int chats = 0;
    };

    struct Connection
    {
        QUuid id; // this connection's own id (see chats.client_connection)
        QUuid serverId;
    };

    struct Swept
    {
        QList<Chat> changed; // abandoned, timed out, or their client's server died
        QList<QUuid> organisations; // whose queue changed
        int deleted = 0; // chats past their organisation's retention
    };

    explicit ChatStore(Database &db)
        : m_db(db)
    { }

    // The organisation's settings, made with `newKey` the first time they are asked for.
    void settings(
        const QUuid &org, const QString &newKey, QObject *context, Handler<ChatSettings> handler);
    // Stores them and notes who changed what in the audit trail.
    void saveSettings(const QUuid &org, const QUuid &actor, const ChatSettings &settings,
        QObject *context, Handler<ChatSettings> handler);
    void rotateKey(const QUuid &org, const QUuid &actor, const QString &newKey, QObject *context,
        Handler<ChatSettings> handler);
    // Gives the anteroom the logo, or none when `logo` is empty; audited. The settings come back
    // with the new logo's hash.
    void setLogo(const QUuid &org, const QUuid &actor, const std::optional<StoredPicture> &logo,
        QObject *context, Handler<ChatSettings> handler);
    // The logo of the anteroom behind a public key; NotFound for an unknown or disabled
    // anteroom, or one without a logo.
    void logoByKey(const QString &publicKey, QObject *context, Handler<StoredPicture> handler);
    // The settings behind a public key, for the page and the Origin check; NotFound for an
    // unknown or disabled one.
    void settingsByKey(const QString &publicKey, QObject *context, Handler<ChatSettings> handler);
    // The answers the organisation keeps for its consultants, in order: [{id, title, body}].
    void cannedReplies(const QUuid &org, QObject *context, Handler<QJsonArray> handler);
    // Replaces them all with `replies` ([{title, body}], checked by the caller); audited.
    void setCannedReplies(const QUuid &org, const QUuid &actor, const QJsonArray &replies,
        QObject *context, Handler<QJsonArray> handler);
    // The anteroom behind a public key; NotFound for an unknown or disabled one.
    void anteroom(const QString &publicKey, QObject *context, Handler<Anteroom> handler);

    // A client joins the queue; Conflict ("queue_full") when the organisation's queue is full,
    // counted under a lock so a thousand joins at once cannot overfill it.
    void join(const QUuid &org, const Chat &intake, const QByteArray &tokenHash,
        const Connection &connection, QObject *context, Handler<Chat> handler);
    // A client's page comes back with its token: connected again, with its organisation.
    // NotFound for a token of a chat that ended more than ten minutes ago or never was.
    void resume(const QByteArray &tokenHash, const Connection &connection, QObject *context,
        std::function<void(const Chat &chat, const QUuid &org, const StoreError &error)> handler);
    // The client's connection closed: nothing happens when a newer connection took over.
    void clientLeft(
        const QUuid &chatId, const QUuid &connectionId, QObject *context, Handler<Chat> handler);

    void setDuty(const QUuid &org, const QUuid &userId, bool on, const QString &chatName,
        QObject *context, Handler<bool> handler);
    // Everyone on duty, by name, with their load.
    void consultants(const QUuid &org, QObject *context, Handler<QList<Consultant>> handler);
    // The chats in progress of these people of the organisation, one entry each.
    void loads(const QUuid &org, const QList<QUuid> &userIds, QObject *context,
        Handler<QList<Load>> handler);
    // The waiting clients who are connected, first come first, with their positions.
    void queue(const QUuid &org, QObject *context, Handler<QList<Chat>> handler);
    // Open chats: the consultant's own, or (all) every active one of the organisation.
    void openChats(const QUuid &org, const QUuid &userId, bool all, QObject *context,
        Handler<QList<Chat>> handler);
    void accept(const QUuid &org, const QUuid &userId, const QUuid &chatId, QObject *context,
        Handler<Changed> handler);
    // Stores a message, or finds the one sent before with the same clientMsgId. A client may
    // write while waiting; a consultant only in their own active chat.
    void send(const Party &party, const QUuid &chatId, const QString &text,
        const QString &clientMsgId, QObject *context, Handler<Sent> handler);
    // One message of a batch (sendBatch).
    struct Outgoing
    {
        Party party;
        QUuid chatId;
        QString text;
        QString clientMsgId;
    };
    // Stores many messages in one statement and one commit: what send does for each, with
    // their order kept per chat. An item comes back without a value when it could not be
    // written as asked (a closed chat, someone else's chat): send it alone for the reason. The
    // whole batch fails, with reason "raced", when two processes raced on one clientMsgId: the
    // same batch again finds the first one's message.
    void sendBatch(const QList<Outgoing> &batch, QObject *context,
        std::function<void(const QList<std::optional<Sent>> &sent, const StoreError &error)>
            handler);
    void markRead(const Party &party, const QUuid &chatId, qint64 seq, QObject *context,
        Handler<Chat> handler);
    void close(const Party &party, const QUuid &chatId, QObject *context, Handler<Changed> handler);
    void transfer(const Party &party, const QUuid &chatId, const QUuid &toUserId,
        const QString &note, QObject *context, Handler<Changed> handler);
    // A chat as one of its parties may see it (NotFound otherwise), with its messages after
    // `afterSeq`.
    void history(const Party &party, const QUuid &chatId, qint64 afterSeq, QObject *context,
        std::function<void(
            const Chat &chat, const QList<ChatMessage> &messages, const StoreError &error)>
            handler);
    // A client asks to be forgotten: the chat and its messages are deleted now.
    void forget(const Party &party, QObject *context, Handler<Chat> handler);

    // Ends what was left: waiting clients gone longer than `waitingGrace`, active chats whose
    // client has been gone longer than `activeGrace`, clients of servers no longer alive, and
    // chats past their organisation's retention.
    void sweep(std::chrono::seconds waitingGrace, std::chrono::seconds activeGrace,
        QObject *context, Handler<Swept> handler);

    static Chat chatAt(const PgResult &result, int row, int column = 0);
    static ChatMessage messageAt(const PgResult &result, int row, int column = 0);

private:
    // A chat taken or handed over: the claim (a function call), the line it writes into the
    // chat, and the chat as it is after, in one transaction.
    void changeHands(const PgStatement &claim, const QUuid &chatId, const QString &notice,
        QObject *context, Handler<Changed> handler);
    void sendOnce(const Party &party, const QUuid &chatId, const QString &text,
        const QString &clientMsgId, bool retry, QObject *context, Handler<Sent> handler);

    Database &m_db;
};

} // namespace Muster
