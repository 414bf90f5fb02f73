// Throttles on guessable secrets under hostile timing: attempts sent together, on one connection
// or many, to two servers sharing one database, count exactly to the limit; a stranger cannot lock
// the real person out; behind a trusted proxy each client is counted by its own address.
#include "testclient.h"
#include "testserver.h"
#include "timeclockhelpers.h"

#include <QTest>

#include <memory>
#include <vector>

using namespace Muster;
using namespace Muster::Test;

namespace {

struct Tally
{
    int checked = 0; // answered "wrong": the secret was really compared
    int limited = 0;
    int other = 0;
};

Tally tally(const QList<QJsonObject> &replies)
{
    Tally t;
    for (const QJsonObject &r : replies) {
        const QString reason = TestClient::errorReason(r);
        if (reason == QLatin1String("invalid_credentials") || reason == QLatin1String("not_found"))
            ++t.checked;
        else if (reason == QLatin1String("rate_limited"))
            ++t.limited;
        else
            ++t.other;
    }
    return t;
}

QJsonObject wrongPassword(const QString &login)
{
    return {
        {QStringLiteral("login"), login}, {QStringLiteral("password"), QStringLiteral("guess")}};
}

int retryAfter(const QJsonObject &reply)
{
    return reply.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("data"))
        .toObject()
        .value(QStringLiteral("retryAfter"))
        .toInt();
}

} // namespace

class TestThrottles : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_first;
    std::unique_ptr<TestServer> m_second;

    // Opens `count` connections spread over both servers.
    std::vector<std::unique_ptr<TestClient>> openClients(int count)
    {
        std::vector<std::unique_ptr<TestClient>> clients;
        for (int i = 0; i < count; ++i) {
            auto c = std::make_unique<TestClient>();
            if (!c->open((i % 2 ? m_second : m_first)->wsUrl()))
                return {};
            clients.push_back(std::move(c));
        }
        return clients;
    }

