// See pictureupload.h.
#include "pictureupload.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileDialog>
#include <QImageReader>
#include <QPainter>

namespace Muster {

QImage PictureUpload::choose(QWidget *parent, const QString &title, QString *error)
{
    QStringList patterns;
    for (const QByteArray &format : QImageReader::supportedImageFormats())
        patterns << QStringLiteral("*.") + QString::fromLatin1(format);
    const QString path = QFileDialog::getOpenFileName(parent, title, QString(),
        QCoreApplication::translate("PictureUpload", "Pictures (%1)").arg(patterns.join(u' ')));
    if (path.isEmpty())
        return {};
    QImageReader reader(path);
    reader.setAutoTransform(true); // phone photos carry their rotation in EXIF
    const QImage image = reader.read();
    if (image.isNull() && error) {
        *error = QCoreApplication::translate("PictureUpload", "Could not open that picture: %1")
                     .arg(reader.errorString());
    }
    return image;
}

QByteArray PictureUpload::encode(const QImage &image)
{
    QByteArray bytes;
    if (image.hasAlphaChannel()) {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        if (bytes.size() <= kMaxBytes)
            return bytes;
    }
    // JPEG has no transparency: flatten onto white rather than the encoder's black.
    QImage flat(image.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    QPainter(&flat).drawImage(0, 0, image);
    for (int quality = 90; quality >= 40; quality -= 10) {
        bytes.clear();
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        flat.save(&buffer, "JPEG", quality);
        if (bytes.size() <= kMaxBytes)
            break;
    }
    return bytes;
}

} // namespace Muster
