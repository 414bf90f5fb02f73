// Group commit for chat messages. Every chat.send waits for its own commit before it is
// acknowledged; committing each alone would cost a disk flush and a few round trips apiece.
// The queue writes what arrives while earlier batches are being committed as one batch (one
// statement, one commit, ChatStore::sendBatch), so under load many messages share a flush and
// alone a message goes at once. A chat is in one batch at a time: two batches committing side by
// side could otherwise number a later message of one sender before an earlier one.
#pragma once

#include "db/chatstore.h"

#include <QList>
#include <QObject>
#include <QSet>

namespace Muster {

class ChatSendQueue : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxInFlight = 2; // batches being committed at once (of the pool's 4)
    static constexpr int kMaxBatch = 400;

    explicit ChatSendQueue(ChatStore &store, QObject *parent = nullptr);

    void send(const ChatStore::Outgoing &message, ChatStore::Handler<ChatStore::Sent> done);

private:
    struct Waiting
    {
        ChatStore::Outgoing message;
        ChatStore::Handler<ChatStore::Sent> done;
    };
    void flush();
    // What the batch could not say: each sent alone, for its own answer or reason.
    void sendAlone(const Waiting &w);

    // Takes the next batch off the queue: in order, skipping chats that are being committed.
    QList<Waiting> nextBatch();
    void done(const QList<Waiting> &batch);

    ChatStore &m_store;
    QList<Waiting> m_waiting;
    QSet<QUuid> m_busyChats;
    int m_inFlight = 0;
};

} // namespace Muster
