// One WebSocket peer on the server, as the services see it: who it is, decoding of its messages,
// the sign-in deadline and the requests in flight; valid requests go to the dispatcher. Lives on
// the main thread; the connection itself — frames, limits, keep-alive — belongs to a wire thread
// (see wire/wire.h), reached by its id. Knows nothing of any feature.
#pragma once

#include "caller.h"
#include "wire/closecode.h"
#include "wire/wire.h"

#include <QObject>
#include <QSet>

#include <chrono>

namespace Muster {

class RpcDispatcher;

class ClientSocket : public QObject, private Wire::Endpoint
{
    Q_OBJECT
public:
    // What the wire enforces on its own (head, frames before sign-in, unread bytes, the
    // deadlines, keep-alive), and what only a signed-in peer's socket can tell.
    struct Limits : WireThread::Settings
    {
        qint64 maxMessageBytes = 1024 * 1024;
        // An anonymous client of the anteroom: a chat message of 4,000 characters at most.
        qint64 maxMessageBytesForChatClient = 64 * 1024;
        int maxRequestsInFlight = 32; // more unanswered requests than this are refused
    };

    // The connection `id` of `wire`, accepted as a WebSocket; clientAddress is where the peer
    // really is (behind a trusted proxy, not the proxy).
    ClientSocket(Wire &wire, quint64 id, const QString &clientAddress, RpcDispatcher *dispatcher,
        const Limits &limits, QObject *parent = nullptr);
    ~ClientSocket() override;

    const Caller &caller() const { return m_caller; }
    bool isAuthenticated() const { return m_caller.isValid(); }
    // Has had an identity (a person or a kiosk) at some point, even if signed out since.
    bool wasIdentified() const { return m_identified; }
    // A kiosk without anyone signed in counts as signed in for the sign-in deadline.
    void setCaller(const Caller &caller);
    // Gives an anonymous peer longer to sign in (a kiosk waiting to be approved).
    void extendSignInDeadline(std::chrono::milliseconds deadline);
    QString peerAddress() const { return m_peerAddress; }

    // Requests being served on this connection; RpcCall keeps the count.
    bool beginRequest();
    void endRequest();

    // Sends one JSON-RPC message (UTF-8 JSON).
    void sendMessage(const QByteArray &json);
    // The same message to every one of `sockets`, framed once (a push).
    static void sendToAll(const QSet<ClientSocket *> &sockets, const QByteArray &json);
    void closeNormally() { closeWith(CloseCode::Normal, {}); }
    void closeWith(CloseCode code, const QString &reason);
    // Drops the connection without a closing handshake, as a network failure would.
    void abort();

Q_SIGNALS:
    void closed(Muster::ClientSocket *socket);
    // A request arrived (for idle time-outs such as a kiosk's).
    void requestReceived();
    // The first time the connection has an identity (a person, or a kiosk): for the
    // server's count of connections not yet signed in.
    void identified(Muster::ClientSocket *socket);

private:
    void wireText(QByteArray &&utf8) override;
    void wireBinary() override;
    void wireSignInDeadline() override;
    void wireClosed(const QByteArray &why) override;

    Wire &m_wire;
    const quint64 m_id;
    QString m_peerAddress;
    RpcDispatcher *m_dispatcher;
    Caller m_caller;
    std::chrono::milliseconds m_authTimeout;
    qint64 m_maxMessageBytes = 0;
    qint64 m_maxChatClientBytes = 0;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    int m_deadlineExtensions = 0;
    bool m_identified = false;
    bool m_closed = false;
};

} // namespace Muster
