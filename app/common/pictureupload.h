// Pictures on their way to the server (an avatar, the anteroom's logo): chosen from a file as a
// person expects (any format Qt reads, turned upright), and encoded to what the server accepts
// (a PNG or JPEG of at most 256 KiB), keeping transparency where it can.
#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

class QWidget;

namespace Muster {

class PictureUpload
{
public:
    static constexpr qsizetype kMaxBytes = 256 * 1024; // the server's limit

    // Asks for a picture file and reads it; a null image when none was chosen, or with *error
    // set when the file could not be read.
    static QImage choose(QWidget *parent, const QString &title, QString *error);
    // PNG when the picture has transparency and fits, else JPEG on white at the best quality
    // that fits.
    static QByteArray encode(const QImage &image);
};

} // namespace Muster
