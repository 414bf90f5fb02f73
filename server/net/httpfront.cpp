// See httpfront.h.
#include "httpfront.h"

#include "util/logging.h"

#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

namespace Muster {

namespace {
QString peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + u'|' + QString::number(port);
}

constexpr qsizetype kMaxHeadBytes = 16 * 1024;
constexpr auto kHeadTimeout = std::chrono::seconds(10);

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 426:
        return "Upgrade Required";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}
} // namespace

void HttpResponder::send(int status, const QByteArray &contentType, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &headers) const
{
    // The peer may have gone while the answer was being made (a database lookup).
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState
        || m_socket->property("muster_answered").toBool())
        return;
    m_socket->setProperty("muster_answered", true);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "X-Content-Type-Options: nosniff\r\nConnection: close\r\n";
    bool cacheable = false;
    for (const auto &[name, value] : headers) {
        out += name + ": " + value + "\r\n";
        cacheable = cacheable || name.compare("Cache-Control", Qt::CaseInsensitive) == 0;
    }
    // Nothing is cached unless a route says so.
    if (!cacheable)
        out += "Cache-Control: no-store\r\n";
    out += "\r\n" + body;
    m_socket->write(out);
    m_socket->disconnectFromHost();
}

HttpFront::HttpFront(QObject *parent)
    : QObject(parent)
    , m_webSockets(QStringLiteral("muster"), QWebSocketServer::NonSecureMode)
{
    m_webSockets.setHandshakeTimeout(std::chrono::milliseconds(kHeadTimeout));
    connect(&m_server, &QTcpServer::newConnection, this, &HttpFront::onNewConnection);
    connect(&m_webSockets, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *ws = m_webSockets.nextPendingConnection()) {
            const Upgrading upgrading
                = m_upgrading.take(peerKey(ws->peerAddress(), ws->peerPort()));
            if (upgrading.transport) {
                upgrading.transport->disconnect(this);
                // Qt's handshake leaves the socket's "disconnected" connected to a deleteLater
                // it queues from this (main) thread; by then the socket lives on a socket thread
                // and belongs to the WebSocket, which frees it. Cut that tie here.
                upgrading.transport->disconnect(&m_webSockets);
            }
            Q_EMIT webSocketConnected(ws, upgrading.transport.data(),
                upgrading.clientAddress.isEmpty() ? ws->peerAddress().toString()
                                                  : upgrading.clientAddress);
        }
    });
}

bool HttpFront::listen(const QHostAddress &address, quint16 port)
{
    m_server.setMaxPendingConnections(1024);
    // Qt's default backlog (50) drops SYNs when thousands reconnect at once after a restart.
    m_server.setListenBacklogSize(4096);
    return m_server.listen(address, port);
}

void HttpFront::addRoute(const QString &path, Route route)
{
    m_routes.insert(path, std::move(route));
}

void HttpFront::addPrefixRoute(const QString &prefix, Route route)
{
    m_prefixRoutes.append({prefix, std::move(route)});
}

QString HttpFront::clientAddress(const QHostAddress &peer, const HttpRequest &request) const
{
    const auto trusted = [this](const QHostAddress &a) {
        return std::any_of(m_trustedProxies.cbegin(), m_trustedProxies.cend(),
            [&a](const QHostAddress &p) { return p.isEqual(a, QHostAddress::TolerantConversion); });
    };
    QHostAddress client = peer;
    if (trusted(peer)) {
        // Each proxy appends the address it heard from: read from the right, past our own.
        const QList<QByteArray> hops = request.header("x-forwarded-for").split(',');
        for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
            const QHostAddress hop(QString::fromLatin1(it->trimmed()));
            if (hop.isNull())
                break; // garbage from here on is the client's own invention
            client = hop;
            if (!trusted(hop))
                break;
        }
    }
    // "::ffff:10.0.0.1" and "10.0.0.1" are one client.
    bool isV4 = false;
    const quint32 v4 = client.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : client.toString();
}

const HttpFront::Route *HttpFront::routeFor(const QString &path) const
{
    if (const auto exact = m_routes.constFind(path); exact != m_routes.cend())
        return &*exact;
    for (const auto &[prefix, route] : m_prefixRoutes) {
        if (path.startsWith(prefix))
            return &route;
    }
    return nullptr;
}

void HttpFront::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onHeadReadable(socket); });
        // A peer that trickles its head forever is cut off.
        QTimer::singleShot(kHeadTimeout, socket, [socket] {
            if (!socket->property("muster_routed").toBool())
                socket->abort();
        });
    }
}

void HttpFront::onHeadReadable(QTcpSocket *socket)
{
    if (socket->property("muster_routed").toBool())
        return;
    // Peek, not read: an upgrade hands the untouched bytes to the WebSocket handshake.
    const QByteArray buffer = socket->peek(kMaxHeadBytes + 1);
    const HttpResponder responder(socket);
    if (!HttpRequest::complete(buffer)) {
        if (buffer.size() > kMaxHeadBytes) {
            socket->setProperty("muster_routed", true);
            responder.send(431, "text/plain", "Request head too large\n");
        }
        return;
    }
    socket->setProperty("muster_routed", true);
    const std::optional<HttpRequest> request = HttpRequest::parse(buffer);
    if (!request) {
        responder.send(400, "text/plain", "Bad request\n");
        return;
    }
    if (request->path == QLatin1String("/ws")) {
        if (request->method != "GET" || !request->isWebSocketUpgrade()) {
            responder.send(
                426, "text/plain", "WebSocket upgrade required\n", {{"Upgrade", "websocket"}});
            return;
        }
        // Qt's handshake would only drop these; a client deserves to hear why.
        if (const QByteArray problem = request->webSocketHandshakeProblem(); !problem.isEmpty()) {
            if (request->header("sec-websocket-version") != "13")
                responder.send(400, "text/plain", problem, {{"Sec-WebSocket-Version", "13"}});
            else
                responder.send(
                    request->longestHeaderLine() > HttpRequest::kMaxHeaderLine ? 431 : 400,
                    "text/plain", problem);
            return;
        }
        if (!m_upgradeGate)
            return upgrade(socket, *request);
        m_upgradeGate(*request,
            [this, guard = QPointer<QTcpSocket>(socket), request = *request](bool allowed) {
                if (!guard)
                    return;
                if (!allowed)
                    return HttpResponder(guard).send(403, "text/plain", "Origin not allowed\n");
                upgrade(guard, request);
            });
        return;
    }
    const Route *route = routeFor(request->path);
    if (!route) {
        responder.send(404, "text/plain", "Not found\n");
        return;
    }
    if (request->method != "GET") {
        responder.send(405, "text/plain", "Method not allowed\n", {{"Allow", "GET"}});
        return;
    }
    socket->read(request->headLength);
    (*route)(*request, responder);
}

void HttpFront::upgrade(QTcpSocket *socket, const HttpRequest &request)
{
    // From here the WebSocket handshake reads the socket; whoever takes the WebSocket owns it.
    socket->disconnect();
    const QString key = peerKey(socket->peerAddress(), socket->peerPort());
    m_upgrading.insert(key, {socket, clientAddress(socket->peerAddress(), request)});
    // A failed handshake closes it: forget it and free it then.
    connect(socket, &QTcpSocket::disconnected, this, [this, socket, key] {
        if (m_upgrading.value(key).transport == socket) {
            m_upgrading.remove(key);
            socket->deleteLater();
        }
    });
    m_webSockets.handleConnection(socket);
}

} // namespace Muster
