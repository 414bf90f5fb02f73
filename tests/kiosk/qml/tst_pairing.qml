// Pairing: an unpaired kiosk shows its code large, moves on by itself once a lead approves it,
// shows its name, and goes straight back to pairing when it is revoked.
import QtQuick
import QtTest
import Muster.Kiosk

Item {
    id: top
    width: 1280
    height: 800

    Component {
        id: screensComponent
        KioskScreens { anchors.fill: parent; focus: true; kiosk: fixture.kiosk }
    }

    Component {
        id: mainComponent
        Main { kiosk: fixture.kiosk; windowed: true; windowedWidth: 640; windowedHeight: 400 }
    }

    TestCase {
        name: "Pairing"
        when: windowShown

        function test_pairsThenRevocationSendsItBack() {
            fixture.freshKiosk(60)
            const screens = createTemporaryObject(screensComponent, top)
            const kiosk = fixture.kiosk
            tryVerify(() => kiosk.pairing.pairingCode.length === 6, 10000, "a pairing code is shown")
            verify(findChild(screens, "pairingScreen") !== null)
            const code = kiosk.pairing.pairingCode
            compare(findChild(screens, "pairingCode").text, code.split("").join(" "))
            verify(!kiosk.online)

            const kioskId = fixture.approve(code.toLowerCase(), "Door 1")
            verify(kioskId.length > 0, "the lead's approval went through")
            tryVerify(() => kiosk.online, 10000, "approved, the kiosk signs in by itself")
            tryVerify(() => findChild(screens, "welcomeScreen") !== null)
            compare(kiosk.kioskName, "Door 1")
            compare(kiosk.kioskLocation, "Hall A")
            compare(kiosk.organisationName, "Acme Con")
            tryVerify(() => findChild(screens, "badgeField").activeFocus, 5000,
                      "the badge field has the focus, for the scanner")

            verify(fixture.revoke(kioskId))
            tryVerify(() => findChild(screens, "pairingScreen") !== null, 10000,
                      "revoked, it shows the pairing screen at once")
            tryVerify(() => kiosk.pairing.pairingCode.length === 6 && kiosk.pairing.pairingCode !== code,
                      10000, "with a new code")
        }

        // Closing the window (the window manager's close, Alt+F4) does nothing: only the
        // operator menu's "Exit kiosk" ends the program.
        function test_theWindowRefusesToClose() {
            fixture.freshKiosk(60)
            const window = createTemporaryObject(mainComponent, top)
            tryVerify(() => window.visible)
            window.close()
            verify(window.visible, "still open after a close request")
            verify(!fixture.kiosk.exitAllowed)
        }

        function test_aPairedKioskStartsPairedAfterARestart() {
            fixture.freshKiosk(60)
            const screens = createTemporaryObject(screensComponent, top)
            tryVerify(() => fixture.kiosk.pairing.pairingCode.length === 6, 10000)
            verify(fixture.approve(fixture.kiosk.pairing.pairingCode, "Door 2").length > 0)
            tryVerify(() => fixture.kiosk.online, 10000)

            fixture.restartKiosk()
            tryVerify(() => fixture.kiosk.online, 10000, "the kept device token signs it in again")
            compare(fixture.kiosk.kioskName, "Door 2")
            verify(findChild(screens, "welcomeScreen") !== null)
        }
    }
}
