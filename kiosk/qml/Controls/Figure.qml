// One number on the summary: a label above, the figure large below.
import QtQuick

Rectangle {
    id: figure
    property string label
    property string value
    property string note: ""
    property color tone: Theme.text
    implicitHeight: column.implicitHeight + Theme.unit * 1.4
    radius: Theme.radius
    color: Theme.surface
    Accessible.role: Accessible.StaticText
    Accessible.name: label + ": " + value + (note.length > 0 ? ", " + note : "")

    Column {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: Theme.unit * 0.8
        spacing: Theme.unit * 0.2
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
            font.pixelSize: Theme.title
            font.bold: true
            width: parent.width
            elide: Text.ElideRight
        }
        Text {
            visible: figure.note.length > 0
            text: figure.note
            color: Theme.muted
            font.pixelSize: Theme.small
            width: parent.width
            wrapMode: Text.Wrap
        }
    }
}
