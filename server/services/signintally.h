// Counts sign-ins and says how many there were once per interval, in one line. After a restart
// thousands of clients resume within seconds; a line each drowned the log (14 MB over a few
// benchmark runs) and cost the main thread. Each sign-in is still logged at debug level
// (QT_LOGGING_RULES="muster.auth.debug=true").
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace Muster {

class SignInTally : public QObject
{
    Q_OBJECT
public:
    enum class How { Password, Resume };

    explicit SignInTally(
        std::chrono::milliseconds interval = std::chrono::seconds(60), QObject *parent = nullptr);

    void count(How how);

private:
    void report();

    QTimer m_timer;
    int m_passwords = 0;
    int m_resumes = 0;
};

} // namespace Muster
