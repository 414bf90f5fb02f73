// See avatargenerator.h. SHA-256 of the id: byte 0 picks the hue, the next 15 bits fill the left
// three columns of the grid, mirrored to the right — the classic identicon, cheap and recognisable.
#include "avatargenerator.h"

#include <QColor>
#include <QCryptographicHash>
#include <QPainter>
#include <QPainterPath>

namespace Muster {

QImage AvatarGenerator::generate(const QString &userId, int size, qreal devicePixelRatio)
{
    const QByteArray hash = QCryptographicHash::hash(userId.toUtf8(), QCryptographicHash::Sha256);
    const auto byte = [&](int i) { return quint8(hash.at(i)); };
    const QColor ink = QColor::fromHsl(byte(0) * 360 / 256, 150 + byte(1) % 60, 95 + byte(2) % 40);
    const QColor paper = QColor::fromHsl(ink.hslHue(), 60, 238);

    const int pixels = qRound(size * devicePixelRatio);
    QImage image(pixels, pixels, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QPainterPath clip;
    clip.addRoundedRect(QRectF(0, 0, size, size), size * 0.22, size * 0.22);
    p.setClipPath(clip);
    p.fillRect(QRectF(0, 0, size, size), paper);

    const qreal margin = size * 0.12;
    const qreal cell = (size - 2 * margin) / 5.0;
    int bit = 0;
    for (int column = 0; column < 3; ++column) {
        for (int row = 0; row < 5; ++row, ++bit) {
            if (!(byte(3 + bit / 8) & (1 << (bit % 8))))
                continue;
            const QRectF left(margin + column * cell, margin + row * cell, cell, cell);
            const QRectF right(margin + (4 - column) * cell, margin + row * cell, cell, cell);
            p.fillRect(left.adjusted(-0.5, -0.5, 0.5, 0.5), ink);
            p.fillRect(right.adjusted(-0.5, -0.5, 0.5, 0.5), ink);
        }
    }
    return image;
}

} // namespace Muster
