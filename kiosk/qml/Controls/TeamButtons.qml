// Big buttons for the teams one may clock in to, numbered: the digit keys 1–9 pick the n-th,
// Enter confirms the one picked, a tap picks and confirms at once.
import QtQuick
import QtQuick.Layouts

Item {
    id: root
    property var model // a TeamListModel (offeredOnly)
    property int picked: -1
    readonly property int count: repeater.count
    signal chosen(string teamId, string teamName)

    focus: true
    implicitHeight: grid.implicitHeight
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Teams")

    function pick(index) {
        if (index >= 0 && index < repeater.count)
            picked = index
    }
    function confirm() {
        if (picked >= 0 && model)
            chosen(model.idAt(picked), model.nameAt(picked))
    }

    Keys.onPressed: (event) => {
        const n = event.key - Qt.Key_1
        if (event.key >= Qt.Key_1 && event.key <= Qt.Key_9) {
            pick(n)
            event.accepted = true
        } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
            confirm()
            event.accepted = true
        }
    }

    GridLayout {
        id: grid
        anchors.left: parent.left
        anchors.right: parent.right
        columns: Math.max(1, Math.min(3, Math.floor(root.width / (Theme.unit * 14))))
        rowSpacing: Theme.unit * 0.8
        columnSpacing: Theme.unit * 0.8
        Repeater {
            id: repeater
            model: root.model
            delegate: Rectangle {
                required property int index
                required property string name
                readonly property bool isPicked: root.picked === index
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.unit * 4.2
                radius: Theme.radius
                color: isPicked ? Theme.accent : (tap.pressed ? Theme.surface : Theme.surfaceRaised)
                border.width: isPicked ? 0 : Math.max(1, Theme.unit * 0.08)
                border.color: Theme.muted
                Accessible.role: Accessible.Button
                Accessible.name: name
                Row {
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.left: parent.left
                    anchors.leftMargin: Theme.unit
                    spacing: Theme.unit
                    Rectangle {
                        visible: index < 9
                        width: Theme.unit * 2.2
                        height: width
                        radius: width / 2
                        color: parent.parent.isPicked ? Theme.accentInk : Theme.background
                        anchors.verticalCenter: parent.verticalCenter
                        Text {
                            anchors.centerIn: parent
                            text: index + 1
                            color: parent.parent.parent.isPicked ? Theme.accent : Theme.text
                            font.pixelSize: Theme.body
                            font.bold: true
                        }
                    }
                    Text {
                        text: name
                        color: parent.parent.isPicked ? Theme.accentInk : Theme.text
                        font.pixelSize: Theme.large
                        font.bold: true
                        anchors.verticalCenter: parent.verticalCenter
                        // Long names shrink to fit before they are cut.
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: Theme.body
                        elide: Text.ElideRight
                        width: parent.parent.width - Theme.unit * 5.2
                    }
                }
                TapHandler {
                    id: tap
                    onTapped: {
                        root.picked = index
                        root.confirm()
                    }
                }
            }
        }
    }
}
