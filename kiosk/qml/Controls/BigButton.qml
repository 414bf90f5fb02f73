// A button a hurried thumb cannot miss: large, high contrast, with a clear focus ring for the
// keyboard and scanners, and its text as its accessible name.
import QtQuick
import QtQuick.Controls.Basic

Button {
    id: control
    property bool primary: false
    property bool danger: false
    property string hint: "" // a small line under the text ("Press Enter")

    implicitHeight: Theme.unit * 3.4
    implicitWidth: Math.max(Theme.unit * 6, contentItem.implicitWidth + Theme.unit * 2)
    font.pixelSize: Theme.large
    font.bold: true
    focusPolicy: Qt.StrongFocus
    Accessible.name: text
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()

    // Sized by its texts, never by its own width (which the layout sets): no layout loops.
    contentItem: Item {
        implicitWidth: Math.max(label.implicitWidth, hintLabel.visible ? hintLabel.implicitWidth : 0)
        implicitHeight: label.implicitHeight + (hintLabel.visible ? hintLabel.implicitHeight : 0)
        Text {
            id: label
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            anchors.verticalCenterOffset: hintLabel.visible ? -hintLabel.implicitHeight / 2 : 0
            text: control.text
            font: control.font
            color: control.primary ? Theme.accentInk : Theme.text
            horizontalAlignment: Text.AlignHCenter
            elide: Text.ElideRight
        }
        Text {
            id: hintLabel
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: label.bottom
            visible: control.hint.length > 0
            text: control.hint
            font.pixelSize: Theme.small
            color: control.primary ? Theme.accentInk : Theme.muted
            horizontalAlignment: Text.AlignHCenter
        }
    }
    background: Rectangle {
        radius: Theme.radius
        color: !control.enabled ? Theme.surface
             : control.primary ? (control.down ? Qt.darker(Theme.accent, 1.2) : Theme.accent)
             : control.danger ? (control.down ? Qt.darker(Theme.bad, 1.3) : Qt.darker(Theme.bad, 1.6))
             : (control.down ? Theme.surface : Theme.surfaceRaised)
        opacity: control.enabled ? 1 : 0.5
        border.width: control.activeFocus ? Theme.unit * 0.25 : 0
        border.color: Theme.focusRing
    }
}
