// The kiosk's window: fullscreen and without decorations, refusing to close (only the operator
// menu's "Exit kiosk" ends the program), holding the screens.
import QtQuick
import QtQuick.Window
import Muster.Kiosk.Controls

Window {
    id: window
    required property QtObject kiosk
    property bool windowed: false
    property int windowedWidth: 1280
    property int windowedHeight: 800

    width: windowedWidth
    height: windowedHeight
    visible: true
    visibility: windowed ? Window.Windowed : Window.FullScreen
    flags: windowed ? Qt.Window : (Qt.Window | Qt.FramelessWindowHint)
    color: Theme.background
    title: qsTr("Muster kiosk")

    onClosing: (close) => { close.accepted = window.kiosk.exitAllowed }
    // The scanner types into whatever has the keyboard: make sure it is the kiosk.
    Component.onCompleted: requestActivate()

    KioskScreens {
        anchors.fill: parent
        focus: true
        kiosk: window.kiosk
    }
}
