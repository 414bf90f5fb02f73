// One wire thread: an epoll loop that owns a share of the server's TCP connections from accept to
// close — the request head, the WebSocket frames both ways, keep-alive and every deadline — and
// talks to the main thread only through Wire (events out, commands in). No Qt event loop, no
// QObject per connection: a connection is a WireConnection, its deadlines are entries in one
// TimerWheel, and its output is written at once, with write interest registered only while the
// peer has not taken everything.
//
// The life of a connection: Head (read the request head; 400 or 431 here) → AwaitingAnswer (the
// main thread answers, or accepts the upgrade) → Open (a WebSocket) → Closing (close frames
// exchanged) → closed; an HTTP answer or a protocol failure goes through Lingering instead: the
// last bytes go out, our side shuts down, and what the peer still sends is read and dropped until
// it closes too, so it never meets a reset before it has read the answer.
#pragma once

#include "framedecoder.h"
#include "mailbox.h"
#include "timerwheel.h"
#include "wirecommand.h"
#include "wireconnection.h"
#include "wireevent.h"

#include <QThread>

#include <atomic>
#include <chrono>
#include <vector>

struct epoll_event;

namespace Muster {

class MemoryBudget;
class Wire;

class WireThread : public QThread, private FrameDecoder::Sink
{
public:
    struct Settings
    {
        // Until the peer has signed in: signing in takes a few hundred bytes.
        qint64 maxMessageBytesBeforeSignIn = 16 * 1024;
        qint64 maxHeadBytes = 16 * 1024;
        // What a peer may leave unread before it is dropped (pushes pile up for a stalled one).
        qint64 maxUnsentBytes = 8 * 1024 * 1024;
        std::chrono::milliseconds headTimeout {10000}; // to send a whole request head
        std::chrono::milliseconds answerTimeout {30000};
        std::chrono::milliseconds authTimeout {10000};
        std::chrono::milliseconds pingInterval {30000}; // a peer missing two pongs is dropped
        std::chrono::milliseconds closeTimeout {5000};
    };

    WireThread(int index, Wire &wire, MemoryBudget &budget, const Settings &settings);
    ~WireThread() override;

    // Accepts from this listening socket, its own (see Wire::listen).
    void addListener(int fd);
    // Thread-safe: queues commands and wakes the thread.
    void post(WireCommand &&command);
    void post(std::vector<WireCommand> &&commands);
    // Thread-safe: the loop ends, and every connection is dropped.
    void stop();

    int index() const { return m_index; }

private:
    void run() override;
    void wake();
    void runCommands();
    void command(WireCommand &command);
    void watchListener(int fd);
    void acceptAll();
    void onReady(WireConnection &c, quint32 events);
    void readFrom(WireConnection &c);
    void consume(WireConnection &c, QByteArrayView bytes);
    void readHead(WireConnection &c, QByteArrayView bytes);
    void readFrames(WireConnection &c, QByteArrayView bytes);
    void accept(WireConnection &c, QByteArray &&answer);
    void queue(WireConnection &c, QByteArray &&bytes);
    void send(WireConnection &c, const QByteArray &frame);
    void flush(WireConnection &c);
    void flushAll();
    void sendClose(WireConnection &c, CloseCode code, QByteArrayView reason);
    void linger(WireConnection &c, QByteArray &&lastBytes);
    void onTimer(quint64 id, qint64 tick);
    void arm(WireConnection &c);
    void account(WireConnection &c);
    void setInterest(WireConnection &c, bool read, bool write);
    // Graceful: what is queued in the kernel still goes out. Abort: a reset.
    enum class End { Graceful, Abort };
    void finish(WireConnection &c, End end = End::Graceful);
    void report(WireEvent &&event);
    WireConnection *find(quint64 id) const;
    void release(WireConnection *c);

    // FrameDecoder::Sink, for the connection being read (m_reading).
    void textMessage(QByteArray &&utf8) override;
    void binaryMessage(QByteArray &&bytes) override;
    void ping(QByteArrayView payload) override;
    void pong(QByteArrayView payload) override;
    void closeFrame(quint16 code, QByteArrayView reason) override;

    const int m_index;
    Wire &m_wire;
    MemoryBudget &m_budget;
    const Settings m_settings;
    int m_epoll = -1;
    int m_wake = -1; // an eventfd: commands are waiting, or stop
    std::vector<int> m_listeners;
    qint64 m_acceptPausedUntil = 0; // out of descriptors: accepting waits a moment

    Mailbox<WireCommand> m_commands;
    std::atomic<bool> m_stopping {false};

    // Connections by slot; an id is (generation << 40) | (index << 32) | slot, so an id is never
    // reused and a command for a connection that is gone finds nothing.
    std::vector<WireConnection *> m_slots;
    std::vector<quint32> m_generations;
    std::vector<quint32> m_freeSlots;
    std::vector<WireConnection *> m_dirty; // output queued since the last flush
    std::vector<WireConnection *> m_flushing;
    std::vector<WireConnection *> m_dead; // freed after the current batch of events
    std::vector<WireEvent> m_events; // for the main thread, handed over once per batch
    TimerWheel m_wheel;
    WireConnection *m_reading = nullptr;
    QByteArray m_pingFrame;
    std::unique_ptr<char[]> m_scratch; // every connection reads into this, then keeps only
                                       // what it must
};

} // namespace Muster
