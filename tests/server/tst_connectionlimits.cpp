// What connections may take from a server: a small message before sign-in, a server-wide budget
// for unfinished messages that closes the greediest peers instead of growing, and caps on
// connections per address, per person and not yet signed in.
#include "rawpeer.h"
#include "testclient.h"
#include "testserver.h"

#include <QTest>

#include <memory>
#include <vector>

using namespace Muster;
using namespace Muster::Test;

class TestConnectionLimits : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;

    void startServer(const ConnectionCaps &caps)
    {
        m_server = std::make_unique<TestServer>();
        m_server->config().caps = caps;
        // Plenty of sign-ins from one address in these tests; failures are not the subject.
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Acme")).isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("ada"), QStringLiteral("Acme"), Role::Staff)
                     .isNull());
    }

    bool signInRaw(RawPeer &peer)
    {
        if (!peer.open(m_server->server().port()))
            return false;
        peer.sendRequest(QStringLiteral("session.login"),
            {{QStringLiteral("login"), QStringLiteral("ada")},
                {QStringLiteral("password"), QStringLiteral("correct horse")}});
        return peer.waitFor("\"token\"", 10000);
    }

private Q_SLOTS:
    void cleanup() { m_server.reset(); }

    void beforeSignInOnlySmallMessages()
    {
        startServer({});
        RawPeer peer;
        QVERIFY(peer.open(m_server->server().port()));
        peer.sendText(QByteArray(20 * 1024, 'x'));
        QCOMPARE(peer.waitForClose(), int(QWebSocketProtocol::CloseCodeTooMuchData));
        // Signed in, the same message is merely not JSON.
        RawPeer signedIn;
        QVERIFY(signInRaw(signedIn));
        signedIn.sendText(QByteArray(20 * 1024, 'x'));
        QVERIFY(signedIn.waitFor("-32700"));
    }

    void unfinishedMessagesStayInsideTheBudget()
    {
        ConnectionCaps caps;
        caps.memoryBudgetBytes = 32 * 1024 * 1024;
        caps.perPerson = 500;
        startServer(caps);
        // 200 signed-in peers, each starting a 1 MiB message and sending 600 KiB of it: 117 MiB
        // if the server kept them all.
        std::vector<std::unique_ptr<RawPeer>> peers;
        for (int i = 0; i < 200; ++i) {
            auto peer = std::make_unique<RawPeer>();
            QVERIFY2(signInRaw(*peer), qPrintable(QString::number(i)));
            peer->sendUnfinished(1024 * 1024 - 1024, 600 * 1024);
            peers.push_back(std::move(peer));
        }
        const MemoryBudget &budget = m_server->server().memoryBudget();
        // Everything sent has arrived somewhere: held, or dropped with its peer.
        int closed = 0;
        QVERIFY(QTest::qWaitFor(
            [&] {
                closed = 0;
                for (auto &p : peers) {
                    p->socket().readAll();
                    closed += p->socket().state() == QAbstractSocket::UnconnectedState ? 1 : 0;
                }
                const qint64 held = 200 - closed;
                return budget.used() >= held * 600 * 1024;
            },
            20000));
        QVERIFY2(budget.used() <= budget.limit(),
            qPrintable(QStringLiteral("%1 of %2").arg(budget.used()).arg(budget.limit())));
        QVERIFY2(closed >= 145, qPrintable(QString::number(closed)));
        qInfo() << "budget" << budget.limit() << "held" << budget.used() << "by" << 200 - closed
                << "peers;" << closed << "closed";
        // The server itself is unharmed and serves a newcomer.
        TestClient c;
        QVERIFY(c.signIn(m_server->wsUrl(), QStringLiteral("ada")));
        QVERIFY(c.call(QStringLiteral("presence.list")).contains(QStringLiteral("result")));
        // What the closed peers held was given back.
        peers.clear();
        QTRY_COMPARE(budget.used(), qint64(0));
    }

    void connectionsPerAddressAreCapped()
    {
        ConnectionCaps caps;
        caps.perAddress = 5;
        startServer(caps);
        std::vector<std::unique_ptr<TestClient>> clients;
        for (int i = 0; i < 5; ++i) {
            clients.push_back(std::make_unique<TestClient>());
            QVERIFY(clients.back()->open(m_server->wsUrl()));
        }
        TestClient sixth;
        QVERIFY(sixth.open(m_server->wsUrl()));
        QVERIFY(sixth.waitForDisconnect());
        QCOMPARE(sixth.socket().closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        // One leaves, one more may come.
        clients.front()->socket().close();
        QVERIFY(clients.front()->waitForDisconnect());
        QVERIFY(QTest::qWaitFor(
            [&] {
                TestClient again;
                return again.signIn(m_server->wsUrl(), QStringLiteral("ada"));
            },
            5000));
    }

    void connectionsNotSignedInAreCapped()
    {
        ConnectionCaps caps;
        caps.notSignedIn = 3;
        startServer(caps);
        TestClient a, b, c, d;
        QVERIFY(a.open(m_server->wsUrl()));
        QVERIFY(b.open(m_server->wsUrl()));
        QVERIFY(c.open(m_server->wsUrl()));
        QVERIFY(d.open(m_server->wsUrl()));
        QVERIFY(d.waitForDisconnect());
        // A signed-in connection no longer counts as waiting.
        QVERIFY(a.login(QStringLiteral("ada"), QStringLiteral("correct horse"))
                    .contains(QStringLiteral("result")));
        TestClient e;
        QVERIFY(e.open(m_server->wsUrl()));
        QVERIFY(!e.waitForDisconnect(500));
        QVERIFY(e.login(QStringLiteral("ada"), QStringLiteral("correct horse"))
                    .contains(QStringLiteral("result")));
    }

    void connectionsPerPersonAreCapped()
    {
        ConnectionCaps caps;
        caps.perPerson = 2;
        startServer(caps);
        TestClient a, b, c;
        QVERIFY(a.signIn(m_server->wsUrl(), QStringLiteral("ada")));
        QVERIFY(b.signIn(m_server->wsUrl(), QStringLiteral("ada")));
        QVERIFY(c.open(m_server->wsUrl()));
        QCOMPARE(TestClient::errorReason(
                     c.login(QStringLiteral("ada"), QStringLiteral("correct horse"))),
            QStringLiteral("too_many_connections"));
        QVERIFY(a.call(QStringLiteral("presence.list")).contains(QStringLiteral("result")));
    }
};

QTEST_GUILESS_MAIN(TestConnectionLimits)
#include "tst_connectionlimits.moc"
