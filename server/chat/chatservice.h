// chat.* : the conversation itself, for both sides. Consultants (staff and above) go on duty,
// see the queue, take a client, write, hand a chat over and end it; the anonymous client writes,
// marks read and ends their own chat only. Also sweeps what was left behind: clients who never
// came back, and chats past the organisation's retention.
#pragma once

#include "chatsendqueue.h"
#include "db/chatstore.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace Muster {

class ChatPushes;
class Database;
class RpcCall;

class ChatService : public QObject
{
    Q_OBJECT
public:
    struct Timing
    {
        std::chrono::milliseconds sweepInterval {15000};
        // A waiting client gone this long has left for good (a reload comes back well within).
        std::chrono::seconds waitingGrace {60};
        // A client gone this long from a chat in progress: the chat ends.
        std::chrono::seconds activeGrace {15 * 60};
    };

    ChatService(Database &db, ChatPushes &pushes, QObject *parent = nullptr);

    void start(const Timing &timing);

    void duty(const RpcCall &call);
    void consultants(const RpcCall &call);
    void queue(const RpcCall &call);
    void list(const RpcCall &call);
    void accept(const RpcCall &call);
    void send(const RpcCall &call);
    void typing(const RpcCall &call);
    void read(const RpcCall &call);
    void close(const RpcCall &call);
    void transfer(const RpcCall &call);
    void history(const RpcCall &call);

    // One sweep now (the timer's work), then done with what changed.
    void sweep(std::function<void(const ChatStore::Swept &swept)> done = {});

private:
    // Which side the caller is on; a client reaches their own chat only.
    static ChatStore::Party partyOf(const RpcCall &call);
    // Reads the chatId param a chat method acts on; a client may name only their own.
    static std::optional<QUuid> chatIdOf(const RpcCall &call);
    void announce(const ChatStore::Changed &changed, bool queueMoved);

    ChatStore m_store;
    ChatSendQueue m_sends;
    ChatPushes &m_pushes;
    QTimer m_sweepTimer;
    Timing m_timing;
};

} // namespace Muster
