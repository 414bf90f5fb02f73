// The server's connections, as the main thread sees them: a listening socket, the wire threads
// that own every connection (see WireThread), and the two ways across. Events come in batches —
// the threads queue them here and wake the main thread once per batch — and are handed to the
// request handler (a complete request head) or to the connection's Endpoint (messages, deadlines,
// the end). Commands go out to the thread that owns the connection, named by its id; a command
// for a connection that has gone does nothing.
//
// After the hand-over nothing about a connection is on the main thread but its Endpoint: no
// socket object, no timer, no buffer.
#pragma once

#include "closecode.h"
#include "mailbox.h"
#include "wireevent.h"
#include "wirethread.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>

#include <functional>
#include <memory>
#include <vector>

namespace Muster {

class MemoryBudget;

class Wire : public QObject
{
    Q_OBJECT
public:
    // What a WebSocket connection's owner on the main thread hears of it.
    class Endpoint
    {
    public:
        virtual void wireText(QByteArray &&utf8) = 0;
        virtual void wireBinary() = 0;
        virtual void wireSignInDeadline() = 0;
        // The connection is gone; `why` is set when the server ended it (keep-alive, a slow
        // reader). The endpoint is detached already.
        virtual void wireClosed(const QByteArray &why) = 0;

    protected:
        ~Endpoint() = default;
    };
    using RequestHandler = std::function<void(quint64 id, WireEvent::Head &head)>;

    // threads 0: one per processor core.
    Wire(int threads, const WireThread::Settings &settings, MemoryBudget &budget,
        QObject *parent = nullptr);
    ~Wire() override;

    bool listen(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }
    int threadCount() const { return int(m_threads.size()); }

    void setRequestHandler(RequestHandler handler) { m_onRequest = std::move(handler); }
    void attach(quint64 id, Endpoint *endpoint) { m_endpoints.insert(id, endpoint); }
    void detach(quint64 id) { m_endpoints.remove(id); }

    // Commands, from the main thread.
    void respond(quint64 id, QByteArray &&answer);
    void accept(quint64 id, QByteArray &&answer);
    void send(quint64 id, QByteArray &&frame);
    // One frame, encoded once, to many connections: one command per thread that owns some.
    void sendToMany(const std::vector<quint64> &ids, const QByteArray &frame);
    void close(quint64 id, CloseCode code, const QByteArray &reason);
    void abort(quint64 id);
    void identified(quint64 id, qint64 maxMessageBytes);
    void extendSignInDeadline(quint64 id, std::chrono::milliseconds deadline);

    // From a wire thread: takes the events and wakes the main thread if it was not woken yet.
    void deliver(std::vector<WireEvent> &events);

protected:
    void customEvent(QEvent *event) override;

private:
    WireThread &threadOf(quint64 id) const;
    void post(WireCommand &&command);
    void dispatch(WireEvent &event);

    std::vector<std::unique_ptr<WireThread>> m_threads;
    std::vector<int> m_listeners; // one per thread, all on one port
    quint16 m_port = 0;
    QString m_error;
    RequestHandler m_onRequest;
    QHash<quint64, Endpoint *> m_endpoints;

    Mailbox<WireEvent> m_inbox;
};

} // namespace Muster
