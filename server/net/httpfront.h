// HTTP and WebSocket on one port: reads each request head itself, upgrades /ws to a WebSocket,
// answers the few plain HTTP routes, and gives every other path a bare 404 naming no technology.
#pragma once

#include "httprequest.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QWebSocketServer>

#include <functional>

class QTcpSocket;

namespace Muster {

// Answers one plain HTTP request, at most once, even after the peer has gone.
class HttpResponder
{
public:
    explicit HttpResponder(QTcpSocket *socket)
        : m_socket(socket)
    { }
    void send(int status, const QByteArray &contentType, const QByteArray &body,
        const QList<QPair<QByteArray, QByteArray>> &headers = {}) const;

private:
    QPointer<QTcpSocket> m_socket;
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

    explicit HttpFront(QObject *parent = nullptr);

    bool listen(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }

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
    // transport is the TCP socket the WebSocket was upgraded from, which the receiver owns;
    // clientAddress is where the peer really is (see clientAddress()).
    void webSocketConnected(
        QWebSocket *socket, QTcpSocket *transport, const QString &clientAddress);

private:
    void onNewConnection();
    void onHeadReadable(QTcpSocket *socket);
    const Route *routeFor(const QString &path) const;
    void upgrade(QTcpSocket *socket, const HttpRequest &request);

    QTcpServer m_server;
    QWebSocketServer m_webSockets;
    QHash<QString, Route> m_routes;
    QList<QPair<QString, Route>> m_prefixRoutes;
    struct Upgrading
    {
        QPointer<QTcpSocket> transport;
        QString clientAddress;
    };
    // TCP sockets handed to the WebSocket handshake, by peer "address:port".
    QHash<QString, Upgrading> m_upgrading;
    QList<QHostAddress> m_trustedProxies;
    UpgradeGate m_upgradeGate;
};

} // namespace Muster
