// One WebSocket peer on the server: decodes frames, enforces the sign-in deadline, frame limits
// and keep-alive, and hands valid requests to the dispatcher. Knows nothing of any feature.
#pragma once

#include "services/caller.h"

#include <QObject>
#include <QTimer>
#include <QWebSocket>

#include <chrono>

namespace Muster {

class RpcDispatcher;

class ClientSocket : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        qint64 maxMessageBytes = 1024 * 1024;
        std::chrono::milliseconds authTimeout {10000};
        std::chrono::milliseconds pingInterval {30000}; // a peer missing two pongs is dropped
        int maxRequestsInFlight = 32; // more unanswered requests than this are refused
    };

    ClientSocket(QWebSocket *socket, RpcDispatcher *dispatcher, const Limits &limits,
        QObject *parent = nullptr);
    ~ClientSocket() override;

    const Caller &caller() const { return m_caller; }
    bool isAuthenticated() const { return m_caller.isValid(); }
    void setCaller(const Caller &caller);
    QString peerAddress() const;

    // Requests being served on this connection; RpcCall keeps the count.
    bool beginRequest();
    void endRequest();

    void sendFrame(const QString &frame);
    void closeNormally();
    void closeWith(QWebSocketProtocol::CloseCode code, const QString &reason);

Q_SIGNALS:
    void closed(Muster::ClientSocket *socket);

private:
    void onText(const QString &text);
    void onBinary();
    void onPingTick();
    void onAuthDeadline();
    void abortLater();

    QWebSocket *m_socket;
    RpcDispatcher *m_dispatcher;
    Caller m_caller;
    QTimer m_authTimer;
    QTimer m_pingTimer;
    int m_missedPongs = 0;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    int m_deadlineExtensions = 0;
};

} // namespace Muster
