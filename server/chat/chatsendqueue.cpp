// See chatsendqueue.h.
#include "chatsendqueue.h"

#include "util/logging.h"

namespace Muster {

ChatSendQueue::ChatSendQueue(ChatStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{ }

void ChatSendQueue::send(
    const ChatStore::Outgoing &message, ChatStore::Handler<ChatStore::Sent> done)
{
    m_waiting.append({message, std::move(done)});
    if (m_inFlight < kMaxInFlight)
        flush();
}

void ChatSendQueue::sendAlone(const Waiting &w)
{
    m_store.send(
        w.message.party, w.message.chatId, w.message.text, w.message.clientMsgId, this, w.done);
}

QList<ChatSendQueue::Waiting> ChatSendQueue::nextBatch()
{
    QList<Waiting> batch;
    QSet<QUuid> held; // chats left waiting in this pass: their later messages wait too
    for (qsizetype i = 0; i < m_waiting.size() && batch.size() < kMaxBatch;) {
        const QUuid chat = m_waiting.at(i).message.chatId;
        if (m_busyChats.contains(chat) || held.contains(chat)) {
            held.insert(chat);
            ++i;
            continue;
        }
        batch.append(m_waiting.takeAt(i));
    }
    for (const Waiting &w : std::as_const(batch))
        m_busyChats.insert(w.message.chatId);
    return batch;
}

void ChatSendQueue::done(const QList<Waiting> &batch)
{
    --m_inFlight;
    for (const Waiting &w : batch)
        m_busyChats.remove(w.message.chatId);
}

void ChatSendQueue::flush()
{
    while (m_inFlight < kMaxInFlight) {
        const QList<Waiting> batch = nextBatch();
        if (batch.isEmpty())
            return;
        ++m_inFlight;
        if (batch.size() == 1) {
            // Alone, the precise path is as quick: no batch to build or read.
            const Waiting w = batch.first();
            m_store.send(w.message.party, w.message.chatId, w.message.text, w.message.clientMsgId,
                this, [this, batch](const ChatStore::Sent &sent, const StoreError &e) {
                    done(batch);
                    batch.first().done(sent, e);
                    flush();
                });
            continue;
        }
        qCDebug(lcRpc) << "writing" << batch.size() << "chat messages in one commit";
        QList<ChatStore::Outgoing> outgoing;
        outgoing.reserve(batch.size());
        for (const Waiting &w : batch)
            outgoing.append(w.message);
        m_store.sendBatch(outgoing, this,
            [this, batch](const QList<std::optional<ChatStore::Sent>> &sent, const StoreError &e) {
                done(batch);
                if (e.reason == QLatin1String("raced")) {
                    // Back to the front, in order: the next batch finds what the other wrote.
                    m_waiting = batch + m_waiting;
                } else {
                    for (qsizetype i = 0; i < batch.size(); ++i) {
                        if (e)
                            batch.at(i).done({}, e);
                        else if (sent.value(i))
                            batch.at(i).done(*sent.at(i), {});
                        else
                            sendAlone(batch.at(i)); // refused: alone it says why
                    }
                }
                flush();
            });
    }
}

} // namespace Muster
