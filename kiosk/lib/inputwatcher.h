// Watches every input the kiosk gets: any key, click or touch restarts the idle countdown, and
// the mouse cursor disappears after a few seconds without moving (a touch kiosk shows none).
#pragma once

#include <QObject>
#include <QTimer>

namespace Muster {

class IdleCountdown;

class InputWatcher : public QObject
{
    Q_OBJECT
public:
    // Installs itself on the application.
    explicit InputWatcher(IdleCountdown &idle, QObject *parent = nullptr);
    ~InputWatcher() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void hideCursor();
    void showCursor();

    IdleCountdown &m_idle;
    QTimer m_cursorTimer;
    bool m_cursorHidden = false;
};

} // namespace Muster
