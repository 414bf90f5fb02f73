// An unpaired kiosk: its pairing code, large, and what to do with it. A lead approves it in
// Muster (Kiosks) or an operator runs muster-server --authorize-kiosk; the kiosk then moves on
// by itself.
import QtQuick
import QtQuick.Layouts
import Muster.Kiosk.Controls

FocusScope {
    id: screen
    required property QtObject kiosk
    readonly property QtObject pairing: kiosk.pairing
    readonly property bool waiting: pairing.pairingCode.length > 0
    objectName: "pairingScreen"

    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.unit * 4, Theme.unit * 44)
        spacing: Theme.unit * 1.2

        Text {
            Layout.fillWidth: true
            text: qsTr("This kiosk is not paired yet")
            color: Theme.text
            font.pixelSize: Theme.title
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
        }
        Text {
            Layout.fillWidth: true
            text: screen.waiting
                  ? qsTr("A lead approves it in Muster (Kiosks), or on the server with muster-server --authorize-kiosk, using this code:")
                  : qsTr("Asking the server at %1 for a pairing code…").arg(screen.kiosk.server)
            color: Theme.muted
            font.pixelSize: Theme.body
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
        }
        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            visible: screen.waiting
            implicitWidth: code.implicitWidth + Theme.unit * 3
            implicitHeight: code.implicitHeight + Theme.unit * 1.5
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.accent
            border.width: Math.max(2, Theme.unit * 0.2)
            Text {
                id: code
                objectName: "pairingCode"
                anchors.centerIn: parent
                // Spaced out so it reads well from a step away: "K 7 Q 2 M X".
                text: screen.pairing.pairingCode.split("").join(" ")
                color: Theme.accent
                font.pixelSize: Theme.huge
                font.bold: true
                font.family: "monospace"
                Accessible.name: qsTr("Pairing code %1").arg(screen.pairing.pairingCode)
            }
        }
        Text {
            Layout.fillWidth: true
            visible: screen.waiting
            text: qsTr("The code is valid until %1. This screen moves on by itself once the kiosk is approved.")
                  .arg(Theme.clockTime(screen.pairing.expiresAt))
            color: Theme.muted
            font.pixelSize: Theme.body
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
        }
        Banner {
            Layout.fillWidth: true
            text: screen.pairing.problem
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Server: %1 · Muster kiosk %2").arg(screen.kiosk.server).arg(screen.kiosk.version)
            color: Theme.muted
            font.pixelSize: Theme.small
            horizontalAlignment: Text.AlignHCenter
        }
    }
}
