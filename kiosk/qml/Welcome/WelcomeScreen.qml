// Where every volunteer starts: scan the badge (a keyboard-wedge scanner types the digits and
// Enter) or type the number. The badge field has the focus; the keypad is for touch.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Muster.Kiosk.Controls

FocusScope {
    id: screen
    required property QtObject kiosk
    property string message: "" // why we are back here ("You were signed out …")
    signal badgeEntered(string badge)
    signal operatorWanted()
    objectName: "welcomeScreen"

    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }

    function submit() {
        const badge = badgeField.text.trim()
        if (badge.length === 0)
            return
        badgeField.text = ""
        screen.badgeEntered(badge)
    }

    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_O && (event.modifiers & Qt.ControlModifier) && (event.modifiers & Qt.ShiftModifier)) {
            screen.operatorWanted()
            event.accepted = true
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        Header {
            Layout.fillWidth: true
            organisation: screen.kiosk.organisationName
            kioskName: screen.kiosk.kioskName
            location: screen.kiosk.kioskLocation
            online: screen.kiosk.online
            onLongPressed: screen.operatorWanted()
        }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            GridLayout {
                anchors.centerIn: parent
                width: Math.min(parent.width - Theme.unit * 3, Theme.unit * 60)
                columns: screen.width > screen.height ? 2 : 1
                columnSpacing: Theme.unit * 2
                rowSpacing: Theme.unit * 1.2

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignVCenter
                    spacing: Theme.unit
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("Clock in or out")
                        color: Theme.text
                        font.pixelSize: Theme.huge * 0.8
                        font.bold: true
                        wrapMode: Text.Wrap
                    }
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("Scan your badge, or type your badge number and press OK.")
                        color: Theme.muted
                        font.pixelSize: Theme.large
                        wrapMode: Text.Wrap
                    }
                    TextField {
                        id: badgeField
                        objectName: "badgeField"
                        Layout.fillWidth: true
                        focus: true
                        placeholderText: qsTr("Badge number")
                        placeholderTextColor: Theme.muted
                        inputMethodHints: Qt.ImhDigitsOnly
                        validator: RegularExpressionValidator { regularExpression: /[0-9]{0,8}/ }
                        maximumLength: 8
                        font.pixelSize: Theme.title
                        color: Theme.text
                        Accessible.name: qsTr("Badge number")
                        background: Rectangle {
                            radius: Theme.radius
                            color: Theme.surface
                            border.color: badgeField.activeFocus ? Theme.accent : Theme.muted
                            border.width: Math.max(2, Theme.unit * 0.15)
                        }
                        padding: Theme.unit * 0.8
                        onAccepted: screen.submit()
                        Keys.onPressed: (event) => {
                            if (event.key === Qt.Key_O && (event.modifiers & Qt.ControlModifier) && (event.modifiers & Qt.ShiftModifier)) {
                                screen.operatorWanted()
                                event.accepted = true
                            }
                        }
                    }
                    Banner {
                        Layout.fillWidth: true
                        objectName: "welcomeMessage"
                        text: screen.message
                        tone: Theme.info
                    }
                    Banner {
                        Layout.fillWidth: true
                        objectName: "offlineBanner"
                        text: screen.kiosk.online ? ""
                              : qsTr("The server cannot be reached. You can still clock in and out with your badge: this kiosk keeps your time and sends it when the connection is back.")
                        tone: Theme.accent
                    }
                    Banner {
                        Layout.fillWidth: true
                        text: screen.kiosk.outbox.queuedCount > 0
                              ? (screen.kiosk.outbox.queuedCount === 1 ? qsTr("1 clock action waiting to be sent.") : qsTr("%1 clock actions waiting to be sent.").arg(screen.kiosk.outbox.queuedCount)) : ""
                        tone: Theme.info
                    }
                    Banner {
                        Layout.fillWidth: true
                        objectName: "refusedBanner"
                        text: screen.kiosk.outbox.refusedCount > 0
                              ? (screen.kiosk.outbox.refusedCount === 1 ? qsTr("The server refused a clock action taken offline. Please tell a lead: it is listed in the operator menu.") : qsTr("The server refused %1 clock actions taken offline. Please tell a lead: they are listed in the operator menu.").arg(screen.kiosk.outbox.refusedCount)) : ""
                    }
                }
                Keypad {
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: Theme.unit * 17
                    target: badgeField
                    onAccepted: screen.submit()
                }
            }
        }
    }
}
