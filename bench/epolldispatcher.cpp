// See epolldispatcher.h. Level-triggered epoll, so readiness means what poll() meant to Qt: a
// notifier that is not served stays ready and is reported again on the next pass.
#include "epolldispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QtCore/private/qeventdispatcher_unix_p.h>

#include <array>
#include <sys/epoll.h>
#include <unistd.h>

namespace Muster {

EpollDispatcher::EpollDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_inner(new QEventDispatcherUNIX(this))
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
{
    if (m_epoll < 0)
        qFatal("epoll_create1 failed");
}

EpollDispatcher::~EpollDispatcher()
{
    delete m_ready;
    ::close(m_epoll);
}

void EpollDispatcher::startingUp()
{
    // Made on the dispatcher's own thread, so the notifier belongs there; it registers through
    // registerSocketNotifier, which hands it to the inner dispatcher.
    m_registeringReady = true;
    m_ready = new QSocketNotifier(m_epoll, QSocketNotifier::Read);
    m_registeringReady = false;
    connect(m_ready, &QSocketNotifier::activated, this, &EpollDispatcher::dispatchReady);
    m_inner->startingUp();
}

void EpollDispatcher::closingDown()
{
    m_inner->closingDown();
}

bool EpollDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    return m_inner->processEvents(flags);
}

void EpollDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    if (m_registeringReady || notifier == m_ready) {
        m_inner->registerSocketNotifier(notifier);
        return;
    }
    Watch &watch = m_watches[int(notifier->socket())];
    switch (notifier->type()) {
    case QSocketNotifier::Read:
        watch.read = notifier;
        break;
    case QSocketNotifier::Write:
        watch.write = notifier;
        break;
    case QSocketNotifier::Exception:
        watch.exception = notifier;
        break;
    }
    updateWatch(int(notifier->socket()));
}

void EpollDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    if (notifier == m_ready) {
        m_inner->unregisterSocketNotifier(notifier);
        return;
    }
    const auto it = m_watches.find(int(notifier->socket()));
    if (it == m_watches.end())
        return;
    for (QSocketNotifier **slot : {&it->read, &it->write, &it->exception}) {
        if (*slot == notifier)
            *slot = nullptr;
    }
    updateWatch(int(notifier->socket()));
}

void EpollDispatcher::updateWatch(int fd)
{
    const auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    epoll_event event {};
    event.data.fd = fd;
    event.events
        = (it->read ? EPOLLIN : 0u) | (it->write ? EPOLLOUT : 0u) | (it->exception ? EPOLLPRI : 0u);
    if (event.events == 0) {
        // A descriptor may already be closed here; the kernel then dropped it from the set.
        if (it->inSet)
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        m_watches.erase(it);
        return;
    }
    if (epoll_ctl(m_epoll, it->inSet ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &event) == 0) {
        it->inSet = true;
    } else if (it->inSet && errno == ENOENT) {
        // The descriptor number was closed and reused behind our back: start afresh.
        if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) == 0)
            it->inSet = true;
    }
}

void EpollDispatcher::dispatchReady()
{
    std::array<epoll_event, 256> ready {};
    const int count = epoll_wait(m_epoll, ready.data(), int(ready.size()), 0);
    for (int i = 0; i < count; ++i) {
        const int fd = ready[i].data.fd;
        const uint32_t events = ready[i].events;
        const bool failed = events & (EPOLLERR | EPOLLHUP);
        // Serving one notifier may close or re-register others: look the descriptor up afresh
        // before each delivery, never through a pointer kept across one.
        const auto deliver = [this, fd](QSocketNotifier *Watch::*slot) {
            const auto it = m_watches.constFind(fd);
            if (it == m_watches.cend() || !((*it).*slot))
                return;
            QEvent event(QEvent::SockAct);
            QCoreApplication::sendEvent((*it).*slot, &event);
        };
        if (events & (EPOLLIN | EPOLLERR | EPOLLHUP))
            deliver(&Watch::read);
        if ((events & EPOLLOUT) || failed)
            deliver(&Watch::write);
        if (events & EPOLLPRI)
            deliver(&Watch::exception);
    }
}

void EpollDispatcher::registerTimer(
    int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    m_inner->registerTimer(timerId, interval, timerType, object);
}

bool EpollDispatcher::unregisterTimer(int timerId)
{
    return m_inner->unregisterTimer(timerId);
}

bool EpollDispatcher::unregisterTimers(QObject *object)
{
    return m_inner->unregisterTimers(object);
}

QList<QAbstractEventDispatcher::TimerInfo> EpollDispatcher::registeredTimers(QObject *object) const
{
    return m_inner->registeredTimers(object);
}

int EpollDispatcher::remainingTime(int timerId)
{
    return m_inner->remainingTime(timerId);
}

void EpollDispatcher::wakeUp()
{
    m_inner->wakeUp();
}

void EpollDispatcher::interrupt()
{
    m_inner->interrupt();
}

} // namespace Muster
