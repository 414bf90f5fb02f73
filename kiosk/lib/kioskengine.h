// Readies a QML engine for the kiosk's screens: where the modules are, and the avatar images.
// The kiosk and its Qt Quick tests prepare their engines the same way.
#pragma once

class QQmlEngine;

namespace Muster {

void prepareKioskEngine(QQmlEngine &engine);

} // namespace Muster
