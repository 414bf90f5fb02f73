// See uploadedpicture.h. References: PNG (ISO/IEC 15948) chunk layout; JPEG (ITU T.81) markers.
#include "uploadedpicture.h"

#include <QtEndian>

#include <array>
#include <zlib.h>

namespace Muster {

namespace {

quint32 crc32(const char *data, qsizetype size)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t {};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xffffffffu;
    for (qsizetype i = 0; i < size; ++i)
        c = table[(c ^ static_cast<quint8>(data[i])) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

quint32 be32(const QByteArray &data, qsizetype at)
{
    return qFromBigEndian<quint32>(data.constData() + at);
}

quint16 be16(const QByteArray &data, qsizetype at)
{
    return qFromBigEndian<quint16>(data.constData() + at);
}

std::optional<UploadedPicture> refuse(QString *why, const QString &reason)
{
    if (why)
        *why = reason;
    return std::nullopt;
}

// The exact size of a PNG's filtered image data (a filter byte, then the row's bytes, for every
// row of every Adam7 pass when interlaced); 0 for a colour type and depth PNG does not allow.
qint64 pngDataBytes(int width, int height, int depth, int colourType, bool interlaced)
{
    int channels = 0;
    switch (colourType) {
    case 0:
        channels = 1;
        break; // grey: 1, 2, 4, 8, 16 bits
    case 2:
        channels = 3;
        break; // RGB: 8, 16
    case 3:
        channels = 1;
        break; // palette: 1, 2, 4, 8
    case 4:
        channels = 2;
        break; // grey + alpha: 8, 16
    case 6:
        channels = 4;
        break; // RGBA: 8, 16
    default:
        return 0;
    }
    const bool depthAllowed = colourType == 0
        ? (depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16)
        : colourType == 3 ? (depth == 1 || depth == 2 || depth == 4 || depth == 8)
                          : (depth == 8 || depth == 16);
    if (!depthAllowed)
        return 0;
    const auto bytes = [&](qint64 w, qint64 h) {
        return w == 0 || h == 0 ? 0 : h * (1 + (w * channels * depth + 7) / 8);
    };
    if (!interlaced)
        return bytes(width, height);
    // Adam7: each pass's first column and row, and its steps.
    static constexpr int pass[7][4] = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4},
        {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};
    qint64 total = 0;
    for (const auto &[x0, y0, dx, dy] : pass)
        total += bytes((width - x0 + dx - 1) / dx, (height - y0 + dy - 1) / dy);
    return total;
}

// Inflates the IDAT stream into at most `expected` bytes and says whether it held exactly that:
// a truncated image comes up short, a compression bomb is stopped at the bound.
bool inflatesTo(const QByteArray &compressed, qint64 expected)
{
    z_stream z {};
    if (inflateInit(&z) != Z_OK)
        return false;
    QByteArray out(qsizetype(expected) + 1, Qt::Uninitialized); // one spare byte sees excess
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    z.avail_in = uInt(compressed.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int status = inflate(&z, Z_FINISH);
    const qint64 produced = qint64(z.total_out);
    inflateEnd(&z);
    return status == Z_STREAM_END && produced == expected;
}

bool sensibleSize(int width, int height)
{
    return width >= UploadedPicture::kMinSide && height >= UploadedPicture::kMinSide
        && width <= UploadedPicture::kMaxSide && height <= UploadedPicture::kMaxSide;
}

} // namespace

std::optional<UploadedPicture> UploadedPicture::inspect(const QByteArray &data, QString *why)
{
    if (data.isEmpty())
        return refuse(why, QStringLiteral("The picture is empty"));
    if (data.size() > kMaxBytes)
        return refuse(
            why, QStringLiteral("The picture is larger than %1 KiB").arg(kMaxBytes / 1024));
    if (data.startsWith("\x89PNG\r\n\x1a\n"))
        return inspectPng(data, why);
    if (data.startsWith("\xff\xd8\xff"))
        return inspectJpeg(data, why);
    return refuse(why, QStringLiteral("The picture must be a PNG or JPEG file"));
}

std::optional<UploadedPicture> UploadedPicture::inspectPng(const QByteArray &data, QString *why)
{
    const QString corrupt = QStringLiteral("The PNG file is damaged");
    UploadedPicture image;
    image.contentType = "image/png";
    qsizetype at = 8;
    bool first = true;
    bool sawData = false;
    int depth = 0, colourType = 0;
    bool interlaced = false;
    QByteArray compressed;
    while (true) {
        if (data.size() - at < 12)
            return refuse(why, corrupt);
        const quint32 length = be32(data, at);
        if (length > quint32(data.size() - at - 12))
            return refuse(why, corrupt);
        const QByteArray type = data.mid(at + 4, 4);
        const quint32 stored = be32(data, at + 8 + length);
        if (crc32(data.constData() + at + 4, 4 + length) != stored)
            return refuse(why, corrupt);
        if (first) {
            if (type != "IHDR" || length != 13)
                return refuse(why, corrupt);
            image.width = int(qMin<quint32>(be32(data, at + 8), INT_MAX));
            image.height = int(qMin<quint32>(be32(data, at + 12), INT_MAX));
            depth = quint8(data[at + 16]);
            colourType = quint8(data[at + 17]);
            interlaced = quint8(data[at + 20]) == 1;
            first = false;
        } else if (type == "IDAT") {
            sawData = true;
            compressed += data.mid(at + 8, length);
        } else if (type == "IEND") {
            // Nothing may follow the end: trailing bytes are how polyglot files smuggle content.
            if (at + 12 + length != data.size() || !sawData)
                return refuse(why, corrupt);
            break;
        }
        at += 12 + length;
    }
    if (!sensibleSize(image.width, image.height)) {
        return refuse(why,
            QStringLiteral("The picture must be between %1 and %2 pixels on each side")
                .arg(kMinSide)
                .arg(kMaxSide));
    }
    // The pixels are inflated (never drawn) to their exact size: bounded by the dimensions
    // checked above, so at most a few MiB however the data was compressed.
    const qint64 expected = pngDataBytes(image.width, image.height, depth, colourType, interlaced);
    if (expected == 0 || !inflatesTo(compressed, expected))
        return refuse(why, corrupt);
    return image;
}

std::optional<UploadedPicture> UploadedPicture::inspectJpeg(const QByteArray &data, QString *why)
{
    const QString corrupt = QStringLiteral("The JPEG file is damaged");
    UploadedPicture image;
    image.contentType = "image/jpeg";
    qsizetype at = 2; // after SOI
    bool sawFrame = false;
    // Walk the marker segments up to the start of scan; entropy-coded data follows.
    while (true) {
        if (data.size() - at < 4 || quint8(data[at]) != 0xff)
            return refuse(why, corrupt);
        const quint8 marker = quint8(data[at + 1]);
        if (marker == 0xff) { // fill byte
            ++at;
            continue;
        }
        const quint16 length = be16(data, at + 2);
        if (length < 2 || at + 2 + length > data.size())
            return refuse(why, corrupt);
        // SOF0 (baseline), SOF1 (extended), SOF2 (progressive): what every decoder reads.
        if (marker == 0xc0 || marker == 0xc1 || marker == 0xc2) {
            if (length < 8)
                return refuse(why, corrupt);
            image.height = be16(data, at + 5);
            image.width = be16(data, at + 7);
            sawFrame = true;
        } else if ((marker >= 0xc3 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8
                       && marker != 0xcc)) {
            return refuse(
                why, QStringLiteral("This kind of JPEG is not supported; save it as PNG"));
        } else if (marker == 0xda) {
            break;
        } else if (marker == 0xd9) {
            return refuse(why, corrupt);
        }
        at += 2 + length;
    }
    if (!sawFrame || !data.endsWith("\xff\xd9"))
        return refuse(why, corrupt);
    if (!sensibleSize(image.width, image.height)) {
        return refuse(why,
            QStringLiteral("The picture must be between %1 and %2 pixels on each side")
                .arg(kMinSide)
                .arg(kMaxSide));
    }
    return image;
}

} // namespace Muster
