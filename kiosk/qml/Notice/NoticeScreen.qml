// A notice that must be read before anything else, shown whole. Most are acknowledged with one
// press; a shift the day boundary stopped (the clock-out was forgotten) also asks when the person
// really stopped: four digits on the keypad go to a manager, who approves or refuses them.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Muster.Kiosk.Controls

FocusScope {
    id: screen
    required property QtObject kiosk
    readonly property QtObject notices: kiosk.session.notifications
    property var notice: notices.firstWaiting()
    readonly property bool asksStop: !!notice && notice.kind === "auto_stop"
                                     && !!notice.data && !!notice.data.entryId
    property string problem: ""
    signal done()
    objectName: "noticeScreen"

    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }

    Connections {
        target: screen.notices
        function onWaitingChanged() {
            screen.notice = screen.notices.firstWaiting()
            screen.problem = ""
            stopField.text = ""
            if (screen.notices.waitingCount === 0)
                screen.done()
        }
    }
    Connections {
        target: screen.kiosk.session
        function onCorrectionFailed(message) { screen.problem = message }
    }

    function acknowledge() {
        if (!notice || !notice.id)
            return screen.done()
        const reply = notices.acknowledge(notice.id)
        reply.failed.connect((reason, message) => { screen.problem = message })
    }

    function sendStop() {
        if (stopField.text.length === 0)
            return acknowledge() // nothing typed: Enter means "I have read this"
        problem = kiosk.session.requestCorrection(notice.id, stopField.text)
    }

    // Times as the event's clocks read them, the zone a typed time is read in.
    function clockOf(iso) {
        // Read again when the event (and its zone) arrives.
        return iso && kiosk.session.eventTimeZone !== undefined
               ? kiosk.session.eventClockText(iso) : ""
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
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            // Tighter when a question and the keypad share the screen.
            Layout.margins: Theme.unit * (screen.asksStop ? 1 : 2)
            spacing: Theme.unit * 2
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.unit * (screen.asksStop ? 0.5 : 1)
                Text {
                    Layout.fillWidth: true
                    // A stopped shift's question needs the room; the name is on the keypad's side.
                    visible: !screen.asksStop
                    text: qsTr("Before you go on, %1").arg(screen.kiosk.session.displayName)
                    color: Theme.muted
                    font.pixelSize: Theme.large
                }
                Text {
                    Layout.fillWidth: true
                    objectName: "noticeTitle"
                    text: screen.notice && screen.notice.title ? screen.notice.title : ""
                    color: Theme.accent
                    font.pixelSize: Theme.title
                    font.bold: true
                    wrapMode: Text.Wrap
                }
                // The server's wording, except for a stopped shift: there the screen says it in
                // fewer words, with the times, so that the question fits above the keypad.
                Text {
                    Layout.fillWidth: true
                    objectName: "noticeBody"
                    text: screen.asksStop
                          ? qsTr("You did not clock out, so the time clock stopped your shift at %1, an hour after it began at %2.")
                                .arg(screen.clockOf(screen.notice.data.stop))
                                .arg(screen.clockOf(screen.notice.data.start))
                          : screen.notice && screen.notice.body ? screen.notice.body : ""
                    color: Theme.text
                    font.pixelSize: Theme.large
                    wrapMode: Text.Wrap
                }
                RowLayout {
                    Layout.fillWidth: true
                    visible: screen.asksStop
                    spacing: Theme.unit
                    Text {
                        text: qsTr("I really stopped at")
                        color: Theme.text
                        font.pixelSize: Theme.large
                    }
                    TextField {
                        id: stopField
                        objectName: "stopField"
                        Layout.preferredWidth: Theme.unit * 9
                        focus: screen.asksStop
                        maximumLength: 5
                        placeholderText: qsTr("hhmm")
                        placeholderTextColor: Theme.muted
                        font.pixelSize: Theme.title
                        color: Theme.text
                        validator: RegularExpressionValidator { regularExpression: /[0-9:]{0,5}/ }
                        inputMethodHints: Qt.ImhDigitsOnly
                        Accessible.name: qsTr("The time you really stopped")
                        padding: Theme.unit * 0.8
                        background: Rectangle {
                            radius: Theme.radius
                            color: Theme.surface
                            border.color: stopField.activeFocus ? Theme.accent : Theme.muted
                            border.width: Math.max(2, Theme.unit * 0.15)
                        }
                        onAccepted: screen.sendStop()
                        onTextChanged: screen.problem = ""
                    }
                }
                Banner {
                    Layout.fillWidth: true
                    objectName: "noticeProblem"
                    text: screen.problem
                }
                Item { Layout.fillHeight: true }
                BigButton {
                    id: ok
                    objectName: "acknowledge"
                    Layout.fillWidth: true
                    focus: !screen.asksStop
                    primary: !screen.asksStop
                    text: screen.asksStop ? qsTr("The automatic stop is right")
                                          : qsTr("I have read this")
                    hint: screen.asksStop ? "" : qsTr("Enter")
                    onClicked: screen.acknowledge()
                }
            }
            ColumnLayout {
                visible: screen.asksStop
                Layout.alignment: Qt.AlignVCenter
                spacing: Theme.unit
                Text {
                    Layout.fillWidth: true
                    text: screen.kiosk.session.displayName
                    color: Theme.muted
                    font.pixelSize: Theme.large
                    horizontalAlignment: Text.AlignHCenter
                    elide: Text.ElideRight
                }
                Keypad {
                    Layout.preferredWidth: Theme.unit * 19
                    target: stopField
                    okText: qsTr("OK")
                    onAccepted: screen.sendStop()
                }
            }
        }
    }
}
