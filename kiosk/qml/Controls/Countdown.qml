// "Back to the start in 42 s": how long until the kiosk gives up on the person in front of it,
// visible from the first second so nobody is surprised, with a bar that runs down.
import QtQuick

Rectangle {
    id: countdown
    property int secondsLeft: 60
    property int limit: 60
    implicitHeight: Theme.unit * 2.4
    color: Theme.surface
    Accessible.role: Accessible.StaticText
    Accessible.name: label.text

    Rectangle {
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        width: parent.width * countdown.secondsLeft / Math.max(1, countdown.limit)
        color: countdown.secondsLeft <= 10 ? Qt.darker(Theme.bad, 2) : Theme.surfaceRaised
        Behavior on width { NumberAnimation { duration: 250 } }
    }
    Text {
        id: label
        anchors.centerIn: parent
        width: parent.width - Theme.unit
        horizontalAlignment: Text.AlignHCenter
        fontSizeMode: Text.HorizontalFit
        minimumPixelSize: Theme.small
        text: qsTr("Back to the start in %1 s — touch the screen to stay").arg(countdown.secondsLeft)
        color: Theme.text
        font.pixelSize: Theme.body
    }
}
