// What the kiosk suites share: a paired kiosk with its screens in the test window, and typing as
// a person (or a keyboard-wedge scanner) types.
import QtQuick
import QtTest
import Muster.Kiosk

TestCase {
    id: testCase
    when: windowShown
    property Item screens: null
    property Component screensComponent: Component {
        KioskScreens { anchors.fill: parent; focus: true; kiosk: fixture.kiosk }
    }

    // A new kiosk, approved as `name`, on its welcome screen. idleSeconds: its countdown.
    function pairedKiosk(name, idleSeconds) {
        fixture.freshKiosk(idleSeconds === undefined ? 60 : idleSeconds)
        screens = createTemporaryObject(screensComponent, testCase.parent)
        tryVerify(() => fixture.kiosk.pairing.pairingCode.length === 6, 10000)
        verify(fixture.approve(fixture.kiosk.pairing.pairingCode, name).length > 0)
        tryVerify(() => fixture.kiosk.online, 10000)
        waitForScreen("welcomeScreen")
        tryVerify(() => item("badgeField").activeFocus, 5000)
    }
    // The screens as a person sees them, when screenshots are asked for (MUSTER_SCREENSHOT_DIR).
    function shoot(name) {
        if (fixture.screenshotDir.length > 0)
            grabImage(screens).save(fixture.screenshotDir + "/" + name + ".png")
    }
    function item(name) {
        return findChild(screens, name)
    }
    function waitForScreen(name, timeout) {
        tryVerify(() => item(name) !== null, timeout === undefined ? 10000 : timeout, "on " + name)
    }
    function type(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }
    // Badge, Enter, PIN, Enter: as fast as a volunteer in a hurry.
    function signIn(badge, secret) {
        type(badge)
        keyClick(Qt.Key_Return)
        waitForScreen("signInScreen")
        tryVerify(() => item("secretField").activeFocus)
        type(secret)
        keyClick(Qt.Key_Return)
    }
}
