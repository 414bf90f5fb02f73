// Signed in: clock out of the shift under way, or pick a team and clock in. On shift, Enter clocks
// out; otherwise the digits pick a team and Enter clocks in. Escape signs out.
import QtQuick
import QtQuick.Layouts
import Muster.Kiosk.Controls

FocusScope {
    id: screen
    required property QtObject kiosk
    readonly property QtObject session: kiosk.session
    readonly property QtObject totals: session.totals
    property string problem: ""
    signal back()
    objectName: "clockScreen"

    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }

    Connections {
        target: screen.session
        function onActionFailed(message) { screen.problem = message }
    }
    Keys.onEscapePressed: screen.back()

    property real now: Date.now()
    Timer { interval: 15000; running: true; repeat: true; onTriggered: screen.now = Date.now() }

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
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.unit * 1.5
            spacing: Theme.unit

            RowLayout {
                spacing: Theme.unit
                Image {
                    source: "image://avatar/" + screen.session.userId
                    sourceSize.width: Theme.unit * 4
                    sourceSize.height: Theme.unit * 4
                    Layout.preferredWidth: Theme.unit * 4
                    Layout.preferredHeight: Theme.unit * 4
                    Accessible.ignored: true
                }
                Column {
                    Layout.fillWidth: true
                    Text {
                        objectName: "greeting"
                        text: qsTr("Hello, %1").arg(screen.session.displayName)
                        color: Theme.text
                        font.pixelSize: Theme.title
                        font.bold: true
                    }
                    Text {
                        text: qsTr("%1 in this event so far · %2 today").arg(Theme.duration(screen.totals.workedSeconds)).arg(Theme.duration(screen.session.todaySeconds))
                        color: Theme.muted
                        font.pixelSize: Theme.body
                    }
                }
            }

            // On shift: one thing to do.
            ColumnLayout {
                visible: screen.totals.onShift
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.unit
                Text {
                    Layout.fillWidth: true
                    objectName: "onShift"
                    text: qsTr("You are on shift at %1 since %2 (%3).")
                          .arg(screen.totals.shiftTeamName)
                          .arg(Theme.clockTime(screen.totals.shiftStart))
                          .arg(Theme.duration((screen.now - screen.totals.shiftStart.getTime()) / 1000))
                    color: Theme.text
                    font.pixelSize: Theme.large
                    wrapMode: Text.Wrap
                }
                Item { Layout.fillHeight: true }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    BigButton {
                        text: qsTr("Cancel")
                        hint: qsTr("Esc")
                        onClicked: screen.back()
                    }
                    BigButton {
                        id: clockOut
                        objectName: "clockOut"
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.unit * 5
                        focus: screen.totals.onShift
                        primary: true
                        enabled: !screen.session.busy
                        text: qsTr("Clock out")
                        hint: qsTr("Enter")
                        onClicked: screen.session.clockOut()
                    }
                }
            }

            // Not on shift: which team.
            ColumnLayout {
                visible: !screen.totals.onShift
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.unit
                Text {
                    Layout.fillWidth: true
                    text: teams.count > 0 ? qsTr("Which team are you working for? Tap it, or press its number.")
                                          : qsTr("No team is open for clocking in. Please ask a lead.")
                    color: Theme.text
                    font.pixelSize: Theme.body
                    elide: Text.ElideRight
                }
                Flickable {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: Theme.unit * 9
                    contentHeight: teams.implicitHeight
                    clip: true
                    TeamButtons {
                        id: teams
                        objectName: "teamButtons"
                        width: parent.width
                        focus: !screen.totals.onShift
                        model: screen.session.teams
                        onChosen: (teamId, teamName) => { if (!screen.session.busy) screen.session.clockIn(teamId) }
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    BigButton {
                        text: qsTr("Cancel")
                        hint: qsTr("Esc")
                        onClicked: screen.back()
                    }
                    BigButton {
                        objectName: "clockIn"
                        Layout.fillWidth: true
                        primary: teams.picked >= 0
                        enabled: teams.picked >= 0 && !screen.session.busy
                        text: teams.picked >= 0 ? qsTr("Clock in to %1").arg(screen.session.teams.nameAt(teams.picked))
                                                : qsTr("Tap a team to clock in")
                        hint: teams.picked >= 0 ? qsTr("Enter") : ""
                        onClicked: teams.confirm()
                    }
                }
            }
            Banner { Layout.fillWidth: true; objectName: "clockProblem"; text: screen.problem }
        }
    }
}
