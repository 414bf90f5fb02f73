// The kiosk's "back to the start" clock: runs while someone is at a screen other than the
// welcome screen, shows the seconds left, starts over on any input, and times out after 60 s
// without one, so the next person never finds the last one signed in.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace Muster {

class IdleCountdown : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY secondsLeftChanged)
    Q_PROPERTY(int limitSeconds READ limitSeconds CONSTANT)
public:
    explicit IdleCountdown(int limitSeconds = 60, QObject *parent = nullptr);

    bool isRunning() const { return m_running; }
    int secondsLeft() const { return m_secondsLeft; }
    int limitSeconds() const { return m_limit; }

public Q_SLOTS:
    void start();
    void stop();
    // Input: the full time again (a no-op while stopped).
    void reset();

Q_SIGNALS:
    void runningChanged();
    void secondsLeftChanged();
    void timedOut();
    // At most every few seconds while running: someone is still here (the kiosk tells the server).
    void activity();

private:
    void tick();
    void setSecondsLeft(int seconds);

    int m_limit;
    int m_secondsLeft;
    bool m_running = false;
    QTimer m_tick;
    QElapsedTimer m_sinceInput;
    QElapsedTimer m_sinceActivity;
};

} // namespace Muster
