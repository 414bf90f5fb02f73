// See unixsignalwatcher.h.
#include "unixsignalwatcher.h"

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace Muster {

namespace {
int g_fds[2] = {-1, -1};
}

UnixSignalWatcher::UnixSignalWatcher(std::initializer_list<int> signals, QObject *parent)
    : QObject(parent)
{
    if (g_fds[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_fds) != 0)
        return;
    m_notifier = std::make_unique<QSocketNotifier>(g_fds[1], QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &UnixSignalWatcher::onReadable);
    for (int s : signals) {
        struct sigaction action
        {
        };
        action.sa_handler = &UnixSignalWatcher::handle;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(s, &action, nullptr);
    }
}

UnixSignalWatcher::~UnixSignalWatcher() = default;

void UnixSignalWatcher::handle(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const auto written = ::write(g_fds[0], &byte, 1);
}

void UnixSignalWatcher::onReadable()
{
    char byte = 0;
    if (::read(g_fds[1], &byte, 1) == 1)
        Q_EMIT signalReceived(int(byte));
}

} // namespace Muster
