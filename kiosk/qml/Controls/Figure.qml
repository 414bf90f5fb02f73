// One number on the summary: a label above, the figure large below.
import QtQuick

Rectangle {
    id: figure
    property string label
    property string value
    property string note: ""
    property color tone: Theme.text
    implicitHeight: column.implicitHeight + Theme.unit * 1.0
    radius: Theme.radius
    color: Theme.surface
    Accessible.role: Accessible.StaticText
    Accessible.name: label + ": " + value + (note.length > 0 ? ", " + note : "")

    Column {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: Theme.unit * 0.7
        spacing: Theme.unit * 0.1
        Text {
            text: figure.label
            color: Theme.muted
            font.pixelSize: Theme.body
            width: parent.width
            elide: Text.ElideRight
        }
        Text {
            text: figure.value
            color: figure.tone
            font.pixelSize: Theme.title * 0.85
            font.bold: true
            width: parent.width
            elide: Text.ElideRight
        }
        Text {
            // Always there, empty or not, so the figures of a row line up.
            text: figure.note.length > 0 ? figure.note : " "
            color: Theme.muted
            font.pixelSize: Theme.small
            width: parent.width
            elide: Text.ElideRight
        }
    }
}
