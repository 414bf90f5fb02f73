// Turns SIGTERM/SIGINT into a Qt signal (self-pipe), so shutdown runs on the event loop and the
// embedded PostgreSQL is stopped cleanly.
#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <memory>

namespace Muster {

class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(std::initializer_list<int> signals, QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void signalReceived(int signal);

private:
    static void handle(int signal);
    void onReadable();

    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace Muster
