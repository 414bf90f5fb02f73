// Signing in with a PIN and with a quick code, clocking in by the keyboard, clocking out, and the
// summary; wrong codes, a notice that must be acknowledged first, the idle timeout, the operator
// menu.
import QtQuick
import QtTest

Item {
    id: top
    width: 1280
    height: 800

    KioskTestCase {
        name: "Clock"

        function test_pinClockInThenQuickCodeClockOut() {
            fixture.stopShift("vic")
            pairedKiosk("Front desk")
            const before = fixture.entriesOf("vic").length

            // A wrong PIN: said plainly, and the kiosk stays on the sign-in screen.
            signIn("1001", "0000")
            tryVerify(() => item("signInProblem").text.length > 0, 5000)
            verify(item("signInProblem").text.indexOf("PIN") >= 0)
            verify(item("signInScreen") !== null)
            type("4711")
            keyClick(Qt.Key_Return)
            waitForScreen("clockScreen")
            compare(item("greeting").text, "Hello, vic")

            // Digits pick the n-th team, Enter clocks in.
            const teams = item("teamButtons")
            tryVerify(() => teams.count === 4, 5000, "General and the three teams, not the hidden one")
            keyClick(Qt.Key_2)
            compare(teams.picked, 1)
            const teamName = fixture.kiosk.session.teams.nameAt(1)
            keyClick(Qt.Key_Return)
            waitForScreen("summaryScreen")
            verify(item("summaryTitle").text.indexOf(teamName) >= 0, item("summaryTitle").text)
            const entries = fixture.entriesOf("vic")
            compare(entries.length, before + 1)
            compare(entries[0].teamName, teamName)
            compare(entries[0].stop, undefined)
            compare(entries[0].source, "kiosk")
            compare(entries[0].kioskName, "Front desk")
            keyClick(Qt.Key_Return) // Done
            waitForScreen("welcomeScreen")
            verify(!fixture.kiosk.session.signedIn)

            // A quick code: typing letters switches to it by itself; on shift, Enter clocks out.
            const code = fixture.quickCode("vic")
            compare(code.length, 4)
            tryVerify(() => item("badgeField").activeFocus)
            signIn("1001", code.toLowerCase())
            waitForScreen("clockScreen")
            verify(item("onShift").text.indexOf(teamName) >= 0)
            keyClick(Qt.Key_Return)
            waitForScreen("summaryScreen")
            verify(item("summaryTitle").text.indexOf("Clocked out") >= 0)
            verify(item("shiftFigure").visible)
            compare(item("nextReward").value, "T-shirt")
            verify(item("eventFigure").value.length > 0)
            verify(fixture.entriesOf("vic")[0].stop !== undefined, "the shift is closed on the server")

            // The same code again: single use.
            keyClick(Qt.Key_Return)
            waitForScreen("welcomeScreen")
            signIn("1001", code)
            tryVerify(() => item("signInProblem").text.indexOf("code") >= 0, 5000)
            keyClick(Qt.Key_Escape)
            waitForScreen("welcomeScreen")
        }

        function test_aNoticeComesBeforeAnythingElse() {
            fixture.stopShift("val")
            fixture.addAutoStopNotice("val")
            pairedKiosk("Side door")
            signIn("1002", "2468")
            waitForScreen("noticeScreen")
            verify(item("noticeTitle").text.indexOf("stopped") >= 0)
            keyClick(Qt.Key_Return)
            waitForScreen("clockScreen")
            compare(fixture.kiosk.session.notifications.waitingCount, 0)
            keyClick(Qt.Key_Escape) // Cancel signs out
            waitForScreen("welcomeScreen")
            verify(!fixture.kiosk.session.signedIn)
        }

        function test_aForgottenClockOutAsksWhenTheShiftReallyEnded() {
            const typed = fixture.forgetClockOut("val", 6, 4)
            verify(typed.length === 4, "the shift was stopped by the day boundary")
            pairedKiosk("Back door")
            signIn("1002", "2468")
            waitForScreen("noticeScreen")
            tryVerify(() => item("noticeBody").text.indexOf(fixture.forgottenStartClock()) >= 0,
                      5000, "the shift's start, as the event's clocks read it")
            tryVerify(() => item("stopField").activeFocus)
            // Nonsense is refused on the spot, and nothing is sent.
            type("2599")
            keyClick(Qt.Key_Return)
            tryVerify(() => item("noticeProblem").text.length > 0)
            shoot("kiosk-forgotten-clockout-problem")
            compare(fixture.correctionsOf("val").length, 0)
            item("stopField").text = ""
            type(typed)
            shoot("kiosk-forgotten-clockout")
            keyClick(Qt.Key_Return)
            // Answered: the kiosk moves on, and a manager has it to decide.
            waitForScreen("clockScreen")
            const asked = fixture.correctionsOf("val")
            compare(asked.length, 1)
            compare(asked[0].status, "pending")
            const entry = fixture.entriesOf("val")[0]
            verify(Math.abs(asked[0].requestedStop - entry.start - 4 * 3600 * 1000) < 60 * 1000,
                   "the typed time, to the minute, on the shift's day")
            compare(entry.stop - entry.start, 3600 * 1000) // until a manager approves
            keyClick(Qt.Key_Escape)
            waitForScreen("welcomeScreen")
        }

        function test_idleGoesBackToTheStart() {
            pairedKiosk("Idle test", 2)
            signIn("1003", "1357")
            waitForScreen("clockScreen")
            verify(item("countdown").visible)
            waitForScreen("welcomeScreen", 8000)
            verify(item("welcomeMessage").text.length > 0)
            verify(!fixture.kiosk.session.signedIn)
        }

        function test_theOperatorMenuIsForLeads() {
            pairedKiosk("Operator test")
            keyClick(Qt.Key_O, Qt.ControlModifier | Qt.ShiftModifier)
            waitForScreen("operatorScreen")
            tryVerify(() => item("operatorBadge").activeFocus)
            type("1001")
            keyClick(Qt.Key_Return)
            type("4711")
            keyClick(Qt.Key_Return)
            tryVerify(() => item("operatorProblem").text.length > 0, 5000, "a volunteer is refused")
            verify(!item("exitKiosk").visible)
            const badge = item("operatorBadge")
            badge.text = ""
            badge.forceActiveFocus()
            type("2001")
            keyClick(Qt.Key_Return)
            type("9999")
            keyClick(Qt.Key_Return)
            tryVerify(() => item("exitKiosk").visible, 5000, "a lead gets the menu")
            verify(item("repair").visible)
            keyClick(Qt.Key_Escape)
            waitForScreen("welcomeScreen")
            verify(!fixture.kiosk.session.signedIn, "the lead is signed out on leaving the menu")
        }
    }
}
