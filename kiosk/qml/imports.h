// Makes the kiosk's static QML modules known to the QML engine of the program that calls it.
#pragma once

namespace Muster {

// Call once before the first QML engine loads a kiosk screen.
void importKioskQmlModules();

} // namespace Muster
