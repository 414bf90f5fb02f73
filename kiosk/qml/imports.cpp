// See imports.h. Q_IMPORT_QML_PLUGIN pulls each static module's plugin into the link; calling
// importKioskQmlModules() keeps this file (and so the imports) from being dropped by the linker.
#include "imports.h"

#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Muster_Kiosk_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(Muster_Kiosk_PairingPlugin)
Q_IMPORT_QML_PLUGIN(Muster_Kiosk_WelcomePlugin)
Q_IMPORT_QML_PLUGIN(Muster_Kiosk_SignInPlugin)
Q_IMPORT_QML_PLUGIN(Muster_Kiosk_NoticePlugin)
Q_IMPORT_QML_PLUGIN(Muster_Kiosk_ClockPlugin)
Q_IMPORT_QML_PLUGIN(Muster_Kiosk_SummaryPlugin)
Q_IMPORT_QML_PLUGIN(Muster_Kiosk_OfflinePlugin)
Q_IMPORT_QML_PLUGIN(Muster_Kiosk_OperatorPlugin)
Q_IMPORT_QML_PLUGIN(Muster_KioskPlugin)

namespace Muster {

void importKioskQmlModules() { }

} // namespace Muster
