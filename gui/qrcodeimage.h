// A QR code of a text (a link to open on a phone), drawn crisp: black modules on white, square,
// with the quiet zone of four modules scanners need around it. Encoded by libqrencode.
#pragma once

#include <QImage>
#include <QString>

namespace Muster {

// `moduleSize` pixels a module; a null image when the text does not fit a QR code.
QImage qrCodeImage(const QString &text, int moduleSize = 4);

} // namespace Muster
