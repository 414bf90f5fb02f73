// The band across the top of every screen: the organisation, this kiosk and where it stands,
// the time, and whether the server can be reached.
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: header
    property string organisation: ""
    property string kioskName: ""
    property string location: ""
    property bool online: true
    property bool showStatus: true
    signal longPressed() // the way into the operator menu, for those who know it

    implicitHeight: Theme.unit * 4.2
    color: Theme.surface

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.unit * 1.2
        anchors.rightMargin: Theme.unit * 1.2
        spacing: Theme.unit
        Column {
            Layout.fillWidth: true
            Text {
                text: header.organisation.length > 0 ? header.organisation : qsTr("Muster")
                color: Theme.text
                font.pixelSize: Theme.large
                font.bold: true
                elide: Text.ElideRight
                width: parent.width
                Accessible.name: text
            }
            Text {
                text: header.location.length > 0 ? qsTr("%1 · %2").arg(header.kioskName).arg(header.location) : header.kioskName
                color: Theme.muted
                font.pixelSize: Theme.small
                elide: Text.ElideRight
                width: parent.width
            }
            TapHandler {
                longPressThreshold: 3
                onLongPressed: header.longPressed()
            }
        }
        Row {
            visible: header.showStatus
            spacing: Theme.unit * 0.4
            Rectangle {
                width: Theme.unit * 0.9
                height: width
                radius: width / 2
                color: header.online ? Theme.good : Theme.bad
                anchors.verticalCenter: parent.verticalCenter
            }
            Text {
                text: header.online ? qsTr("Online") : qsTr("Offline")
                color: header.online ? Theme.muted : Theme.bad
                font.pixelSize: Theme.body
                font.bold: !header.online
                Accessible.name: text
            }
        }
        Text {
            id: clock
            color: Theme.text
            font.pixelSize: Theme.title
            font.bold: true
            text: Theme.clockTime(new Date())
            Timer {
                interval: 10000
                running: true
                repeat: true
                triggeredOnStart: true
                onTriggered: clock.text = Theme.clockTime(new Date())
            }
        }
    }
}
