// A JSON-RPC session with muster-server: correlates replies with requests, times them out,
// reconnects with backoff, signs in again after a drop (as a person, or as a kiosk with its device
// token) and turns server pushes into signals. Both UIs use it: C++ through call(), QML through
// request() and the properties.
#pragma once

#include "client/rpcreply.h"
#include "protocol/rpcerror.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <chrono>
#include <functional>

namespace Muster {

class Connection : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool ready READ isReady NOTIFY stateChanged)
    Q_PROPERTY(QUrl url READ url NOTIFY stateChanged)
    Q_PROPERTY(QJsonObject user READ user NOTIFY userChanged)
    Q_PROPERTY(QJsonObject kiosk READ kiosk NOTIFY signedIn)
public:
    enum class State {
        Disconnected, // closed by us, never opened, or the session was refused
        Connecting, // opening the socket
        Authenticating, // socket open, waiting for session.login / session.resume / kiosk.resume
        Ready, // signed in: calls may be made
        Reconnecting, // lost the socket; waiting for the next attempt
        Open, // open without signing in (open()): only methods callable before sign-in
    };
    Q_ENUM(State)

    using ReplyHandler = std::function<void(const QJsonValue &result, const RpcError &error)>;

    explicit Connection(QObject *parent = nullptr);
    ~Connection() override;

    void setRequestTimeout(std::chrono::milliseconds timeout) { m_requestTimeout = timeout; }
    void setReconnectDelays(std::chrono::milliseconds first, std::chrono::milliseconds longest);

    // Signs in with a password; the token it yields is kept for resuming after a drop.
    void signIn(const QUrl &url, const QString &login, const QString &password);
    // Signs in with a token saved from an earlier session.
    void resume(const QUrl &url, const QString &token);
    // Opens without signing in, and reopens after a drop: for what comes before sign-in
    // (kiosk.register and then waiting for approval).
    void open(const QUrl &url);
    // Makes this connection an approved kiosk (kiosk.resume) with its device token, on the open
    // socket when it is already open to url. A refusal (kiosk_pending, kiosk_revoked) comes as
    // signInFailed and closes.
    void resumeKiosk(const QUrl &url, const QString &deviceToken);
    // Ends the session on the server, forgets the token and closes.
    void signOut();
    // Closes the socket without ending the session (the token stays valid).
    void close();

    // Sends a request. The handler runs once, with a result or an error (Timeout, Disconnected
    // included), unless context is destroyed first.
    void call(
        const QString &method, const QJsonObject &params, QObject *context, ReplyHandler handler);
    // The same, answered through an object (for QML): see RpcReply.
    Q_INVOKABLE Muster::RpcReply *request(
        const QString &method, const QJsonObject &params = QJsonObject());

    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    QUrl url() const { return m_url; }
    QString token() const { return m_token; }
    // The person signed in (session.login's user); empty on a kiosk connection.
    QJsonObject user() const { return m_user; }
    // On a kiosk connection, kiosk.resume's answer: {kiosk, organisationId, organisationName,
    // activeEventId}; empty otherwise.
    QJsonObject kiosk() const { return m_kiosk; }
    bool isKiosk() const { return m_credential == Credential::DeviceToken; }

Q_SIGNALS:
    void stateChanged(Muster::Connection::State state);
    // Also after each successful automatic resume. identity is user() for a person, kiosk() for
    // a kiosk.
    void signedIn(const QJsonObject &identity);
    void signInFailed(const Muster::RpcError &error); // wrong password, expired token, …
    // user() changed: signed in, or my own account changed while signed in (profile.changed:
    // a new role or name), so what is offered to me can follow at once.
    void userChanged();
    void tokenChanged(const QString &token);
    void pushReceived(const QString &method, const QJsonObject &params);
    // The server may have missed changes (it lost touch with the other servers or with its
    // database for a moment): re-read whatever is shown, as after signedIn. From session.resync,
    // which never reaches pushReceived.
    void resyncRequested(const QString &reason);
    // A push about another organisation this connection watches (organisations.watch).
    void watchedPushReceived(
        const QString &organisationId, const QString &method, const QJsonObject &params);

private:
    // What the connection signs in with each time the socket opens.
    enum class Credential {
        None, // open()
        Password, // until the first sign-in answers; then SessionToken
        SessionToken,
        DeviceToken,
    };

    struct Pending
    {
        QPointer<QObject> context;
        bool hasContext = false;
        ReplyHandler handler;
    };

    void start(const QUrl &url, Credential credential);
    void openSocket();
    void authenticate();
    void setState(State state);
    void send(
        const QString &method, const QJsonObject &params, QObject *context, ReplyHandler handler);
    void onConnected();
    void onDisconnected();
    void onTextMessage(const QString &message);
    void followMyAccount(const QJsonObject &account);
    void onPingTick();
    void finish(qint64 id, const QJsonValue &result, const RpcError &error);
    void failAllPending(const RpcError &error);
    void scheduleReconnect();

    QWebSocket m_socket;
    QUrl m_url;
    QString m_login;
    QString m_password; // kept only until the first sign-in answers
    QString m_token; // the session token, or the kiosk's device token
    Credential m_credential = Credential::None;
    QJsonObject m_user;
    QJsonObject m_kiosk;
    State m_state = State::Disconnected;
    bool m_wantOpen = false;
    qint64 m_nextId = 1;
    QHash<qint64, Pending> m_pending;
    std::chrono::milliseconds m_requestTimeout {15000};
    std::chrono::milliseconds m_firstDelay {500};
    std::chrono::milliseconds m_longestDelay {30000};
    int m_attempt = 0;
    QTimer m_reconnectTimer;
    QTimer m_pingTimer;
    bool m_awaitingPong = false;
};

} // namespace Muster
