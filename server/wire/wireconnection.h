// One TCP connection as its wire thread keeps it: plain state, no Qt object, no timer, no buffer
// while idle. The head buffer exists until the request head is read, the frame decoder holds
// bytes only while a frame is unfinished, and the output queue only while the peer has not taken
// everything (see WireThread for the life of a connection).
#pragma once

#include "framedecoder.h"

#include <QByteArray>
#include <QHostAddress>

#include <memory>
#include <vector>

namespace Muster {

struct WireConnection
{
    enum class Phase : quint8 {
        Head, // reading the request head
        AwaitingAnswer, // the main thread decides: an HTTP answer or the upgrade
        Open, // a WebSocket
        Closing, // a close frame has been sent or received; waiting for the other
        Lingering, // answered or failed: the last bytes go out, then the connection ends
    };

    struct HeadState
    {
        QByteArray bytes;
        QHostAddress peer;
    };

    explicit WireConnection(qint64 maxMessageBytes)
        : decoder(FrameDecoder::Sender::Client, maxMessageBytes)
    { }

    quint64 id = 0;
    int fd = -1;
    Phase phase = Phase::Head;
    bool reported = false; // the main thread knows the id and must hear of its end
    bool counted = false; // in the memory budget's connection count
    bool identified = false;
    bool closeSent = false;
    bool closeReceived = false;
    bool writeInterest = false; // EPOLLOUT is registered: there are unsent bytes
    bool reading = true; // EPOLLIN is registered
    bool dirty = false; // in the thread's list of connections to flush
    bool shutDown = false; // our side of the TCP connection is closed
    quint8 missedPongs = 0;
    const char *endReason = nullptr; // why the server ended it, for the main thread's log

    qint64 deadlineMs = 0; // the phase's deadline, 0 for none
    qint64 nextPingMs = 0; // 0 for none
    qint64 scheduledTick = 0; // the wheel entry that counts, 0 for none

    std::unique_ptr<HeadState> head;
    QByteArray early; // frames that came with the head, read once the upgrade is accepted
    FrameDecoder decoder;

    std::vector<QByteArray> out; // whole frames (or an HTTP answer) not yet written
    qint64 outOffset = 0; // of the first
    qint64 outBytes = 0;
    qint64 held = 0; // what the memory budget counts for this connection
};

} // namespace Muster
