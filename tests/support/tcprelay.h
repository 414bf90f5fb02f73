// A TCP relay between a client and a server that a test can cut and restore, as a Wi-Fi that
// fails does: cut() drops every relayed connection at once and refuses new ones until restore().
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace Muster::Test {

class TcpRelay : public QObject
{
    Q_OBJECT
public:
    explicit TcpRelay(quint16 targetPort, QObject *parent = nullptr);

    bool listen(); // on 127.0.0.1, a free port
    quint16 port() const { return m_server.serverPort(); }
    void cut();
    void restore();
    bool isCut() const { return m_cut; }

private:
    void onNewConnection();

    struct Pair
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
    };

    quint16 m_target;
    QTcpServer m_server;
    QList<Pair> m_pairs;
    bool m_cut = false;
};

} // namespace Muster::Test
