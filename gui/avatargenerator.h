// Deterministic avatars drawn locally from a hash of the user id (no network): a symmetric
// 5×5 pattern in a colour of its own, the same picture for the same person on every screen.
#pragma once

#include <QImage>
#include <QString>

namespace Muster {

class AvatarGenerator
{
public:
    // A square, round-cornered avatar of size × size device-independent pixels.
    static QImage generate(const QString &userId, int size, qreal devicePixelRatio = 1.0);
};

} // namespace Muster
