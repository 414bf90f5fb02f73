// What the volunteer came to see after clocking: that it worked, and where they stand — this
// shift, today, the event, earned time with bonuses, the next reward and how far it is. A clock
// action kept on the kiosk (offline) says so plainly instead.
import QtQuick
import QtQuick.Layouts
import Muster.Kiosk.Controls

FocusScope {
    id: screen
    required property QtObject kiosk
    required property var summary // KioskSession::clocked, or an offline action's
    readonly property QtObject session: kiosk.session
    readonly property QtObject totals: session.totals
    readonly property QtObject rewards: session.rewards
    readonly property bool clockedIn: summary.kind === "clockIn"
    readonly property bool queued: summary.queued === true
    readonly property real toGo: rewards.nextRewardName.length > 0
                                 ? Math.max(0, rewards.nextRewardHours * 3600 - totals.earnedSeconds) : 0
    signal done()
    objectName: "summaryScreen"

    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }

    Keys.onEscapePressed: screen.done()

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

            Text {
                Layout.fillWidth: true
                objectName: "summaryTitle"
                text: screen.clockedIn
                      ? qsTr("✓ Clocked in to %1 at %2").arg(screen.summary.teamName).arg(Theme.clockTime(screen.summary.at))
                      : qsTr("✓ Clocked out at %1. Thank you!").arg(Theme.clockTime(screen.summary.at))
                color: Theme.good
                font.pixelSize: Theme.title * 0.9
                font.bold: true
                wrapMode: Text.Wrap
            }
            Banner {
                Layout.fillWidth: true
                objectName: "queuedNote"
                tone: Theme.accent
                text: screen.queued ? qsTr("Saved on this kiosk: the server could not be reached. It is sent as soon as the connection is back, with the time it happened.") : ""
            }
            GridLayout {
                visible: !screen.queued && screen.totals.loaded
                Layout.fillWidth: true
                columns: screen.width > screen.height ? 3 : 2
                rowSpacing: Theme.unit * 0.6
                columnSpacing: Theme.unit * 0.6
                Figure {
                    Layout.fillWidth: true
                    objectName: "shiftFigure"
                    visible: !screen.clockedIn
                    label: qsTr("This shift")
                    value: Theme.duration(screen.summary.shiftSeconds || 0)
                    note: (screen.summary.shiftEarnedSeconds || 0) > (screen.summary.shiftSeconds || 0)
                          ? qsTr("%1 earned with bonuses").arg(Theme.duration(screen.summary.shiftEarnedSeconds)) : ""
                }
                Figure {
                    Layout.fillWidth: true
                    objectName: "todayFigure"
                    label: qsTr("Today")
                    value: Theme.duration(screen.session.todaySeconds)
                }
                Figure {
                    Layout.fillWidth: true
                    objectName: "eventFigure"
                    label: screen.session.events.activeEventName.length > 0 ? screen.session.events.activeEventName : qsTr("This event")
                    value: Theme.duration(screen.totals.workedSeconds)
                    note: (screen.totals.entries === 1 ? qsTr("1 finished shift") : qsTr("%1 finished shifts").arg(screen.totals.entries))
                }
                Figure {
                    Layout.fillWidth: true
                    objectName: "earnedFigure"
                    label: qsTr("Earned, with bonuses")
                    value: Theme.duration(screen.totals.earnedSeconds)
                    tone: Theme.accent
                }
                Figure {
                    Layout.fillWidth: true
                    Layout.columnSpan: screen.width > screen.height ? 2 : 2
                    objectName: "nextReward"
                    label: qsTr("Next reward")
                    value: screen.rewards.nextRewardName.length > 0 ? screen.rewards.nextRewardName : qsTr("You have earned them all")
                    note: screen.rewards.nextRewardName.length > 0
                          ? qsTr("%1 to go (earned time)").arg(Theme.duration(screen.toGo)) : ""
                }
            }
            Banner {
                Layout.fillWidth: true
                objectName: "rewardsReady"
                tone: Theme.good
                text: screen.rewards.availableCount > 0
                      ? (screen.rewards.availableCount === 1 ? qsTr("A reward is ready for you to collect at the volunteer desk!") : qsTr("%1 rewards are ready for you to collect at the volunteer desk!").arg(screen.rewards.availableCount)) : ""
            }
            Item { Layout.fillHeight: true }
            BigButton {
                objectName: "done"
                Layout.fillWidth: true
                focus: true
                primary: true
                text: qsTr("Done")
                hint: qsTr("Enter")
                onClicked: screen.done()
            }
        }
    }
}
