// See inputwatcher.h.
#include "inputwatcher.h"

#include "idlecountdown.h"

#include <QEvent>
#include <QGuiApplication>
#include <QWindow>

namespace Muster {

InputWatcher::InputWatcher(IdleCountdown &idle, QObject *parent)
    : QObject(parent)
    , m_idle(idle)
{
    m_cursorTimer.setSingleShot(true);
    m_cursorTimer.setInterval(std::chrono::seconds(3));
    connect(&m_cursorTimer, &QTimer::timeout, this, &InputWatcher::hideCursor);
    qApp->installEventFilter(this);
    m_cursorTimer.start();
}

InputWatcher::~InputWatcher()
{
    showCursor();
}

bool InputWatcher::eventFilter(QObject *watched, QEvent *event)
{
    // Each input reaches several objects on its way; count it once, at its window.
    if (!qobject_cast<QWindow *>(watched))
        return false;
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::Wheel:
        m_idle.reset();
        break;
    case QEvent::MouseMove:
        showCursor();
        m_cursorTimer.start();
        break;
    default:
        break;
    }
    return false;
}

void InputWatcher::hideCursor()
{
    if (m_cursorHidden)
        return;
    QGuiApplication::setOverrideCursor(Qt::BlankCursor);
    m_cursorHidden = true;
}

void InputWatcher::showCursor()
{
    if (!m_cursorHidden)
        return;
    QGuiApplication::restoreOverrideCursor();
    m_cursorHidden = false;
}

} // namespace Muster