private Q_SLOTS:
    void init()
    {
        ClientSocket::Limits limits;
        limits.maxRequestsInFlight = 64; // so pipelined attempts all reach the throttle
        m_first = std::make_unique<TestServer>(limits);
        m_first->config().trustedProxies = {QHostAddress(QHostAddress::LocalHost)};
        QVERIFY2(m_first->start(), qPrintable(m_first->errorMessage()));
        m_second = std::make_unique<TestServer>(limits);
        QVERIFY2(m_second->startSharing(*m_first), qPrintable(m_second->errorMessage()));
        QVERIFY(!m_first->createOrganisation(QStringLiteral("Acme")).isNull());
        QVERIFY(!m_first->createUser(QStringLiteral("ada"), QStringLiteral("Acme"), Role::Staff)
                     .isNull());
    }
    void cleanup()
    {
        m_second.reset();
        m_first.reset();
    }

    void simultaneousWrongPasswordsCountToTheLimit()
    {
        // 200 connections, half on each server, each sending one wrong password at once.
        auto clients = openClients(200);
        QCOMPARE(int(clients.size()), 200);
        for (auto &c : clients)
            c->post(QStringLiteral("session.login"), wrongPassword(QStringLiteral("ada")));
        QList<QJsonObject> replies;
        for (auto &c : clients)
            replies += c->waitForReplies(1, 20000);
        QCOMPARE(replies.size(), 200);
        const Tally t = tally(replies);
        QCOMPARE(t.checked, 5); // per account and address
        QCOMPARE(t.limited, 195);
        QCOMPARE(t.other, 0);
        // Now even the right password from that address waits.
        TestClient late;
        QVERIFY(late.open(m_second->wsUrl()));
        QCOMPARE(TestClient::errorReason(
                     late.login(QStringLiteral("ada"), QStringLiteral("correct horse"))),
            QStringLiteral("rate_limited"));
    }

    void pipelinedWrongPasswordsCountToTheLimit()
    {
        TestClient c;
        QVERIFY(c.open(m_first->wsUrl()));
        for (int i = 0; i < 60; ++i)
            c.post(QStringLiteral("session.login"), wrongPassword(QStringLiteral("ada")));
        const QList<QJsonObject> replies = c.waitForReplies(60, 20000);
        QCOMPARE(replies.size(), 60);
        const Tally t = tally(replies);
        QCOMPARE(t.checked, 5);
        QCOMPARE(t.limited, 55);
    }

    void addressLimitHoldsAcrossAccountsAndServers()
    {
        // Thirty failures from one address, whatever the accounts, then that address waits.
        auto clients = openClients(60);
        QCOMPARE(int(clients.size()), 60);
        for (int i = 0; i < 60; ++i)
            clients[i]->post(
                QStringLiteral("session.login"), wrongPassword(QStringLiteral("nobody%1").arg(i)));
        QList<QJsonObject> replies;
        for (auto &c : clients)
            replies += c->waitForReplies(1, 20000);
        const Tally t = tally(replies);
        QCOMPARE(t.checked, 30);
        QCOMPARE(t.limited, 30);
    }

    void aStrangerElsewhereDoesNotLockThePersonOut()
    {
        // A guesser behind the proxy exhausts the limit of their own address for the account…
        TestClient guesser;
        QVERIFY(guesser.openForwarded(m_first->wsUrl(), QStringLiteral("203.0.113.9")));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(TestClient::errorReason(
                         guesser.login(QStringLiteral("ada"), QStringLiteral("guess"))),
                QStringLiteral("invalid_credentials"));
        const QJsonObject locked = guesser.login(QStringLiteral("ada"), QStringLiteral("guess"));
        QCOMPARE(TestClient::errorReason(locked), QStringLiteral("rate_limited"));
        QVERIFY(retryAfter(locked) > 60); // that pair waits out the window
        // …and the person, elsewhere, signs in at once.
        TestClient person;
        QVERIFY(person.openForwarded(m_first->wsUrl(), QStringLiteral("198.51.100.7")));
        QVERIFY(person.login(QStringLiteral("ada"), QStringLiteral("correct horse"))
                    .contains(QStringLiteral("result")));
    }

    void guessesFromEverywhereAreSpacedOutNotLockedOut()
    {
        ThrottleLimits limits;
        limits.signInPerAccount = 3;
        m_first->server().setThrottleLimits(limits);
        m_second->server().setThrottleLimits(limits);
        // Guesses from many addresses: past the account's limit they must wait seconds apart…
        for (int i = 0; i < 3; ++i) {
            TestClient c;
            QVERIFY(c.openForwarded(m_first->wsUrl(), QStringLiteral("203.0.113.%1").arg(i)));
            QCOMPARE(TestClient::errorReason(c.login(QStringLiteral("ada"), QStringLiteral("x"))),
                QStringLiteral("invalid_credentials"));
        }
        TestClient person;
        QVERIFY(person.openForwarded(m_first->wsUrl(), QStringLiteral("198.51.100.7")));
        const QJsonObject spaced
            = person.login(QStringLiteral("ada"), QStringLiteral("correct horse"));
        QCOMPARE(TestClient::errorReason(spaced), QStringLiteral("rate_limited"));
        QVERIFY2(retryAfter(spaced) >= 1 && retryAfter(spaced) <= 2,
            qPrintable(QString::number(retryAfter(spaced))));
        // …so the person gets in seconds later, not a quarter of an hour.
        QVERIFY(QTest::qWaitFor(
            [&] {
                return person.login(QStringLiteral("ada"), QStringLiteral("correct horse"))
                    .contains(QStringLiteral("result"));
            },
            10000));
    }

    void forwardedForIsBelievedOnlyFromTrustedProxies()
    {
        // m_second trusts nobody: its clients' X-Forwarded-For is their own invention.
        for (int i = 0; i < 5; ++i) {
            TestClient c;
            QVERIFY(c.openForwarded(m_second->wsUrl(), QStringLiteral("192.0.2.%1").arg(i)));
            QCOMPARE(TestClient::errorReason(c.login(QStringLiteral("ada"), QStringLiteral("x"))),
                QStringLiteral("invalid_credentials"));
        }
        TestClient sixth;
        QVERIFY(sixth.openForwarded(m_second->wsUrl(), QStringLiteral("192.0.2.99")));
        QCOMPARE(TestClient::errorReason(sixth.login(QStringLiteral("ada"), QStringLiteral("x"))),
            QStringLiteral("rate_limited"));
        // Through the trusted proxy, another client is counted on its own.
        TestClient other;
        QVERIFY(other.openForwarded(m_first->wsUrl(), QStringLiteral("192.0.2.200")));
        QVERIFY(other.login(QStringLiteral("ada"), QStringLiteral("correct horse"))
                    .contains(QStringLiteral("result")));
        const PgResult stored
            = m_first->sql().exec("SELECT address FROM sessions ORDER BY created_at DESC LIMIT 1");
        QCOMPARE(stored.text(0, 0), QStringLiteral("192.0.2.200"));
    }

    void simultaneousKioskPinsCountToTheLimit()
    {
        QVERIFY(!createBadgeHolder(*m_first, QStringLiteral("vera"), QStringLiteral("Acme"),
            Role::Volunteer, QStringLiteral("101"))
                     .isNull());
        QVERIFY(!m_first->createUser(QStringLiteral("lena"), QStringLiteral("Acme"), Role::Lead)
                     .isNull());
        TestClient vera;
        QVERIFY(vera.signIn(m_first->wsUrl(), QStringLiteral("vera")));
        QVERIFY(vera.call(QStringLiteral("profile.setPin"),
                        {{QStringLiteral("pin"), QStringLiteral("2468")}})
                    .contains(QStringLiteral("result")));
        TestClient lead;
        QVERIFY(lead.signIn(m_first->wsUrl(), QStringLiteral("lena")));
        TestClient first;
        QVERIFY(first.open(m_first->wsUrl()));
        const PairedKiosk kiosk = pairKiosk(first, lead, QStringLiteral("Front desk"));
        QVERIFY(!kiosk.id.isEmpty());
        // Four connections of that kiosk (two per server), thirty wrong PINs each, all at once.
        std::vector<std::unique_ptr<TestClient>> kiosks;
        for (int i = 0; i < 3; ++i) {
            auto k = std::make_unique<TestClient>();
            QVERIFY(k->open((i % 2 ? m_first : m_second)->wsUrl()));
            QVERIFY(k->call(QStringLiteral("kiosk.resume"),
                         {{QStringLiteral("deviceToken"), kiosk.deviceToken}})
                        .contains(QStringLiteral("result")));
            kiosks.push_back(std::move(k));
        }
        QList<TestClient *> all {&first};
        for (auto &k : kiosks)
            all.append(k.get());
        for (TestClient *k : all) {
            for (int i = 0; i < 30; ++i)
                k->post(QStringLiteral("kiosk.signIn"),
                    {{QStringLiteral("badge"), QStringLiteral("101")},
                        {QStringLiteral("pin"), QStringLiteral("%1").arg(1000 + i, 4, 10)}});
        }
        QList<QJsonObject> replies;
        for (TestClient *k : all)
            replies += k->waitForReplies(30, 20000);
        QCOMPARE(replies.size(), 120);
        const Tally t = tally(replies);
        QCOMPARE(t.checked, 5);
        QCOMPARE(t.limited, 115);
        // The right PIN now waits too, so guessing gained nothing.
        QCOMPARE(TestClient::errorReason(first.call(QStringLiteral("kiosk.signIn"),
                     {{QStringLiteral("badge"), QStringLiteral("101")},
                         {QStringLiteral("pin"), QStringLiteral("2468")}})),
            QStringLiteral("rate_limited"));
    }

    void pairingCodeGuessesAreThrottled()
    {
        QVERIFY(!m_first->createUser(QStringLiteral("lena"), QStringLiteral("Acme"), Role::Lead)
                     .isNull());
        TestClient lead;
        QVERIFY(lead.signIn(m_first->wsUrl(), QStringLiteral("lena")));
        for (int i = 0; i < 50; ++i)
            lead.post(QStringLiteral("kiosks.approve"),
                {{QStringLiteral("pairingCode"),
                     QStringLiteral("ZZ%1").arg(i, 4, 10, QLatin1Char('0'))},
                    {QStringLiteral("name"), QStringLiteral("Rogue %1").arg(i)}});
        const Tally t = tally(lead.waitForReplies(50, 20000));
        QCOMPARE(t.checked, 10);
        QCOMPARE(t.limited, 40);
    }
};

QTEST_GUILESS_MAIN(TestThrottles)
#include "tst_throttles.moc"
