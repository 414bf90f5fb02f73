// See framewriter.h.
#include "framewriter.h"

#include <QtEndian>

#include <cstring>

namespace Muster {

namespace {

// Writes the header into `out` (room for headerSize bytes) and returns where the payload goes.
char *writeHeader(char *out, quint8 first, qint64 size, bool masked)
{
    *out++ = char(first);
    const char maskBit = masked ? char(0x80) : char(0);
    if (size < 126) {
        *out++ = char(maskBit | char(size));
    } else if (size < 65536) {
        *out++ = char(maskBit | 126);
        qToBigEndian<quint16>(quint16(size), out);
        out += 2;
    } else {
        *out++ = char(maskBit | 127);
        qToBigEndian<quint64>(quint64(size), out);
        out += 8;
    }
    return out;
}

} // namespace

qsizetype FrameWriter::headerSize(qint64 payloadSize, bool masked)
{
    const qsizetype length = payloadSize < 126 ? 0 : payloadSize < 65536 ? 2 : 8;
    return 2 + length + (masked ? 4 : 0);
}

QByteArray FrameWriter::frame(Opcode opcode, QByteArrayView payload, bool fin)
{
    QByteArray out(headerSize(payload.size(), false) + payload.size(), Qt::Uninitialized);
    char *body = writeHeader(out.data(), quint8((fin ? 0x80 : 0) | opcode), payload.size(), false);
    if (!payload.isEmpty())
        std::memcpy(body, payload.data(), size_t(payload.size()));
    return out;
}

QByteArray FrameWriter::maskedFrame(Opcode opcode, QByteArrayView payload, quint32 key, bool fin)
{
    QByteArray out(headerSize(payload.size(), true) + payload.size(), Qt::Uninitialized);
    char *mask = writeHeader(out.data(), quint8((fin ? 0x80 : 0) | opcode), payload.size(), true);
    qToBigEndian<quint32>(key, mask);
    char *body = mask + 4;
    for (qsizetype i = 0; i < payload.size(); ++i)
        body[i] = char(payload[i] ^ mask[i % 4]);
    return out;
}

QByteArray FrameWriter::close(CloseCode code, QByteArrayView reason)
{
    // 125 bytes of payload at most, two of them the code.
    qsizetype length = std::min<qsizetype>(reason.size(), 123);
    // Back off to the start of a sequence: continuation bytes are 10xxxxxx.
    while (length > 0 && length < reason.size() && (quint8(reason[length]) & 0xC0) == 0x80)
        --length;
    QByteArray payload(2 + length, Qt::Uninitialized);
    qToBigEndian<quint16>(quint16(code), payload.data());
    if (length > 0)
        std::memcpy(payload.data() + 2, reason.data(), size_t(length));
    return frame(Close, payload);
}

} // namespace Muster
