// How long since the person last touched keyboard or mouse anywhere on their desktop, polled:
// GNOME's Mutter idle monitor over D-Bus (Wayland and X11), else the X11 screensaver extension.
// Where neither answers (some Wayland desktops, offscreen) isSupported() says so and auto-away
// is not offered: guessing from activity in Muster's own windows would send people away while
// they work in other programs.
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace Muster {

class IdleMonitor : public QObject
{
    Q_OBJECT
public:
    explicit IdleMonitor(QObject *parent = nullptr);

    // Known after the first poll (the D-Bus probe is asynchronous).
    bool isSupported() const { return m_backend != Backend::None; }
    void start(std::chrono::milliseconds interval);

Q_SIGNALS:
    void idleTime(std::chrono::milliseconds idle);
    void supportChanged(bool supported);

private:
    enum class Backend { Unknown, Mutter, X11, None };

    void poll();
    void pollMutter();
    bool pollX11();
    void setBackend(Backend backend);

    Backend m_backend = Backend::Unknown;
    QTimer m_timer;
    bool m_waiting = false; // a D-Bus reply is outstanding
};

} // namespace Muster
