// Wi-Fi fails: the kiosk says so, keeps clocking people by badge, queues what they do with its
// time, and when the connection returns replays it so that every entry is on the server with its
// original time; a restart mid-outage keeps the queue; what the server no longer accepts is
// shown, not lost silently.
import QtQuick
import QtTest

Item {
    id: top
    width: 1280
    height: 800

    KioskTestCase {
        name: "Offline"

        function offlineClock(badge, expected) {
            tryVerify(() => item("badgeField") && item("badgeField").activeFocus)
            type(badge)
            keyClick(Qt.Key_Return)
            waitForScreen("offlineScreen")
            if (expected === "clockIn") {
                tryVerify(() => item("offlineTeams").activeFocus, 3000, "the teams come first")
                keyClick(Qt.Key_1)
                keyClick(Qt.Key_Return)
            } else {
                tryVerify(() => item("offlineClockOut").activeFocus, 3000,
                          "after a queued clock-in, clocking out comes first")
                keyClick(Qt.Key_Return)
            }
            waitForScreen("summaryScreen")
            verify(item("queuedNote").text.length > 0, "it says the time is kept on the kiosk")
            keyClick(Qt.Key_Return)
            waitForScreen("welcomeScreen")
        }

        function test_threePeopleOfflineThenEverythingOnTheServer() {
            const people = [["vic", "1001", "4711"], ["val", "1002", "2468"], ["vera", "1003", "1357"]]
            for (const p of people)
                fixture.stopShift(p[0])
            pairedKiosk("Hall B")
            // Someone signs in online first, so the kiosk has seen the teams.
            signIn("1001", "4711")
            waitForScreen("clockScreen")
            keyClick(Qt.Key_Escape)
            waitForScreen("welcomeScreen")
            const before = people.map(p => fixture.entriesOf(p[0]).length)

            fixture.cutConnection()
            tryVerify(() => !fixture.kiosk.online, 10000)
            tryVerify(() => item("offlineBanner").text.length > 0, 3000, "it says plainly it is offline")
            for (const p of people)
                offlineClock(p[1], "clockIn")
            for (const p of people)
                offlineClock(p[1], "clockOut")
            compare(fixture.kiosk.outbox.queuedCount, 6)
            const queued = fixture.queuedActions()

            fixture.restoreConnection()
            tryVerify(() => fixture.kiosk.online, 20000, "back online")
            tryVerify(() => fixture.kiosk.outbox.queuedCount === 0, 20000, "the queue is replayed")
            compare(fixture.kiosk.outbox.refusedCount, 0)
            for (let i = 0; i < people.length; ++i) {
                const entries = fixture.entriesOf(people[i][0])
                compare(entries.length, before[i] + 1, people[i][0])
                const clockIn = queued.find(a => a.badge === people[i][1] && a.kind === "clockIn")
                const clockOut = queued.find(a => a.badge === people[i][1] && a.kind === "clockOut")
                compare(entries[0].start, clockIn.at, "started when it happened, not when replayed")
                compare(entries[0].stop, clockOut.at)
                verify(entries[0].offline, "flagged for managers")
                compare(entries[0].kioskName, "Hall B")
            }
        }

        function test_aRestartMidOutageKeepsTheQueue() {
            fixture.stopShift("vera")
            pairedKiosk("Hall C")
            signIn("1003", "1357")
            waitForScreen("clockScreen")
            keyClick(Qt.Key_Escape)
            waitForScreen("welcomeScreen")
            const before = fixture.entriesOf("vera").length

            fixture.cutConnection()
            tryVerify(() => !fixture.kiosk.online, 10000)
            offlineClock("1003", "clockIn")
            const queued = fixture.queuedActions()
            compare(queued.length, 1)

            fixture.restartKiosk() // power cut: a new process on the same disk
            waitForScreen("welcomeScreen")
            compare(fixture.kiosk.outbox.queuedCount, 1)
            compare(fixture.kiosk.kioskName, "Hall C", "it knows who it is while offline")
            verify(!fixture.kiosk.online)

            fixture.restoreConnection()
            tryVerify(() => fixture.kiosk.outbox.queuedCount === 0, 20000)
            const entries = fixture.entriesOf("vera")
            compare(entries.length, before + 1)
            compare(entries[0].start, queued[0].at)
            compare(entries[0].stop, undefined, "still on shift")
            fixture.stopShift("vera")
        }

        function test_whatTheServerNoLongerAcceptsIsShown() {
            pairedKiosk("Hall D")
            fixture.cutConnection()
            tryVerify(() => !fixture.kiosk.online, 10000)
            fixture.queueStaleAction("1002")
            fixture.restoreConnection()
            tryVerify(() => fixture.kiosk.outbox.refusedCount === 1, 20000)
            compare(fixture.kiosk.outbox.queuedCount, 0)
            tryVerify(() => item("refusedBanner").text.length > 0, 3000)
            const refused = fixture.queuedActions()
            verify(refused[0].refused)
        }
    }
}
