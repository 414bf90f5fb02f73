// A notice that must be read before anything else (a shift the day boundary stopped because the
// clock-out was forgotten): shown whole, acknowledged with one press.
import QtQuick
import QtQuick.Layouts
import Muster.Kiosk.Controls

FocusScope {
    id: screen
    required property QtObject kiosk
    readonly property QtObject notices: kiosk.session.notifications
    property var notice: notices.firstWaiting()
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
            if (screen.notices.waitingCount === 0)
                screen.done()
        }
    }

    function acknowledge() {
        if (!notice || !notice.id)
            return screen.done()
        const reply = notices.acknowledge(notice.id)
        reply.failed.connect((reason, message) => { screen.problem = message })
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
            Layout.margins: Theme.unit * 2
            spacing: Theme.unit
            Text {
                Layout.fillWidth: true
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
            Text {
                Layout.fillWidth: true
                text: screen.notice && screen.notice.body ? screen.notice.body : ""
                color: Theme.text
                font.pixelSize: Theme.large
                wrapMode: Text.Wrap
            }
            Banner { Layout.fillWidth: true; text: screen.problem }
            Item { Layout.fillHeight: true }
            BigButton {
                id: ok
                objectName: "acknowledge"
                Layout.fillWidth: true
                focus: true
                primary: true
                text: qsTr("I have read this")
                hint: qsTr("Enter")
                onClicked: screen.acknowledge()
            }
        }
    }
}
