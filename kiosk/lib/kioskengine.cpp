// See kioskengine.h.
#include "kioskengine.h"

#include "avatarimageprovider.h"

#include <QQmlEngine>

namespace Muster {

void prepareKioskEngine(QQmlEngine &engine)
{
    // Where qt_add_qml_module puts the static modules (RESOURCE_PREFIX /qt/qml).
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.addImageProvider(QStringLiteral("avatar"), new AvatarImageProvider);
}

} // namespace Muster
