// See idlecountdown.h.
#include "idlecountdown.h"

namespace Muster {

namespace {
constexpr qint64 kActivityEveryMs = 15000;
}

IdleCountdown::IdleCountdown(int limitSeconds, QObject *parent)
    : QObject(parent)
    , m_limit(limitSeconds)
    , m_secondsLeft(limitSeconds)
{
    m_tick.setInterval(std::chrono::milliseconds(250));
    connect(&m_tick, &QTimer::timeout, this, &IdleCountdown::tick);
}

void IdleCountdown::start()
{
    m_sinceInput.start();
    m_sinceActivity.start();
    setSecondsLeft(m_limit);
    m_tick.start();
    if (!m_running) {
        m_running = true;
        Q_EMIT runningChanged();
    }
}

void IdleCountdown::stop()
{
    m_tick.stop();
    setSecondsLeft(m_limit);
    if (m_running) {
        m_running = false;
        Q_EMIT runningChanged();
    }
}

void IdleCountdown::reset()
{
    if (!m_running)
        return;
    m_sinceInput.restart();
    setSecondsLeft(m_limit);
    if (m_sinceActivity.elapsed() >= kActivityEveryMs) {
        m_sinceActivity.restart();
        Q_EMIT activity();
    }
}

void IdleCountdown::tick()
{
    const int left = m_limit - int(m_sinceInput.elapsed() / 1000);
    setSecondsLeft(qMax(left, 0));
    if (left <= 0) {
        stop();
        Q_EMIT timedOut();
    }
}

void IdleCountdown::setSecondsLeft(int seconds)
{
    if (seconds == m_secondsLeft)
        return;
    m_secondsLeft = seconds;
    Q_EMIT secondsLeftChanged();
}

} // namespace Muster
