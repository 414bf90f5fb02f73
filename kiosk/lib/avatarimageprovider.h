// image://avatar/<userId>: the generated avatar of the gui library, the same picture the desktop
// app shows, drawn locally (a kiosk downloads no pictures).
#pragma once

#include <QQuickImageProvider>

namespace Muster {

class AvatarImageProvider : public QQuickImageProvider
{
public:
    AvatarImageProvider();

    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;
};

} // namespace Muster
