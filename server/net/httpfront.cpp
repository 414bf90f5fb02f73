// See httpfront.h.
#include "httpfront.h"

#include "wire/wire.h"

#include <QCryptographicHash>

namespace Muster {

void HttpResponder::send(int status, const QByteArray &contentType, const QByteArray &body,
    const HttpResponse::Headers &headers) const
{
    m_wire->respond(m_id, HttpResponse::format(status, contentType, body, headers));
}

HttpFront::HttpFront(Wire &wire, QObject *parent)
    : QObject(parent)
    , m_wire(wire)
{
    m_wire.setRequestHandler(
        [this](quint64 id, WireEvent::Head &head) { onRequest(id, head.request, head.peer); });
}

HttpFront::~HttpFront()
{
    // The wire outlives the front (it is made first): it must not call into a front that is gone.
    m_wire.setRequestHandler({});
}

bool HttpFront::listen(const QHostAddress &address, quint16 port)
{
    return m_wire.listen(address, port);
}

quint16 HttpFront::port() const
{
    return m_wire.port();
}

QString HttpFront::errorString() const
{
    return m_wire.errorString();
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

void HttpFront::onRequest(quint64 id, const HttpRequest &request, const QHostAddress &peer)
{
    const HttpResponder responder(m_wire, id);
    if (request.path == QLatin1String("/ws")) {
        if (request.method != "GET" || !request.isWebSocketUpgrade()) {
            responder.send(
                426, "text/plain", "WebSocket upgrade required\n", {{"Upgrade", "websocket"}});
            return;
        }
        // A client deserves to hear why its handshake cannot succeed.
        if (const QByteArray problem = request.webSocketHandshakeProblem(); !problem.isEmpty()) {
            if (request.header("sec-websocket-version") != "13")
                responder.send(400, "text/plain", problem, {{"Sec-WebSocket-Version", "13"}});
            else
                responder.send(
                    request.longestHeaderLine() > HttpRequest::kMaxHeaderLine ? 431 : 400,
                    "text/plain", problem);
            return;
        }
        if (!m_upgradeGate)
            return upgrade(id, request, peer);
        m_upgradeGate(request, [this, id, request, peer](bool allowed) {
            if (!allowed)
                return HttpResponder(m_wire, id).send(403, "text/plain", "Origin not allowed\n");
            upgrade(id, request, peer);
        });
        return;
    }
    const Route *route = routeFor(request.path);
    if (!route) {
        responder.send(404, "text/plain", "Not found\n");
        return;
    }
    if (request.method != "GET") {
        responder.send(405, "text/plain", "Method not allowed\n", {{"Allow", "GET"}});
        return;
    }
    (*route)(request, responder);
}

void HttpFront::upgrade(quint64 id, const HttpRequest &request, const QHostAddress &peer)
{
    // RFC 6455 4.2.2: the key with the protocol's GUID, hashed, proves the server read it.
    const QByteArray keyAndGuid
        = request.header("sec-websocket-key").trimmed() + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    const QByteArray accept
        = QCryptographicHash::hash(keyAndGuid, QCryptographicHash::Sha1).toBase64();
    QByteArray answer = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                        "Connection: Upgrade\r\nSec-WebSocket-Accept: "
        + accept + "\r\n\r\n";
    m_wire.accept(id, std::move(answer));
    // Queued after the 101 on the connection's thread, so a refusal (a cap) follows it.
    Q_EMIT webSocketConnected(id, clientAddress(peer, request));
}

} // namespace Muster
