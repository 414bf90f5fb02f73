// A plain sentence in a coloured band: what went wrong, or what a person must know now.
import QtQuick

Rectangle {
    id: banner
    property alias text: label.text
    property color tone: Theme.bad
    visible: text.length > 0
    implicitHeight: label.implicitHeight + Theme.unit * 1.2
    radius: Theme.radius
    color: Qt.darker(tone, 2.6)
    border.color: tone
    border.width: Math.max(2, Theme.unit * 0.12)
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    Text {
        id: label
        anchors.fill: parent
        anchors.margins: Theme.unit * 0.6
        color: Theme.text
        font.pixelSize: Theme.body
        wrapMode: Text.Wrap
        verticalAlignment: Text.AlignVCenter
    }
}
