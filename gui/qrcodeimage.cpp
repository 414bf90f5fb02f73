// See qrcodeimage.h.
#include "qrcodeimage.h"

#include <QPainter>
#include <qrencode.h>

#include <memory>

namespace Muster {

QImage qrCodeImage(const QString &text, int moduleSize)
{
    constexpr int kQuietZone = 4; // modules of white around the code, as the standard asks
    const QByteArray utf8 = text.toUtf8();
    // Medium error correction: a screen photographed at an angle still reads.
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code || moduleSize < 1)
        return {};
    const int modules = code->width;
    const int side = (modules + 2 * kQuietZone) * moduleSize;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < modules; ++y) {
        for (int x = 0; x < modules; ++x) {
            // The lowest bit of each byte says whether that module is dark.
            if (code->data[y * modules + x] & 1) {
                painter.fillRect((x + kQuietZone) * moduleSize, (y + kQuietZone) * moduleSize,
                    moduleSize, moduleSize, Qt::black);
            }
        }
    }
    painter.end();
    return image;
}

} // namespace Muster
