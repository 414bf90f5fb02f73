// See signintally.h.
#include "signintally.h"

#include "util/logging.h"

namespace Muster {

SignInTally::SignInTally(std::chrono::milliseconds interval, QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(interval);
    connect(&m_timer, &QTimer::timeout, this, &SignInTally::report);
}

void SignInTally::count(How how)
{
    ++(how == How::Password ? m_passwords : m_resumes);
    // Runs only while there is something to say: an idle server does not wake for it.
    if (!m_timer.isActive())
        m_timer.start();
}

void SignInTally::report()
{
    const auto seconds
        = std::chrono::duration_cast<std::chrono::seconds>(m_timer.intervalAsDuration());
    qCInfo(lcAuth).nospace() << m_passwords + m_resumes << " sign-ins in the last "
                             << seconds.count() << " s (" << m_passwords << " with a password, "
                             << m_resumes << " resumed sessions)";
    m_passwords = m_resumes = 0;
    m_timer.stop();
}

} // namespace Muster
