// The kiosk's screens and the way between them. An unpaired kiosk shows only its pairing code.
// A paired one starts at the welcome screen and goes back there when the person is done, when
// 60 s pass without input, and when the server ends their session.
import QtQuick
import Muster.Kiosk.Controls
import Muster.Kiosk.Pairing
import Muster.Kiosk.Welcome
import Muster.Kiosk.SignIn
import Muster.Kiosk.Notice
import Muster.Kiosk.Clock
import Muster.Kiosk.Summary
import Muster.Kiosk.Offline
import Muster.Kiosk.Operator

FocusScope {
    id: root
    required property QtObject kiosk
    property string current: "welcome"
    readonly property string page: kiosk.pairing.paired ? current : "pairing"
    property string badge: ""
    property var summary: ({})
    property string welcomeMessage: ""
    readonly property QtObject session: kiosk.session

    Binding {
        target: Theme
        property: "unit"
        value: Math.max(9, Math.min(root.width, root.height) / 30)
    }

    function go(name) {
        current = name
        if (name === "welcome")
            kiosk.loadKeptTeams()
    }
    function backToStart(message) {
        session.signOut()
        welcomeMessage = message || ""
        go("welcome")
    }

    // Idle everywhere but at the start: the countdown runs, and at 0 the next person gets the
    // kiosk clean.
    onPageChanged: {
        if (page === "welcome" || page === "pairing")
            kiosk.idle.stop()
        else
            kiosk.idle.start()
    }
    Connections {
        target: root.kiosk.idle
        function onTimedOut() {
            root.backToStart(root.page === "summary" ? "" : qsTr("Signed out after a minute without activity."))
        }
    }
    Connections {
        target: root.session
        function onReady() {
            if (root.page !== "signIn")
                return
            root.welcomeMessage = ""
            root.go(root.session.notifications.waitingCount > 0 ? "notice" : "clock")
        }
        function onClocked(summary) {
            root.summary = summary
            root.go("summary")
        }
        function onEndedByServer(reason) {
            if (root.page === "summary" || root.page === "welcome" || root.page === "operator")
                return
            root.welcomeMessage = reason === "account_changed"
                    ? qsTr("Your account was changed meanwhile. Please sign in again.")
                    : reason === "idle" ? qsTr("Signed out after a minute without activity.")
                    : qsTr("The connection was lost. Please start again.")
            root.go("welcome")
        }
    }
    Connections {
        target: root.kiosk
        function onOnlineChanged() {
            // Halfway through signing in when the server went away: go on offline.
            if (!root.kiosk.online && root.page === "signIn")
                root.go("offline")
        }
    }

    Loader {
        id: loader
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: countdown.visible ? countdown.top : parent.bottom
        focus: true
        sourceComponent: {
            switch (root.page) {
            case "pairing": return pairingPage
            case "signIn": return signInPage
            case "notice": return noticePage
            case "clock": return clockPage
            case "summary": return summaryPage
            case "offline": return offlinePage
            case "operator": return operatorPage
            default: return welcomePage
            }
        }
    }
    Countdown {
        id: countdown
        objectName: "countdown"
        visible: root.kiosk.idle.running
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        secondsLeft: root.kiosk.idle.secondsLeft
        limit: root.kiosk.idle.limitSeconds
    }
    TapHandler {
        // Any touch anywhere counts as "still here" (the input watcher also sees keys).
        onTapped: root.kiosk.idle.reset()
        grabPermissions: PointerHandler.TakeOverForbidden
    }

    Component {
        id: pairingPage
        PairingScreen { focus: true; kiosk: root.kiosk }
    }
    Component {
        id: welcomePage
        WelcomeScreen {
            focus: true
            kiosk: root.kiosk
            message: root.welcomeMessage
            onBadgeEntered: (badge) => {
                root.badge = badge
                root.welcomeMessage = ""
                root.go(root.kiosk.online ? "signIn" : "offline")
            }
            onOperatorWanted: root.go("operator")
        }
    }
    Component {
        id: signInPage
        SignInScreen {
            focus: true
            kiosk: root.kiosk
            badge: root.badge
            onBack: root.backToStart("")
        }
    }
    Component {
        id: noticePage
        NoticeScreen {
            focus: true
            kiosk: root.kiosk
            onDone: root.go("clock")
        }
    }
    Component {
        id: clockPage
        ClockScreen {
            focus: true
            kiosk: root.kiosk
            onBack: root.backToStart("")
        }
    }
    Component {
        id: summaryPage
        SummaryScreen {
            focus: true
            kiosk: root.kiosk
            summary: root.summary
            onDone: root.backToStart("")
        }
    }
    Component {
        id: offlinePage
        OfflineScreen {
            focus: true
            kiosk: root.kiosk
            badge: root.badge
            onBack: root.backToStart("")
            onQueued: (summary) => {
                root.summary = summary
                root.go("summary")
            }
        }
    }
    Component {
        id: operatorPage
        OperatorScreen {
            focus: true
            kiosk: root.kiosk
            onBack: root.backToStart("")
        }
    }
}
