// A checked picture as the stores keep it: its bytes, their type, and the SHA-256 that names them
// (avatars are stored under it; the anteroom's logo is versioned by it).
#pragma once

#include <QByteArray>
#include <QString>

namespace Muster {

struct StoredPicture
{
    QString sha256; // lower-case hex of data
    QByteArray contentType; // "image/png" or "image/jpeg"
    QByteArray data;
};

} // namespace Muster
