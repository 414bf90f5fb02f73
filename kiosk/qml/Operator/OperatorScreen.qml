// The operator menu, for leads and above with their PIN: how this kiosk stands (server, identity,
// expiry, its queue and what the server refused), and re-pairing or leaving kiosk mode. The PIN is
// checked by the server, so the menu needs the connection: offline, the queue stays visible on
// the welcome screen.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Muster.Kiosk.Controls

FocusScope {
    id: screen
    required property QtObject kiosk
    property bool unlocked: false
    property bool confirmRepair: false
    property string problem: ""
    signal back()
    objectName: "operatorScreen"

    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }

    function leave() {
        if (unlocked)
            kiosk.session.signOut()
        screen.back()
    }
    Keys.onEscapePressed: leave()

    Connections {
        target: screen.kiosk
        function onOperatorAccepted() { screen.unlocked = true; screen.problem = "" }
        function onOperatorRefused(message) { screen.problem = message; pin.text = "" }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.unit * 1.5
        spacing: Theme.unit

        Text {
            text: qsTr("Operator menu")
            color: Theme.text
            font.pixelSize: Theme.title
            font.bold: true
        }
        Text {
            visible: screen.unlocked
            text: qsTr("Signed in as %1 (%2). Close signs you out.").arg(screen.kiosk.session.displayName).arg(screen.kiosk.session.role)
            color: Theme.muted
            font.pixelSize: Theme.body
        }

        // Locked: a lead's badge and PIN.
        ColumnLayout {
            visible: !screen.unlocked
            Layout.fillWidth: true
            spacing: Theme.unit
            Text {
                Layout.fillWidth: true
                text: screen.kiosk.online ? qsTr("For leads and above: your badge number and PIN.")
                                          : qsTr("The operator menu needs the server to check your PIN, and the server cannot be reached. Queued actions are shown on the welcome screen.")
                color: Theme.muted
                font.pixelSize: Theme.body
                wrapMode: Text.Wrap
            }
            TextField {
                id: badge
                objectName: "operatorBadge"
                Layout.fillWidth: true
                focus: !screen.unlocked
                enabled: screen.kiosk.online
                placeholderText: qsTr("Badge number")
                font.pixelSize: Theme.large
                validator: RegularExpressionValidator { regularExpression: /[0-9]{0,8}/ }
                Accessible.name: qsTr("Operator badge number")
                onAccepted: pin.forceActiveFocus()
                Keys.onEscapePressed: screen.leave()
            }
            TextField {
                id: pin
                objectName: "operatorPin"
                Layout.fillWidth: true
                enabled: screen.kiosk.online
                placeholderText: qsTr("PIN")
                echoMode: TextInput.Password
                font.pixelSize: Theme.large
                validator: RegularExpressionValidator { regularExpression: /[0-9]{0,8}/ }
                Accessible.name: qsTr("Operator PIN")
                onAccepted: screen.kiosk.operatorSignIn(badge.text, pin.text)
                Keys.onEscapePressed: screen.leave()
            }
            Banner { Layout.fillWidth: true; objectName: "operatorProblem"; text: screen.problem }
        }

        // Unlocked: how the kiosk stands.
        Column {
            visible: screen.unlocked
            Layout.fillWidth: true
            spacing: Theme.unit * 0.3
            Repeater {
                model: [
                    [qsTr("Server"), screen.kiosk.server + (screen.kiosk.online ? qsTr(" (online)") : qsTr(" (offline)"))],
                    [qsTr("Organisation"), screen.kiosk.organisationName],
                    [qsTr("Kiosk"), screen.kiosk.kioskName + (screen.kiosk.kioskLocation.length > 0 ? " · " + screen.kiosk.kioskLocation : "")],
                    [qsTr("Approved until"), screen.kiosk.kioskExpiresAt.toLocaleString(Qt.locale(), Locale.ShortFormat)],
                    [qsTr("Device token kept in"), screen.kiosk.storageLocation],
                    [qsTr("Waiting to be sent"), String(screen.kiosk.outbox.queuedCount)],
                    [qsTr("Refused by the server"), String(screen.kiosk.outbox.refusedCount)],
                    [qsTr("Version"), screen.kiosk.version]
                ]
                delegate: Text {
                    required property var modelData
                    text: modelData[0] + ":  " + modelData[1]
                    color: Theme.text
                    font.pixelSize: Theme.body
                }
            }
        }
        ListView {
            id: queue
            objectName: "operatorQueue"
            visible: screen.unlocked
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: screen.kiosk.outbox
            spacing: Theme.unit * 0.3
            delegate: Rectangle {
                required property string kind
                required property string badge
                required property date at
                required property string teamName
                required property bool refused
                required property string reason
                required property string message
                width: queue.width
                height: line.implicitHeight + Theme.unit * 0.6
                radius: Theme.radius / 2
                color: refused ? Qt.darker(Theme.bad, 2.6) : Theme.surface
                Text {
                    id: line
                    anchors.fill: parent
                    anchors.margins: Theme.unit * 0.3
                    text: (kind === "clockIn" ? qsTr("Clock in %1").arg(teamName) : qsTr("Clock out"))
                          + " · " + qsTr("badge %1").arg(badge) + " · " + at.toLocaleString(Qt.locale(), Locale.ShortFormat)
                          + (refused ? " · " + qsTr("refused: %1").arg(message.length > 0 ? message : reason) : "")
                    color: Theme.text
                    font.pixelSize: Theme.small
                    wrapMode: Text.Wrap
                }
            }
        }
        Banner {
            Layout.fillWidth: true
            visible: screen.confirmRepair
            tone: Theme.accent
            text: screen.confirmRepair ? qsTr("Re-pairing forgets this kiosk's approval: a lead must approve the new code. Press “Re-pair” again to go ahead.") : ""
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.unit
            BigButton {
                visible: screen.unlocked
                objectName: "clearRefused"
                text: qsTr("Clear refused")
                enabled: screen.kiosk.outbox.refusedCount > 0
                onClicked: screen.kiosk.outbox.clearRefused()
            }
            BigButton {
                visible: screen.unlocked
                objectName: "repair"
                text: qsTr("Re-pair")
                danger: screen.confirmRepair
                onClicked: {
                    if (!screen.confirmRepair)
                        return screen.confirmRepair = true
                    screen.kiosk.session.signOut()
                    screen.kiosk.pairing.pairAgain()
                    screen.back()
                }
            }
            BigButton {
                visible: screen.unlocked
                objectName: "exitKiosk"
                text: qsTr("Exit kiosk")
                danger: true
                onClicked: screen.kiosk.exitKiosk()
            }
            Item { Layout.fillWidth: true }
            BigButton {
                objectName: "closeOperator"
                text: qsTr("Close")
                hint: qsTr("Esc")
                onClicked: screen.leave()
            }
        }
    }
}
