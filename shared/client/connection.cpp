// See connection.h. Everything runs on the owner's thread; no call blocks.
#include "connection.h"

#include "protocol/rpcmessage.h"
#include "util/logging.h"

#include <QJsonArray>
#include <QRandomGenerator>

#include <algorithm>

namespace Muster {

namespace {
constexpr auto kPingInterval = std::chrono::seconds(20);
}

Connection::Connection(QObject *parent)
    : QObject(parent)
{
    m_reconnectTimer.setSingleShot(true);
    m_pingTimer.setInterval(kPingInterval);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &Connection::openSocket);
    connect(&m_pingTimer, &QTimer::timeout, this, &Connection::onPingTick);
    connect(&m_socket, &QWebSocket::connected, this, &Connection::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &Connection::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &Connection::onTextMessage);
    connect(&m_socket, &QWebSocket::pong, this, [this] { m_awaitingPong = false; });
}

Connection::~Connection()
{
    m_wantOpen = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

void Connection::setReconnectDelays(
    std::chrono::milliseconds first, std::chrono::milliseconds longest)
{
    m_firstDelay = first;
    m_longestDelay = std::max(first, longest);
}

void Connection::signIn(const QUrl &url, const QString &login, const QString &password)
{
    close();
    m_login = login;
    m_password = password;
    m_token.clear();
    start(url, Credential::Password);
}

void Connection::resume(const QUrl &url, const QString &token)
{
    close();
    m_token = token;
    start(url, Credential::SessionToken);
}

void Connection::open(const QUrl &url)
{
    close();
    m_token.clear();
    start(url, Credential::None);
}

void Connection::resumeKiosk(const QUrl &url, const QString &deviceToken)
{
    if (m_state == State::Open && url == m_url) {
        // Approved while waiting on this socket: sign in on it.
        m_token = deviceToken;
        m_credential = Credential::DeviceToken;
        m_attempt = 0;
        authenticate();
        return;
    }
    close();
    m_token = deviceToken;
    start(url, Credential::DeviceToken);
}

void Connection::start(const QUrl &url, Credential credential)
{
    m_url = url;
    m_credential = credential;
    if (credential != Credential::Password) {
        m_login.clear();
        m_password.clear();
    }
    m_user = {};
    m_kiosk = {};
    m_wantOpen = true;
    m_attempt = 0;
    openSocket();
}

void Connection::signOut()
{
    if (m_state == State::Ready && m_credential == Credential::SessionToken) {
        // Close once the server has ended the session, whatever it answers.
        send(QStringLiteral("session.logout"), {}, this,
            [this](const QJsonValue &, const RpcError &) { close(); });
    } else {
        close();
    }
    m_wantOpen = false;
    if (!m_token.isEmpty()) {
        m_token.clear();
        Q_EMIT tokenChanged(m_token);
    }
}

void Connection::close()
{
    m_wantOpen = false;
    m_reconnectTimer.stop();
    m_pingTimer.stop();
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.close();
    failAllPending(RpcError {RpcError::Disconnected, QStringLiteral("Connection closed"),
        QStringLiteral("disconnected"), {}});
    setState(State::Disconnected);
}

void Connection::call(
    const QString &method, const QJsonObject &params, QObject *context, ReplyHandler handler)
{
    if (m_state != State::Ready && m_state != State::Open) {
        const RpcError error {RpcError::Disconnected, QStringLiteral("Not connected"),
            QStringLiteral("disconnected"), {}};
        // Answer asynchronously, like any other reply, so callers see one code path.
        QMetaObject::invokeMethod(
            this,
            [context = QPointer<QObject>(context), hasContext = context != nullptr,
                handler = std::move(handler), error] {
                if (!hasContext || context)
                    handler(QJsonValue(), error);
            },
            Qt::QueuedConnection);
        return;
    }
    send(method, params, context, std::move(handler));
}

RpcReply *Connection::request(const QString &method, const QJsonObject &params)
{
    auto *reply = new RpcReply(this);
    call(method, params, reply,
        [reply](const QJsonValue &result, const RpcError &error) { reply->finish(result, error); });
    return reply;
}

void Connection::send(
    const QString &method, const QJsonObject &params, QObject *context, ReplyHandler handler)
{
    const qint64 id = m_nextId++;
    m_pending.insert(id, Pending {context, context != nullptr, std::move(handler)});
    m_socket.sendTextMessage(
        QString::fromUtf8(RpcMessage::encodeRequest(QJsonValue(id), method, params)));
    QTimer::singleShot(m_requestTimeout, this, [this, id] {
        finish(id, QJsonValue(),
            RpcError {RpcError::Timeout, QStringLiteral("No reply in time"),
                QStringLiteral("timeout"), {}});
    });
}

void Connection::openSocket()
{
    if (!m_wantOpen)
        return;
    setState(State::Connecting);
    qCDebug(lcClient) << "connecting to" << m_url;
    m_socket.open(m_url);
}

void Connection::onConnected()
{
    m_awaitingPong = false;
    m_pingTimer.start();
    authenticate();
}

void Connection::authenticate()
{
    if (m_credential == Credential::None) {
        m_attempt = 0;
        setState(State::Open);
        return;
    }
    setState(State::Authenticating);
    QString method;
    QJsonObject params;
    switch (m_credential) {
    case Credential::Password:
        method = QStringLiteral("session.login");
        params = {{QStringLiteral("login"), m_login}, {QStringLiteral("password"), m_password}};
        break;
    case Credential::SessionToken:
        method = QStringLiteral("session.resume");
        params = {{QStringLiteral("token"), m_token}};
        break;
    case Credential::DeviceToken:
        method = QStringLiteral("kiosk.resume");
        params = {{QStringLiteral("deviceToken"), m_token}};
        break;
    case Credential::None:
        break;
    }
    send(method, params, this, [this](const QJsonValue &result, const RpcError &error) {
        if (error.isValid()) {
            if (error.code == RpcError::Timeout || error.code == RpcError::Disconnected) {
                m_socket.abort(); // onDisconnected schedules the next attempt
                return;
            }
            qCInfo(lcClient) << "sign-in refused:" << error.reason;
            m_wantOpen = false;
            m_password.clear();
            m_socket.close();
            setState(State::Disconnected);
            Q_EMIT signInFailed(error);
            return;
        }
        const QJsonObject answer = result.toObject();
        if (m_credential == Credential::DeviceToken) {
            m_kiosk = answer;
        } else {
            m_user = answer.value(QStringLiteral("user")).toObject();
        }
        if (m_credential == Credential::Password) {
            m_password.clear();
            m_token = answer.value(QStringLiteral("token")).toString();
            m_credential = Credential::SessionToken;
            Q_EMIT tokenChanged(m_token);
        }
        m_attempt = 0;
        setState(State::Ready);
        Q_EMIT signedIn(m_credential == Credential::DeviceToken ? m_kiosk : m_user);
        Q_EMIT userChanged();
    });
}

void Connection::onDisconnected()
{
    m_pingTimer.stop();
    failAllPending(RpcError {RpcError::Disconnected, QStringLiteral("Connection lost"),
        QStringLiteral("disconnected"), {}});
    if (m_wantOpen)
        scheduleReconnect();
    else
        setState(State::Disconnected);
}

void Connection::scheduleReconnect()
{
    // Exponential backoff with ±20 % jitter so a restarted server is not hit by every client at
    // once.
    const double base = double(m_firstDelay.count()) * double(1 << std::min(m_attempt, 16));
    const double capped = std::min(base, double(m_longestDelay.count()));
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    ++m_attempt;
    setState(State::Reconnecting);
    m_reconnectTimer.start(std::chrono::milliseconds(qint64(capped * jitter)));
}

void Connection::onTextMessage(const QString &text)
{
    const RpcMessage message = RpcMessage::decode(text.toUtf8());
    switch (message.kind()) {
    case RpcMessage::Kind::Notification: {
        // Pushes of another organisation (a superadmin's organisations.watch) are tagged; keep them
        // apart so views of one's own organisation never mix them in.
        const QString org = message.params().value(QStringLiteral("organisationId")).toString();
        const auto deliver = [this, &org](const QString &method, const QJsonObject &params) {
            if (!org.isEmpty())
                Q_EMIT watchedPushReceived(org, method, params);
            else
                Q_EMIT pushReceived(method, params);
        };
        if (message.method() == QLatin1String("session.resync")) {
            qCInfo(lcClient) << "the server asks to re-read everything shown";
            Q_EMIT resyncRequested(message.params().value(QStringLiteral("reason")).toString());
            return;
        }
        // A batch of comings and goings is, to every view, that many presence.changed pushes.
        if (message.method() == QLatin1String("presence.changes")) {
            const QJsonArray changes = message.params().value(QStringLiteral("changes")).toArray();
            for (const QJsonValue &change : changes)
                deliver(QStringLiteral("presence.changed"), change.toObject());
            return;
        }
        if (org.isEmpty() && message.method() == QLatin1String("profile.changed"))
            followMyAccount(message.params());
        deliver(message.method(), message.params());
        return;
    }
    case RpcMessage::Kind::Result:
        finish(qint64(message.id().toDouble()), message.result(), RpcError());
        return;
    case RpcMessage::Kind::Error:
        if (message.id().isDouble())
            finish(qint64(message.id().toDouble()), QJsonValue(), message.error());
        else
            qCWarning(lcClient) << "server error without id:" << message.error().message;
        return;
    case RpcMessage::Kind::Request:
    case RpcMessage::Kind::Invalid:
        qCWarning(lcClient) << "unexpected frame from server:" << message.error().message;
        return;
    }
}

void Connection::followMyAccount(const QJsonObject &account)
{
    const QString myId = m_user.value(QStringLiteral("id")).toString();
    if (myId.isEmpty() || account.value(QStringLiteral("userId")).toString() != myId)
        return;
    // The push is the public account (userId, not id); of it, the session knows these.
    bool changed = false;
    for (const QString &key : {QStringLiteral("role"), QStringLiteral("displayName")}) {
        if (!account.contains(key) || m_user.value(key) == account.value(key))
            continue;
        m_user.insert(key, account.value(key));
        changed = true;
    }
    if (changed)
        Q_EMIT userChanged();
}

void Connection::onPingTick()
{
    if (m_awaitingPong) {
        qCInfo(lcClient) << "server stopped answering pings; reconnecting";
        m_socket.abort();
        return;
    }
    m_awaitingPong = true;
    m_socket.ping();
}

void Connection::finish(qint64 id, const QJsonValue &result, const RpcError &error)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    const Pending pending = std::move(it.value());
    m_pending.erase(it);
    if (!pending.hasContext || pending.context)
        pending.handler(result, error);
}

void Connection::failAllPending(const RpcError &error)
{
    const QList<qint64> ids = m_pending.keys();
    for (qint64 id : ids)
        finish(id, QJsonValue(), error);
}

void Connection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace Muster
