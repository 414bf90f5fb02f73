// The WebSocket frame decoder, fed what a hostile client could send, and checked against wslay
// (Debian's libwslay, a maintained RFC 6455 implementation that passes the Autobahn suite) on the
// same bytes: the same messages, pings, pongs and close frames in the same order, and the same
// verdict — or the one difference documented below. The decoder is Muster's own because wslay
// keeps a 4 KiB input buffer per connection, more than the whole budget of an idle session; this
// target is what shows the two agree.
//
// Input: byte 0 sets the message limit, byte 1 the size of the reads the decoder gets (every
// split must give the same result); the rest is the stream from the client. wslay gets it in one
// read, so its input buffer never splits a close frame (it checks a close reason's UTF-8 per
// read, skipping each read's first two bytes).
#include "wire/framedecoder.h"

#include <QStringList>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <wslay/wslay.h>

using namespace Muster;

namespace {

struct Events final : FrameDecoder::Sink
{
    QStringList list;
    void textMessage(QByteArray &&utf8) override
    {
        list << QStringLiteral("text:") + QString::fromLatin1(utf8.toHex());
    }
    void binaryMessage(QByteArray &&bytes) override
    {
        list << QStringLiteral("binary:") + QString::fromLatin1(bytes.toHex());
    }
    void ping(QByteArrayView payload) override
    {
        list << QStringLiteral("ping:") + QString::fromLatin1(payload.toByteArray().toHex());
    }
    void pong(QByteArrayView payload) override
    {
        list << QStringLiteral("pong:") + QString::fromLatin1(payload.toByteArray().toHex());
    }
    void closeFrame(quint16 code, QByteArrayView reason) override
    {
        list << QStringLiteral("close:%1:").arg(code == quint16(CloseCode::NoStatus) ? 0 : code)
                + QString::fromLatin1(reason.toByteArray().toHex());
    }
};

struct Wslay
{
    QByteArrayView input;
    QByteArray output;
    Events events;
};

ssize_t recvInput(wslay_event_context_ptr ctx, uint8_t *buf, size_t len, int, void *user)
{
    auto *w = static_cast<Wslay *>(user);
    if (w->input.isEmpty()) {
        wslay_event_set_error(ctx, WSLAY_ERR_WOULDBLOCK);
        return -1;
    }
    const size_t n = std::min(len, size_t(w->input.size()));
    std::memcpy(buf, w->input.data(), n);
    w->input = w->input.sliced(qsizetype(n));
    return ssize_t(n);
}

ssize_t sendOutput(wslay_event_context_ptr, const uint8_t *data, size_t len, int, void *user)
{
    static_cast<Wslay *>(user)->output.append(reinterpret_cast<const char *>(data), qsizetype(len));
    return ssize_t(len);
}

void onMessage(wslay_event_context_ptr, const wslay_event_on_msg_recv_arg *arg, void *user)
{
    Events &e = static_cast<Wslay *>(user)->events;
    const QByteArrayView msg(reinterpret_cast<const char *>(arg->msg), qsizetype(arg->msg_length));
    switch (arg->opcode) {
    case WSLAY_TEXT_FRAME:
        e.textMessage(msg.toByteArray());
        break;
    case WSLAY_BINARY_FRAME:
        e.binaryMessage(msg.toByteArray());
        break;
    case WSLAY_PING:
        e.ping(msg);
        break;
    case WSLAY_PONG:
        e.pong(msg);
        break;
    case WSLAY_CONNECTION_CLOSE:
        e.closeFrame(arg->status_code ? arg->status_code : quint16(CloseCode::NoStatus),
            msg.size() >= 2 ? msg.sliced(2) : QByteArrayView());
        break;
    }
}

// The code of the close frame wslay wrote (0 for one without a code), -1 if it wrote none.
int closeCodeIn(const QByteArray &output)
{
    qsizetype at = 0;
    int code = -1;
    while (at + 2 <= output.size()) {
        const auto opcode = quint8(output[at]) & 0x0F;
        const auto length = qsizetype(quint8(output[at + 1]) & 0x7F); // control frames: short
        if (opcode == 0x8)
            code = length >= 2 ? (quint8(output[at + 2]) << 8 | quint8(output[at + 3])) : 0;
        at += 2 + length;
    }
    return code;
}

struct WslayVerdict
{
    QStringList events;
    bool closeReceived = false;
    int closeCode = -1; // of the close frame it wrote, 0 for one without a code, -1 for none
    bool failed() const { return closeCode >= 0 && !closeReceived; }
};

WslayVerdict runWslay(QByteArrayView stream, qint64 limit)
{
    Wslay w;
    w.input = stream;
    wslay_event_callbacks callbacks {};
    callbacks.recv_callback = recvInput;
    callbacks.send_callback = sendOutput;
    callbacks.on_msg_recv_callback = onMessage;
    wslay_event_context_ptr ctx = nullptr;
    if (wslay_event_context_server_init(&ctx, &callbacks, &w) != 0)
        __builtin_trap();
    wslay_event_config_set_max_recv_msg_length(ctx, uint64_t(limit));
    wslay_event_recv(ctx);
    wslay_event_send(ctx);
    WslayVerdict verdict {
        w.events.list, bool(wslay_event_get_close_received(ctx)), closeCodeIn(w.output)};
    wslay_event_context_free(ctx);
    return verdict;
}

[[noreturn]] void disagree(const char *what, const QStringList &ours, const QStringList &theirs)
{
    std::fprintf(stderr, "decoder and wslay disagree: %s\nours:  %s\nwslay: %s\n", what,
        qPrintable(ours.join(u' ')), qPrintable(theirs.join(u' ')));
    __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    // Control frames must never meet the limit: wslay applies it to them too, the RFC does not.
    const qint64 limit = 125 + qint64(data[0]) * 16;
    const qsizetype step = qsizetype(data[1] % 64) + 1;
    const QByteArrayView stream(
        reinterpret_cast<const char *>(data) + 2, std::min<qsizetype>(qsizetype(size) - 2, 4000));

    FrameDecoder decoder(FrameDecoder::Sender::Client, limit);
    Events ours;
    for (qsizetype at = 0; at < stream.size() && !decoder.isClosed(); at += step)
        decoder.feed(stream.sliced(at).first(std::min(step, stream.size() - at)), ours);
    if (decoder.bufferedBytes() > stream.size() || decoder.bufferedBytes() > limit + 14)
        __builtin_trap(); // held more than it was given, or more than a frame may be

    const WslayVerdict theirs = runWslay(stream, limit);
    // The RFC forbids a close frame of one byte; wslay reads it as a close without a code.
    if (decoder.hasFailed()
        && std::strcmp(decoder.failureReason(), "close frame with a one-byte payload") == 0) {
        if (theirs.events.mid(0, ours.list.size()) != ours.list)
            disagree("before a one-byte close", ours.list, theirs.events);
        return 0;
    }
    if (ours.list != theirs.events)
        disagree("events", ours.list, theirs.events);
    // wslay closes without a code after errors its frame layer finds (lengths, control frames):
    // the same protocol error.
    const auto sameCode = [&](const WslayVerdict &v) {
        return int(decoder.failureCode()) == (v.closeCode == 0 ? 1002 : v.closeCode);
    };
    if (decoder.hasFailed() && theirs.failed()) {
        if (!sameCode(theirs))
            disagree(qPrintable(QStringLiteral("codes %1 and %2")
                                    .arg(int(decoder.failureCode()))
                                    .arg(theirs.closeCode)),
                ours.list, theirs.events);
    } else if (decoder.hasFailed()) {
        // The decoder judges a frame by its header; wslay waits for the first payload byte.
        // Given the rest of the frame, it must come to the same verdict.
        const QByteArray padded = stream.toByteArray() + QByteArray(16, '\0');
        const WslayVerdict later = runWslay(padded, limit);
        if (!later.failed() || !sameCode(later))
            disagree("only ours failed", ours.list, later.events);
    } else if (theirs.failed()) {
        // wslay checks UTF-8 as payload arrives; the decoder once a frame is whole. Only an
        // unfinished last frame may tell them apart.
        if (theirs.closeCode != 1007 || decoder.bufferedBytes() == 0)
            disagree("only wslay failed", ours.list, theirs.events);
    }
    if (decoder.isClosed() && !decoder.hasFailed() && !theirs.closeReceived)
        disagree("close frame", ours.list, theirs.events);
    return 0;
}
