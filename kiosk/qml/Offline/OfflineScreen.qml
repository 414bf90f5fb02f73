// Clocking without the server: by badge alone (no PIN can be checked, and the kiosk keeps none),
// queued on the kiosk with its time. The likely action comes first: clocking out if this badge's
// last queued action was a clock-in.
import QtQuick
import QtQuick.Layouts
import Muster.Kiosk.Controls

FocusScope {
    id: screen
    required property QtObject kiosk
    required property string badge
    readonly property string likely: kiosk.offline.likelyNext(badge)
    property bool pickingTeam: likely !== "clockOut"
    property string problem: ""
    signal back()
    signal queued(var summary)
    objectName: "offlineScreen"

    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }

    Keys.onEscapePressed: {
        if (pickingTeam && likely === "clockOut")
            pickingTeam = false
        else
            screen.back()
    }

    function clockIn(teamId, teamName) {
        if (kiosk.offline.clockIn(badge, teamId, teamName))
            screen.queued({kind: "clockIn", queued: true, teamName: teamName, at: new Date()})
        else
            problem = qsTr("This kiosk could not save your time. Please ask at the volunteer desk.")
    }
    function clockOut() {
        if (kiosk.offline.clockOut(badge))
            screen.queued({kind: "clockOut", queued: true, teamName: "", at: new Date()})
        else
            problem = qsTr("This kiosk could not save your time. Please ask at the volunteer desk.")
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
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.unit * 1.5
            spacing: Theme.unit
            Banner {
                Layout.fillWidth: true
                tone: Theme.accent
                text: qsTr("Offline: the server cannot be reached. Badge %1 can still clock in or out; this kiosk keeps the time and sends it later. A lead checks offline entries.").arg(screen.badge)
            }
            // First choice: in or out.
            RowLayout {
                visible: !screen.pickingTeam
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.unit
                BigButton {
                    objectName: "offlineClockOut"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.unit * 7
                    focus: !screen.pickingTeam
                    primary: true
                    text: qsTr("Clock out")
                    hint: qsTr("Enter")
                    onClicked: screen.clockOut()
                }
                BigButton {
                    objectName: "offlineClockIn"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.unit * 7
                    text: qsTr("Clock in instead")
                    onClicked: screen.pickingTeam = true
                }
                BigButton {
                    Layout.preferredHeight: Theme.unit * 7
                    text: qsTr("Cancel")
                    hint: qsTr("Esc")
                    onClicked: screen.back()
                }
            }
            // Clocking in: the teams this kiosk last saw.
            ColumnLayout {
                visible: screen.pickingTeam
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.unit
                Text {
                    Layout.fillWidth: true
                    text: teams.count > 0 ? qsTr("Clock in: which team? Press its number, or tap it.")
                                          : qsTr("This kiosk has not seen the teams yet, so it cannot clock in offline. Please ask a lead.")
                    color: Theme.text
                    font.pixelSize: Theme.body
                    wrapMode: Text.Wrap
                }
                Flickable {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: Theme.unit * 9
                    contentHeight: teams.implicitHeight
                    clip: true
                    TeamButtons {
                        id: teams
                        objectName: "offlineTeams"
                        width: parent.width
                        focus: screen.pickingTeam
                        model: screen.kiosk.session.teams
                        onChosen: (teamId, teamName) => screen.clockIn(teamId, teamName)
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
                        Layout.fillWidth: true
                        primary: teams.picked >= 0
                        enabled: teams.picked >= 0
                        text: teams.picked >= 0 ? qsTr("Clock in to %1").arg(screen.kiosk.session.teams.nameAt(teams.picked)) : qsTr("Tap a team to clock in")
                        onClicked: teams.confirm()
                    }
                    BigButton {
                        text: qsTr("Clock out instead")
                        onClicked: screen.clockOut()
                    }
                }
            }
            Banner { Layout.fillWidth: true; text: screen.problem }
        }
    }
}
