// HTTP and WebSocket on one port, the main thread's half: every complete request head the wire
// threads read comes here, and is upgraded (/ws, after the Origin gate), answered by one of the
// few plain HTTP routes, or given a bare 404 naming no technology.
#pragma once

#include "wire/httprequest.h"
#include "wire/httpresponse.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>

#include <functional>

namespace Muster {

class Wire;

// Answers one plain HTTP request. The connection takes one answer, so a second is ignored, as is
// an answer to a peer that has gone while it was being made (a database lookup).
class HttpResponder
{
public:
    HttpResponder(Wire &wire, quint64 id)
        : m_wire(&wire)
        , m_id(id)
    { }
    void send(int status, const QByteArray &contentType, const QByteArray &body,
        const HttpResponse::Headers &headers = {}) const;

private:
    Wire *m_wire;
    quint64 m_id;
};

class HttpFront : public QObject
{
    Q_OBJECT
public:
    using Route = std::function<void(const HttpRequest &request, const HttpResponder &responder)>;
    // Decides, possibly later, whether a WebSocket upgrade may go ahead (the Origin check);
    // refused upgrades are answered 403.
    using UpgradeGate
        = std::function<void(const HttpRequest &request, std::function<void(bool allowed)> done)>;

    explicit HttpFront(Wire &wire, QObject *parent = nullptr);
    ~HttpFront() override;

    bool listen(const QHostAddress &address, quint16 port);
    quint16 port() const;
    QString errorString() const;

    // Exact-path GET routes.
    void addRoute(const QString &path, Route route);
    // GET routes for every path starting with prefix; exact routes win.
    void addPrefixRoute(const QString &prefix, Route route);
    void setUpgradeGate(UpgradeGate gate) { m_upgradeGate = std::move(gate); }
    // Peers whose X-Forwarded-For is believed (a reverse proxy or load balancer in front).
    void setTrustedProxies(const QList<QHostAddress> &proxies) { m_trustedProxies = proxies; }
    // The address a request really came from: the peer, or for a trusted proxy the last address
    // in X-Forwarded-For that is not itself a trusted proxy.
    QString clientAddress(const QHostAddress &peer, const HttpRequest &request) const;

Q_SIGNALS:
    // The connection `id` is a WebSocket now; clientAddress is where the peer really is (see
    // clientAddress()). The receiver makes its ClientSocket at once.
    void webSocketConnected(quint64 id, const QString &clientAddress);

private:
    void onRequest(quint64 id, const HttpRequest &request, const QHostAddress &peer);
    const Route *routeFor(const QString &path) const;
    void upgrade(quint64 id, const HttpRequest &request, const QHostAddress &peer);

    Wire &m_wire;
    QHash<QString, Route> m_routes;
    QList<QPair<QString, Route>> m_prefixRoutes;
    QList<QHostAddress> m_trustedProxies;
    UpgradeGate m_upgradeGate;
};

} // namespace Muster
