// See framedecoder.h.
#include "framedecoder.h"

#include <QtEndian>

#include <cstring>

namespace Muster {

namespace {

constexpr quint8 kContinuation = 0x0;
constexpr quint8 kText = 0x1;
constexpr quint8 kBinary = 0x2;
constexpr quint8 kClose = 0x8;
constexpr quint8 kPing = 0x9;
constexpr quint8 kPong = 0xA;

// Unmasks a payload in place, eight bytes at a time where it can.
void unmask(char *data, qsizetype size, const char key[4])
{
    quint64 wide;
    char keyTwice[8];
    std::memcpy(keyTwice, key, 4);
    std::memcpy(keyTwice + 4, key, 4);
    std::memcpy(&wide, keyTwice, 8);
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, data + i, 8);
        word ^= wide;
        std::memcpy(data + i, &word, 8);
    }
    for (; i < size; ++i)
        data[i] = char(data[i] ^ key[i % 4]);
}

} // namespace

FrameDecoder::FrameDecoder(Sender sender, qint64 maxMessageBytes)
    : m_maxMessage(maxMessageBytes)
    , m_sender(sender)
{ }

bool FrameDecoder::feed(QByteArrayView bytes, Sink &sink)
{
    if (m_state != State::Reading)
        return false;
    if (m_partial.isEmpty()) {
        const qsizetype used = decodeFrames(bytes, sink);
        if (used < 0)
            return stop();
        if (used < bytes.size())
            m_partial = bytes.sliced(used).toByteArray();
        return true;
    }
    // The frame begun earlier goes first; what completes it and whatever follows is decoded from
    // the held bytes. Only a header is re-read on each arrival, never the payload.
    m_partial.append(bytes);
    const qsizetype used = decodeFrames(m_partial, sink);
    if (used < 0)
        return stop();
    if (used == m_partial.size())
        m_partial.clear(); // gives the memory back
    else if (used > 0)
        m_partial = QByteArray(m_partial.constData() + used, m_partial.size() - used);
    return true;
}

qsizetype FrameDecoder::decodeFrames(QByteArrayView bytes, Sink &sink)
{
    // The payload of every frame is copied out before it is handled, and nothing here touches
    // m_partial, which `bytes` may be a view of.
    const auto failed = [this](CloseCode code, const char *reason) {
        fail(code, reason);
        return qsizetype(-1);
    };
    const char *data = bytes.data();
    const qsizetype size = bytes.size();
    qsizetype pos = 0;
    while (size - pos >= 2) {
        const auto b0 = quint8(data[pos]);
        const auto b1 = quint8(data[pos + 1]);
        const bool fin = b0 & 0x80;
        const quint8 opcode = b0 & 0x0F;
        const bool masked = b1 & 0x80;
        if (b0 & 0x70)
            return failed(CloseCode::ProtocolError, "reserved bits set without an extension");
        const bool control = opcode & 0x8;
        if (opcode != kContinuation && opcode != kText && opcode != kBinary && opcode != kClose
            && opcode != kPing && opcode != kPong)
            return failed(CloseCode::ProtocolError, "unknown opcode");
        if (masked != (m_sender == Sender::Client)) {
            return failed(CloseCode::ProtocolError,
                masked ? "masked frame from a server" : "unmasked frame from a client");
        }
        quint64 length = b1 & 0x7F;
        if (control && (!fin || length > 125))
            return failed(CloseCode::ProtocolError, "fragmented or long control frame");
        qsizetype header = 2;
        if (length == 126) {
            if (size - pos < 4)
                return pos;
            length = qFromBigEndian<quint16>(data + pos + 2);
            header = 4;
            if (length < 126)
                return failed(CloseCode::ProtocolError, "frame length not in its shortest form");
        } else if (length == 127) {
            if (size - pos < 10)
                return pos;
            length = qFromBigEndian<quint64>(data + pos + 2);
            header = 10;
            if (length >> 63)
                return failed(CloseCode::ProtocolError, "frame length out of range");
            if (length < 65536)
                return failed(CloseCode::ProtocolError, "frame length not in its shortest form");
        }
        if (!control) {
            if (opcode == kContinuation && m_messageOpcode == 0)
                return failed(CloseCode::ProtocolError, "continuation frame without a message");
            if (opcode != kContinuation && m_messageOpcode != 0)
                return failed(CloseCode::ProtocolError, "new message inside a fragmented one");
            // Refused from the header: a huge frame is never held, not even in part.
            if (length > quint64(m_maxMessage - m_message.size()))
                return failed(CloseCode::TooBig, "message too big");
        }
        if (masked)
            header += 4;
        if (quint64(size - pos - header) < length || size - pos < header)
            return pos;
        QByteArray payload(data + pos + header, qsizetype(length));
        if (masked)
            unmask(payload.data(), payload.size(), data + pos + header - 4);
        pos += header + qsizetype(length);
        const bool ok = control ? controlFrame(opcode, std::move(payload), sink)
                                : frame(opcode, fin, std::move(payload), sink);
        if (!ok)
            return -1;
    }
    return pos;
}

bool FrameDecoder::frame(quint8 opcode, bool fin, QByteArray &&payload, Sink &sink)
{
    if (opcode != kContinuation) {
        if (opcode == kText) {
            m_utf8.reset();
            if (!m_utf8.feed(payload))
                return fail(CloseCode::InvalidPayload, "text that is not UTF-8");
        }
        if (!fin) {
            m_messageOpcode = opcode;
            m_message = std::move(payload);
            return true;
        }
    } else {
        if (m_messageOpcode == kText && !m_utf8.feed(payload))
            return fail(CloseCode::InvalidPayload, "text that is not UTF-8");
        m_message.append(payload);
        if (!fin)
            return true;
        opcode = std::exchange(m_messageOpcode, 0);
        payload = std::exchange(m_message, {});
    }
    if (opcode == kBinary) {
        sink.binaryMessage(std::move(payload));
        return true;
    }
    if (!m_utf8.isComplete())
        return fail(CloseCode::InvalidPayload, "text that is not UTF-8");
    sink.textMessage(std::move(payload));
    return true;
}

bool FrameDecoder::controlFrame(quint8 opcode, QByteArray &&payload, Sink &sink)
{
    if (opcode == kPing) {
        sink.ping(payload);
        return true;
    }
    if (opcode == kPong) {
        sink.pong(payload);
        return true;
    }
    if (payload.size() == 1)
        return fail(CloseCode::ProtocolError, "close frame with a one-byte payload");
    quint16 code = quint16(CloseCode::NoStatus);
    QByteArrayView reason;
    if (payload.size() >= 2) {
        // The reason first, as wslay does (the fuzz target holds the two to one verdict).
        reason = QByteArrayView(payload).sliced(2);
        if (!Utf8Validator::isValid(reason))
            return fail(CloseCode::InvalidPayload, "close reason that is not UTF-8");
        code = qFromBigEndian<quint16>(payload.constData());
        if (!isSendableCloseCode(code))
            return fail(CloseCode::ProtocolError, "close code that may not be sent");
    }
    m_state = State::Closed;
    sink.closeFrame(code, reason);
    return false;
}

bool FrameDecoder::stop()
{
    // Nothing more is read: what was held is given back.
    m_partial.clear();
    m_message.clear();
    m_messageOpcode = 0;
    return false;
}

bool FrameDecoder::fail(CloseCode code, const char *reason)
{
    m_state = State::Failed;
    m_failureCode = code;
    m_failureReason = reason;
    return false;
}

} // namespace Muster
