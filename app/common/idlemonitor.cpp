// See idlemonitor.h. Each poll is asynchronous (D-Bus) or a single local round trip (X11), so the
// event loop never waits on the desktop.
#include "idlemonitor.h"

#include "util/logging.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>

#ifdef MUSTER_HAVE_XSS
#include <X11/Xlib.h>
#include <X11/extensions/scrnsaver.h>
#undef None // Xlib's macro would swallow Backend::None
#endif

namespace Muster {

IdleMonitor::IdleMonitor(QObject *parent)
    : QObject(parent)
{
    connect(&m_timer, &QTimer::timeout, this, &IdleMonitor::poll);
}

void IdleMonitor::start(std::chrono::milliseconds interval)
{
    m_timer.start(interval);
    poll();
}

void IdleMonitor::setBackend(Backend backend)
{
    const bool was = isSupported();
    if (backend != m_backend) {
        static const char *const names[] = {"unknown", "GNOME's idle monitor", "X11", "nothing"};
        qCInfo(lcApp) << "idle time from" << names[int(backend)];
    }
    m_backend = backend;
    if (was != isSupported())
        Q_EMIT supportChanged(isSupported());
}

void IdleMonitor::poll()
{
    switch (m_backend) {
    case Backend::Unknown:
    case Backend::Mutter:
        pollMutter();
        break;
    case Backend::X11:
        pollX11();
        break;
    case Backend::None:
        break;
    }
}

void IdleMonitor::pollMutter()
{
    if (m_waiting)
        return;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        if (!pollX11())
            setBackend(Backend::None);
        return;
    }
    const QDBusMessage call
        = QDBusMessage::createMethodCall(QStringLiteral("org.gnome.Mutter.IdleMonitor"),
            QStringLiteral("/org/gnome/Mutter/IdleMonitor/Core"),
            QStringLiteral("org.gnome.Mutter.IdleMonitor"), QStringLiteral("GetIdletime"));
    m_waiting = true;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 2000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        m_waiting = false;
        const QDBusPendingReply<quint64> reply = *w;
        if (reply.isValid()) {
            setBackend(Backend::Mutter);
            Q_EMIT idleTime(std::chrono::milliseconds(reply.value()));
        } else if (m_backend == Backend::Unknown && !pollX11()) {
            setBackend(Backend::None);
        }
        // A Mutter that stops answering for a moment (restarting) is asked again next time.
    });
}

bool IdleMonitor::pollX11()
{
#ifdef MUSTER_HAVE_XSS
    auto *x11 = qGuiApp ? qGuiApp->nativeInterface<QNativeInterface::QX11Application>() : nullptr;
    Display *display = x11 ? x11->display() : nullptr;
    if (!display)
        return false;
    int eventBase = 0;
    int errorBase = 0;
    if (!XScreenSaverQueryExtension(display, &eventBase, &errorBase))
        return false;
    XScreenSaverInfo *info = XScreenSaverAllocInfo();
    const bool ok = info && XScreenSaverQueryInfo(display, DefaultRootWindow(display), info);
    const auto idle = std::chrono::milliseconds(ok ? info->idle : 0);
    XFree(info);
    if (!ok)
        return false;
    setBackend(Backend::X11);
    Q_EMIT idleTime(idle);
    return true;
#else
    return false;
#endif
}

} // namespace Muster
