// Makes whole WebSocket frames (RFC 6455, section 5.2), ready to write. A server's frames are
// unmasked, so one encoded push serves every connection it goes to; a client's (the benchmarks'
// load tool, the tests' raw peers) are masked with a key the caller gives.
#pragma once

#include "closecode.h"

#include <QByteArray>
#include <QByteArrayView>

#include <algorithm>

namespace Muster {

class FrameWriter
{
public:
    enum Opcode : quint8 {
        Continuation = 0x0,
        Text = 0x1,
        Binary = 0x2,
        Close = 0x8,
        Ping = 0x9,
        Pong = 0xA,
    };

    static QByteArray text(QByteArrayView utf8) { return frame(Text, utf8); }
    // Control frames carry 125 bytes at most; more is cut.
    static QByteArray ping(QByteArrayView payload) { return frame(Ping, capped(payload)); }
    static QByteArray pong(QByteArrayView payload) { return frame(Pong, capped(payload)); }
    // A close frame; the reason is cut to fit (123 bytes), never inside a UTF-8 sequence.
    static QByteArray close(CloseCode code, QByteArrayView reason = {});

    // One frame of any kind; fin false starts or continues a fragmented message.
    static QByteArray frame(Opcode opcode, QByteArrayView payload, bool fin = true);
    // The same, masked with `key` as a client must send it.
    static QByteArray maskedFrame(
        Opcode opcode, QByteArrayView payload, quint32 key, bool fin = true);

    // The bytes before the payload: at most 14.
    static qsizetype headerSize(qint64 payloadSize, bool masked);

private:
    static QByteArrayView capped(QByteArrayView payload)
    {
        return payload.first(std::min<qsizetype>(payload.size(), 125));
    }
};

} // namespace Muster
