// After the badge: the PIN, or a quick code made in the Muster app (four characters, valid for
// 30 seconds). Typing a letter switches to the quick code by itself. Enter signs in, Escape goes
// back to the badge.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Muster.Kiosk.Controls

FocusScope {
    id: screen
    required property QtObject kiosk
    required property string badge
    property bool quickCode: false
    property string problem: ""
    signal back()
    objectName: "signInScreen"

    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }

    readonly property QtObject session: kiosk.session

    function submit() {
        const secret = secretField.text.trim()
        if (secret.length === 0 || session.busy)
            return
        problem = ""
        session.signIn(screen.badge, secret, screen.quickCode)
    }

    Connections {
        target: screen.session
        function onSignInFailed(message) {
            screen.problem = message
            secretField.text = ""
            secretField.forceActiveFocus()
        }
    }

    Keys.onEscapePressed: screen.back()

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        Header {
            Layout.fillWidth: true
            organisation: screen.kiosk.organisationName
            kioskName: screen.kiosk.kioskName
            location: screen.kiosk.kioskLocation
            online: screen.kiosk.online
        }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            GridLayout {
                anchors.centerIn: parent
                width: Math.min(parent.width - Theme.unit * 3, Theme.unit * 62)
                columns: screen.width > screen.height ? 2 : 1
                columnSpacing: Theme.unit * 2
                rowSpacing: Theme.unit

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("Badge %1").arg(screen.badge)
                        color: Theme.muted
                        font.pixelSize: Theme.large
                    }
                    Text {
                        Layout.fillWidth: true
                        text: screen.quickCode ? qsTr("Type your quick code") : qsTr("Type your PIN")
                        color: Theme.text
                        font.pixelSize: Theme.title
                        font.bold: true
                        wrapMode: Text.Wrap
                    }
                    RowLayout {
                        spacing: Theme.unit * 0.5
                        BigButton {
                            objectName: "pinMode"
                            text: qsTr("PIN")
                            primary: !screen.quickCode
                            implicitHeight: Theme.unit * 2.8
                            font.pixelSize: Theme.body
                            onClicked: { screen.quickCode = false; secretField.forceActiveFocus() }
                        }
                        BigButton {
                            objectName: "codeMode"
                            text: qsTr("Quick code")
                            primary: screen.quickCode
                            implicitHeight: Theme.unit * 2.8
                            font.pixelSize: Theme.body
                            onClicked: { screen.quickCode = true; secretField.forceActiveFocus() }
                        }
                    }
                    TextField {
                        id: secretField
                        objectName: "secretField"
                        Layout.fillWidth: true
                        focus: true
                        echoMode: screen.quickCode ? TextInput.Normal : TextInput.Password
                        passwordCharacter: "●"
                        maximumLength: screen.quickCode ? 4 : 8
                        font.pixelSize: Theme.title
                        font.capitalization: Font.AllUppercase
                        color: Theme.text
                        validator: RegularExpressionValidator { regularExpression: /[0-9A-Za-z]{0,8}/ }
                        inputMethodHints: screen.quickCode ? Qt.ImhUppercaseOnly : Qt.ImhDigitsOnly
                        Accessible.name: screen.quickCode ? qsTr("Quick code") : qsTr("PIN")
                        padding: Theme.unit * 0.8
                        background: Rectangle {
                            radius: Theme.radius
                            color: Theme.surface
                            border.color: secretField.activeFocus ? Theme.accent : Theme.muted
                            border.width: Math.max(2, Theme.unit * 0.15)
                        }
                        // A letter can only be part of a quick code.
                        onTextChanged: if (/[A-Za-z]/.test(text)) screen.quickCode = true
                        onAccepted: screen.submit()
                        Keys.onEscapePressed: screen.back()
                    }
                    Banner {
                        Layout.fillWidth: true
                        objectName: "signInProblem"
                        text: screen.problem
                    }
                    Text {
                        Layout.fillWidth: true
                        visible: screen.session.busy
                        text: qsTr("Checking…")
                        color: Theme.info
                        font.pixelSize: Theme.large
                    }
                    BigButton {
                        text: qsTr("Back")
                        hint: qsTr("Esc")
                        onClicked: screen.back()
                    }
                }
                Keypad {
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: Theme.unit * (screen.quickCode ? 28 : 17)
                    target: secretField
                    letters: screen.quickCode
                    okText: qsTr("Sign in")
                    onAccepted: screen.submit()
                }
            }
        }
    }
}
