// The kiosk's look in one place: high contrast on a dark ground (readable across a hall and in
// sunlight), and sizes that follow the screen so 1024×600 and 4K both look right. Root sets
// `unit` from the window; everything else is in units.
pragma Singleton
import QtQuick

QtObject {
    property real unit: 16 // about a thirtieth of the shorter side of the window

    readonly property color background: "#0e1621"
    readonly property color surface: "#1b2735"
    readonly property color surfaceRaised: "#26364a"
    readonly property color text: "#ffffff"
    readonly property color muted: "#b9c6d3"
    readonly property color accent: "#ffd23f" // the one thing to press
    readonly property color accentInk: "#111111"
    readonly property color good: "#3ddc84"
    readonly property color bad: "#ff7070"
    readonly property color info: "#62c7ff"
    readonly property color focusRing: "#ffffff"

    readonly property real huge: unit * 4.2
    readonly property real title: unit * 2.2
    readonly property real large: unit * 1.6
    readonly property real body: unit * 1.15
    readonly property real small: unit * 0.9
    readonly property real radius: unit * 0.6
    readonly property real gap: unit

    // "2 h 05 min", "45 min", "0 min": durations as people say them.
    function duration(seconds) {
        const total = Math.max(0, Math.floor(seconds / 60))
        const h = Math.floor(total / 60)
        const m = total % 60
        if (h === 0)
            return qsTr("%1 min").arg(m)
        return qsTr("%1 h %2 min").arg(h).arg(m < 10 ? "0" + m : m)
    }
    function hours(seconds) {
        return qsTr("%1 h").arg((Math.max(0, seconds) / 3600).toLocaleString(Qt.locale(), "f", 1))
    }
    function clockTime(date) {
        // Hours and minutes in the local way, without seconds (the C locale's short form has them).
        return date ? Qt.formatTime(date, Qt.locale().timeFormat(Locale.ShortFormat).replace(/[:.]ss/, "")) : ""
    }
}
