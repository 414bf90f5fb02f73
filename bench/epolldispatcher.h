// An event dispatcher whose cost per wakeup does not grow with the number of sockets, for the
// load tools that still hold thousands of QWebSockets on one thread (muster-bench-timeclock,
// muster-bench-chat); the server itself has no Qt sockets on its wire threads (wire/). Qt's Unix
// dispatcher polls every registered descriptor on each wakeup; with thousands of sockets that
// poll is most of the work.
// This one keeps socket notifiers in an epoll set, which the kernel reports ready descriptors
// from, and lets an inner QEventDispatcherUNIX do everything else — timers, posted events,
// wake-ups — with a single descriptor to poll: the epoll set itself.
#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>

class QEventDispatcherUNIX;
class QSocketNotifier;

namespace Muster {

class EpollDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    explicit EpollDispatcher(QObject *parent = nullptr);
    ~EpollDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;
    void registerTimer(
        int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;
    void interrupt() override;
    void startingUp() override;
    void closingDown() override;

private:
    struct Watch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        bool inSet = false;
    };

    void updateWatch(int fd);
    void dispatchReady();

    QEventDispatcherUNIX *m_inner;
    int m_epoll = -1;
    QSocketNotifier *m_ready = nullptr; // the epoll set, watched by the inner dispatcher
    bool m_registeringReady = false;
    QHash<int, Watch> m_watches;
};

} // namespace Muster
