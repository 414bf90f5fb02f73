// The socket threads' event dispatcher: sockets, timers, posted events and cross-thread wake-ups
// behave as under Qt's own dispatcher, with hundreds of idle sockets beside the busy ones.
#include "net/epolldispatcher.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

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
        QSignalSpy listening(&echo, &EchoServer::listening);
        QMetaObject::invokeMethod(&echo, &EchoServer::listen, Qt::QueuedConnection);
        QVERIFY(listening.wait());
        const auto port = listening.first().first().value<quint16>();

        // Hundreds of connections; most stay idle, a few talk.
        constexpr int kSockets = 300;
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        for (int i = 0; i < kSockets; ++i) {
            clients.push_back(std::make_unique<QTcpSocket>());
            clients.back()->connectToHost(QHostAddress::LocalHost, port);
        }
        for (auto &c : clients)
            QVERIFY(c->state() == QAbstractSocket::ConnectedState || c->waitForConnected(5000));
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
        QSignalSpy fired(&echo, &EchoServer::timerFired);
        QMetaObject::invokeMethod(
            &echo, [&echo] { echo.startTimer(30); }, Qt::QueuedConnection);
        QVERIFY(fired.wait());
        QCOMPARE(fired.first().first().value<QThread *>(), &thread);

        // Closing a peer is seen there too.
        QSignalSpy gone(&echo, &EchoServer::peerGone);
        clients[3]->disconnectFromHost();
        QVERIFY(gone.wait());

        clients.clear();
        QTRY_COMPARE(gone.size(), kSockets);
        thread.quit();
        QVERIFY(thread.wait(5000));
    }
};

QTEST_GUILESS_MAIN(TestEpollDispatcher)
#include "tst_epolldispatcher.moc"
