// The on-screen keypad for touch: digits (and, for quick codes, letters) typed into `target`,
// a delete key and an OK key. It takes no focus, so a scanner or keyboard keeps typing into the
// field.
import QtQuick
import QtQuick.Layouts

GridLayout {
    id: pad
    property Item target
    property bool letters: false
    property string okText: qsTr("OK")
    signal accepted()

    readonly property var digitKeys: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
    readonly property var letterKeys: "ABCDEFGHJKLMNPQRSTUVWXYZ".split("")
    columns: letters ? 8 : 3
    rowSpacing: Theme.unit * 0.5
    columnSpacing: Theme.unit * 0.5

    function press(key) {
        if (!target)
            return
        if (key === "⌫")
            target.text = target.text.slice(0, -1)
        else if (key === "OK")
            pad.accepted()
        else if (target.maximumLength === undefined || target.text.length < target.maximumLength)
            target.text += key
    }

    Repeater {
        model: pad.letters ? pad.letterKeys.concat(["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "⌫", "OK"]) : pad.digitKeys
        delegate: Rectangle {
            required property string modelData
            readonly property bool isOk: modelData === "OK"
            Layout.fillWidth: true
            Layout.preferredWidth: Theme.unit * (pad.letters ? 3.2 : 5)
            Layout.preferredHeight: Theme.unit * (pad.letters ? 2.8 : 3.6)
            Layout.columnSpan: 1
            radius: Theme.radius
            color: isOk ? (tap.pressed ? Qt.darker(Theme.accent, 1.2) : Theme.accent)
                        : (tap.pressed ? Theme.surface : Theme.surfaceRaised)
            Accessible.role: Accessible.Button
            Accessible.name: modelData === "⌫" ? qsTr("Delete") : isOk ? pad.okText : modelData
            Text {
                anchors.centerIn: parent
                text: parent.isOk ? pad.okText : parent.modelData
                color: parent.isOk ? Theme.accentInk : Theme.text
                // A long OK label ("Sign in") in the body size, so it fits its key.
                font.pixelSize: pad.letters || (parent.isOk && pad.okText.length > 3) ? Theme.body : Theme.large
                font.bold: true
            }
            TapHandler {
                id: tap
                onTapped: pad.press(parent.modelData)
            }
        }
    }
}
