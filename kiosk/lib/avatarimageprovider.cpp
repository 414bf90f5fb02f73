// See avatarimageprovider.h.
#include "avatarimageprovider.h"

#include "avatargenerator.h"

namespace Muster {

AvatarImageProvider::AvatarImageProvider()
    : QQuickImageProvider(QQuickImageProvider::Image)
{ }

QImage AvatarImageProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    const int wanted = qMax(requestedSize.width(), requestedSize.height());
    const int side = wanted > 0 ? qBound(16, wanted, 1024) : 256;
    const QImage image = AvatarGenerator::generate(id, side);
    if (size)
        *size = image.size();
    return image;
}

} // namespace Muster
