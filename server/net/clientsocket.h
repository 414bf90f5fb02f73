// One WebSocket peer on the server, as the services see it: who it is, decoding of its frames,
// the sign-in deadline and the requests in flight; valid requests go to the dispatcher. Lives on
// the main thread; its SocketPump (frames, limits, keep-alive) may live on a socket thread.
// Knows nothing of any feature.
#pragma once

#include "caller.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWebSocketProtocol>

#include <chrono>

namespace Muster {

class RpcDispatcher;
class SocketPump;

class ClientSocket : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        qint64 maxMessageBytes = 1024 * 1024;
        // Until the peer has signed in: signing in takes a few hundred bytes.
        qint64 maxMessageBytesBeforeSignIn = 16 * 1024;
        // An anonymous client of the anteroom: a chat message of 4,000 characters at most.
        qint64 maxMessageBytesForChatClient = 64 * 1024;
        std::chrono::milliseconds authTimeout {10000};
        std::chrono::milliseconds pingInterval {30000}; // a peer missing two pongs is dropped
        int maxRequestsInFlight = 32; // more unanswered requests than this are refused
    };

    // Takes over the pump, wherever it lives (see SocketThreads).
    ClientSocket(SocketPump *pump, RpcDispatcher *dispatcher, const Limits &limits,
        QObject *parent = nullptr);
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

    void sendFrame(const QString &frame);
    // Where the transport lives, for senders that batch frames per thread (PushHub): the pump
    // may only be touched from code posted to `lane`, and only while the pointer is not null.
    void setLane(QObject *lane) { m_lane = lane; }
    QObject *lane() const { return m_lane; }
    const QPointer<SocketPump> &pump() const { return m_pumpGuard; }
    void closeNormally();
    void closeWith(QWebSocketProtocol::CloseCode code, const QString &reason);
    // Drops the connection without a closing handshake, as a network failure would.
    void abort();

Q_SIGNALS:
    void closed(Muster::ClientSocket *socket);
    // A request arrived (for idle time-outs such as a kiosk's).
    void requestReceived();
    // To the pump, queued when it lives on another thread.
    void frameOut(const QString &frame);
    void closeOut(QWebSocketProtocol::CloseCode code, const QString &reason);
    void messageLimitOut(qint64 maxMessageBytes);
    // The first time the connection has an identity (a person, or a kiosk): for the
    // server's count of connections not yet signed in.
    void identified(Muster::ClientSocket *socket);
    void abortOut();

private:
    void onText(const QString &text);
    void onBinary();
    void onAuthDeadline();

    SocketPump *m_pump;
    QPointer<SocketPump> m_pumpGuard; // made while the pump is certainly alive
    QObject *m_lane = nullptr;
    QString m_peerAddress;
    RpcDispatcher *m_dispatcher;
    Caller m_caller;
    QTimer m_authTimer;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    int m_deadlineExtensions = 0;
    qint64 m_maxMessageBytes = 0;
    qint64 m_maxChatClientBytes = 0;
    bool m_identified = false;
};

} // namespace Muster
