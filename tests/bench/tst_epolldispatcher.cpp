// The load tools' event dispatcher: sockets, timers, posted events and cross-thread wake-ups
// behave as under Qt's own dispatcher, with hundreds of idle sockets beside the busy ones.
#include "epolldispatcher.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>

using namespace Muster;

namespace {

// Lives on the dispatcher's thread: echoes every line back, counts what it saw.
class EchoServer : public QObject
{
    Q_OBJECT
public:
    void listen()
    {
        m_server = new QTcpServer(this);
        m_server->setListenBacklogSize(1024);
        m_server->listen(QHostAddress::LocalHost, 0);
        connect(m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server->nextPendingConnection()) {
                accepted.fetch_add(1);
                connect(s, &QTcpSocket::readyRead, s, [s] {
                    while (s->canReadLine())
                        s->write("echo " + s->readLine());
                });
                connect(s, &QTcpSocket::disconnected, this, [this, s] {
                    s->deleteLater();
                    Q_EMIT peerGone();
                });
            }
        });
        Q_EMIT listening(m_server->serverPort());
    }
    void startTimer(int ms)
    {
        QTimer::singleShot(ms, this, [this] { Q_EMIT timerFired(QThread::currentThread()); });
    }

    std::atomic<int> accepted {0};

Q_SIGNALS:
    void listening(quint16 port);
    void timerFired(QThread *thread);
    void peerGone();

private:
    QTcpServer *m_server = nullptr;
};

} // namespace

class TestEpollDispatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void servesSocketsTimersAndPostedEvents()
    {
        QThread thread;
        thread.setEventDispatcher(new EpollDispatcher);
        thread.start();
        EchoServer echo;
        echo.moveToThread(&thread);
        // The echo server's signals come from its thread: receive them queued, on this one
        // (QSignalSpy::wait is not made for signals emitted on another thread).
        quint16 port = 0;
        QThread *timerThread = nullptr;
        int gone = 0;
        connect(
            &echo, &EchoServer::listening, this, [&](quint16 p) { port = p; },
            Qt::QueuedConnection);
        connect(
            &echo, &EchoServer::timerFired, this, [&](QThread *t) { timerThread = t; },
            Qt::QueuedConnection);
        connect(
            &echo, &EchoServer::peerGone, this, [&] { ++gone; }, Qt::QueuedConnection);
        QMetaObject::invokeMethod(&echo, &EchoServer::listen, Qt::QueuedConnection);
        QTRY_VERIFY(port != 0);

        // Hundreds of connections; most stay idle, a few talk.
        constexpr int kSockets = 300;
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        for (int i = 0; i < kSockets; ++i) {
            clients.push_back(std::make_unique<QTcpSocket>());
            clients.back()->connectToHost(QHostAddress::LocalHost, port);
        }
        for (auto &c : clients)
            QVERIFY(c->state() == QAbstractSocket::ConnectedState || c->waitForConnected(5000));
        // Every one of them accepted, though the listener pauses at its pending-connection cap.
        QTRY_COMPARE(echo.accepted.load(), kSockets);
        for (int i : {0, 17, 150, kSockets - 1}) {
            QTcpSocket &c = *clients[size_t(i)];
            c.write(QByteArray("line ") + QByteArray::number(i) + '\n');
            QTRY_VERIFY(c.canReadLine());
            QCOMPARE(c.readLine(), QByteArray("echo line ") + QByteArray::number(i) + '\n');
        }
        // A large write needs the write notifier, several times over.
        QByteArray big(4 * 1024 * 1024, 'x');
        big.append('\n');
        clients[42]->write(big);
        QByteArray back;
        QTRY_VERIFY_WITH_TIMEOUT((back += clients[42]->readAll()).size() >= big.size() + 5, 10000);
        QCOMPARE(back, "echo " + big);

        // Timers run on the dispatcher's thread.
        QMetaObject::invokeMethod(
            &echo, [&echo] { echo.startTimer(30); }, Qt::QueuedConnection);
        QTRY_COMPARE(timerThread, &thread);

        // Closing a peer is seen there too.
        clients[3]->disconnectFromHost();
        QTRY_COMPARE(gone, 1);

        clients.clear();
        QTRY_COMPARE(gone, kSockets);
        thread.quit();
        QVERIFY(thread.wait(5000));
    }
};

QTEST_GUILESS_MAIN(TestEpollDispatcher)
#include "tst_epolldispatcher.moc"
