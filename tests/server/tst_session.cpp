// Sign-in through the real protocol: good and bad passwords, one error for unknown logins,
// throttling, expiry, resume, logout and disabled accounts.
#include "db/directorystore.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

class TestSession : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Acme")).isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("ada"), QStringLiteral("Acme"), Role::Staff)
                     .isNull());
    }
    void cleanup() { m_server.reset(); }

    void loginReturnsTokenAndUser()
    {
        TestClient c;
        QVERIFY(c.open(m_server->wsUrl()));
        const QJsonObject reply = c.login(QStringLiteral("ADA "), QStringLiteral("correct horse"));
        const QJsonObject result = reply.value(QStringLiteral("result")).toObject();
        QVERIFY2(!result.isEmpty(), QJsonDocument(reply).toJson().constData());
        const QString token = result.value(QStringLiteral("token")).toString();
        QVERIFY(token.size() >= 43); // 256 bits in base64url
        const QJsonObject user = result.value(QStringLiteral("user")).toObject();
        QCOMPARE(user.value(QStringLiteral("login")).toString(), QStringLiteral("ada"));
        QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("staff"));
        QCOMPARE(user.value(QStringLiteral("organisationName")).toString(), QStringLiteral("Acme"));

        // Only a hash of the token is stored.
        const PgResult stored
            = m_server->sql().exec("SELECT encode(token_hash, 'hex') FROM sessions");
        QCOMPARE(stored.rows(), 1);
        QVERIFY(!stored.text(0, 0).contains(token));
        QCOMPARE(stored.text(0, 0).size(), 64);
        // A second sign-in on the same connection is refused.
        QCOMPARE(TestClient::errorReason(
                     c.login(QStringLiteral("ada"), QStringLiteral("correct horse"))),
            QStringLiteral("conflict"));
    }

    void wrongPasswordAndUnknownLoginLookAlike()
    {
        TestClient c;
        QVERIFY(c.open(m_server->wsUrl()));
        const QJsonObject wrong = c.login(QStringLiteral("ada"), QStringLiteral("wrong"));
        const QJsonObject unknown = c.login(QStringLiteral("nobody"), QStringLiteral("wrong"));
        QCOMPARE(TestClient::errorReason(wrong), QStringLiteral("invalid_credentials"));
        QCOMPARE(wrong.value(QStringLiteral("error")), unknown.value(QStringLiteral("error")));
        // After failures the connection still works and a correct password signs in.
        QVERIFY(c.login(QStringLiteral("ada"), QStringLiteral("correct horse"))
                    .contains(QStringLiteral("result")));
    }

    void throttlesPerAccount()
    {
        TestClient c;
        QVERIFY(c.open(m_server->wsUrl()));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(
                TestClient::errorReason(c.login(QStringLiteral("ada"), QStringLiteral("guess"))),
                QStringLiteral("invalid_credentials"));
        // Even the right password is refused now, so guessing gains nothing.
        const QJsonObject limited = c.login(QStringLiteral("ada"), QStringLiteral("correct horse"));
        QCOMPARE(TestClient::errorReason(limited), QStringLiteral("rate_limited"));
        QVERIFY(limited.value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("data"))
                    .toObject()
                    .value(QStringLiteral("retryAfter"))
                    .toInt()
            > 0);
    }

    void throttlesPerAddress()
    {
        ThrottleLimits limits;
        limits.signInPerAddress = 3;
        m_server->server().setThrottleLimits(limits);
        QVERIFY(!m_server->createUser(QStringLiteral("bo"), QStringLiteral("Acme"), Role::Staff)
                     .isNull());
        TestClient c;
        QVERIFY(c.open(m_server->wsUrl()));
        c.login(QStringLiteral("x1"), QStringLiteral("guess"));
        c.login(QStringLiteral("x2"), QStringLiteral("guess"));
        c.login(QStringLiteral("x3"), QStringLiteral("guess"));
        QCOMPARE(
            TestClient::errorReason(c.login(QStringLiteral("bo"), QStringLiteral("correct horse"))),
            QStringLiteral("rate_limited"));
    }

    void resumesAndExpires()
    {
        QString token;
        {
            TestClient first;
            QVERIFY(first.open(m_server->wsUrl()));
            token = first.login(QStringLiteral("ada"), QStringLiteral("correct horse"))
                        .value(QStringLiteral("result"))
                        .toObject()
                        .value(QStringLiteral("token"))
                        .toString();
            QVERIFY(!token.isEmpty());
        }
        TestClient second;
        QVERIFY(second.open(m_server->wsUrl()));
        const QJsonObject resumed
            = second.call(QStringLiteral("session.resume"), {{QStringLiteral("token"), token}});
        QCOMPARE(resumed.value(QStringLiteral("result"))
                     .toObject()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("login"))
                     .toString(),
            QStringLiteral("ada"));

        QVERIFY(m_server->sql()
                    .exec("UPDATE sessions SET expires_at = now() - interval '1 second'")
                    .ok());
        TestClient third;
        QVERIFY(third.open(m_server->wsUrl()));
        QCOMPARE(TestClient::errorReason(third.call(
                     QStringLiteral("session.resume"), {{QStringLiteral("token"), token}})),
            QStringLiteral("session_expired"));
        QCOMPARE(TestClient::errorReason(third.call(QStringLiteral("session.resume"),
                     {{QStringLiteral("token"), QStringLiteral("made-up")}})),
            QStringLiteral("session_expired"));
    }

    void logoutRevokesTheToken()
    {
        TestClient c;
        QVERIFY(c.open(m_server->wsUrl()));
        const QString token = c.login(QStringLiteral("ada"), QStringLiteral("correct horse"))
                                  .value(QStringLiteral("result"))
                                  .toObject()
                                  .value(QStringLiteral("token"))
                                  .toString();
        QVERIFY(c.call(QStringLiteral("session.logout")).contains(QStringLiteral("result")));
        QVERIFY(c.waitForDisconnect());
        TestClient again;
        QVERIFY(again.open(m_server->wsUrl()));
        QCOMPARE(TestClient::errorReason(again.call(
                     QStringLiteral("session.resume"), {{QStringLiteral("token"), token}})),
            QStringLiteral("session_expired"));
    }

    void bannedAccountCannotSignIn()
    {
        QVERIFY(!m_server->createUser(QStringLiteral("mal"), QStringLiteral("Acme"), Role::Banned)
                     .isNull());
        TestClient c;
        QVERIFY(c.open(m_server->wsUrl()));
        QCOMPARE(TestClient::errorReason(
                     c.login(QStringLiteral("mal"), QStringLiteral("correct horse"))),
            QStringLiteral("forbidden"));
        QCOMPARE(TestClient::errorReason(c.call(QStringLiteral("presence.list"))),
            QStringLiteral("unauthenticated"));
    }

    void aNulCannotMakeASecondAccountName()
    {
        // The throttle and the lookup see one canonical login: a NUL is refused outright,
        // never cut off by the database after the throttle counted the whole string.
        TestClient c;
        QVERIFY(c.open(m_server->wsUrl()));
        for (int i = 0; i < 5; ++i)
            c.login(QStringLiteral("ada"), QStringLiteral("guess"));
        QCOMPARE(TestClient::errorReason(
                     c.login(QStringLiteral("ada"), QStringLiteral("correct horse"))),
            QStringLiteral("rate_limited"));
        const QStringList variants {QStringLiteral("ada") + QChar(0) + QStringLiteral("x"),
            QStringLiteral("ada\u0007"), QStringLiteral("ada\n")};
        for (const QString &variant : variants) {
            QCOMPARE(TestClient::errorReason(c.login(variant, QStringLiteral("correct horse"))),
                QStringLiteral("invalid_params"));
        }
        // Case and a trailing space are the same account, so the same throttle.
        QCOMPARE(TestClient::errorReason(
                     c.login(QStringLiteral(" ADA"), QStringLiteral("correct horse"))),
            QStringLiteral("rate_limited"));
    }

    void aBanEndsEverySessionForGood()
    {
        TestClient desk, laptop;
        QVERIFY(desk.open(m_server->wsUrl()));
        const QString token
            = resultOf(desk.login(QStringLiteral("ada"), QStringLiteral("correct horse")))
                  .value(QStringLiteral("token"))
                  .toString();
        QVERIFY(!token.isEmpty());
        QVERIFY(laptop.open(m_server->wsUrl()));
        QVERIFY(laptop.call(QStringLiteral("session.resume"), {{QStringLiteral("token"), token}})
                    .contains(QStringLiteral("result")));
        // As --set-role does: banned, then back.
        DirectoryStore store(m_server->sql());
        QVERIFY(store.setRole(QStringLiteral("ada"), Role::Banned));
        QVERIFY(desk.waitForDisconnect());
        QVERIFY(laptop.waitForDisconnect());
        QVERIFY(store.setRole(QStringLiteral("ada"), Role::Lead));
        TestClient later;
        QVERIFY(later.open(m_server->wsUrl()));
        QCOMPARE(TestClient::errorReason(later.call(
                     QStringLiteral("session.resume"), {{QStringLiteral("token"), token}})),
            QStringLiteral("session_expired"));
        // A fresh sign-in works again, with the new role.
        QCOMPARE(resultOf(later.login(QStringLiteral("ada"), QStringLiteral("correct horse")))
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("role"))
                     .toString(),
            QStringLiteral("lead"));
    }

    void logoutEndsEveryConnectionOfTheTokenOnEveryServer()
    {
        TestServer other;
        QVERIFY2(other.startSharing(*m_server), qPrintable(other.errorMessage()));
        TestClient here, there, elsewhere;
        QVERIFY(here.open(m_server->wsUrl()));
        const QString token
            = resultOf(here.login(QStringLiteral("ada"), QStringLiteral("correct horse")))
                  .value(QStringLiteral("token"))
                  .toString();
        QVERIFY(there.open(other.wsUrl()));
        QVERIFY(there.call(QStringLiteral("session.resume"), {{QStringLiteral("token"), token}})
                    .contains(QStringLiteral("result")));
        // Another session of the same person is not this token: it stays.
        QVERIFY(elsewhere.signIn(other.wsUrl(), QStringLiteral("ada")));
        QVERIFY(here.call(QStringLiteral("session.logout")).contains(QStringLiteral("result")));
        QVERIFY(here.waitForDisconnect());
        QVERIFY(there.waitForDisconnect());
        QCOMPARE(there.socket().closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QVERIFY(elsewhere.call(QStringLiteral("presence.list")).contains(QStringLiteral("result")));
    }

    void passwordsAreArgon2id()
    {
        const PgResult r
            = m_server->sql().exec("SELECT password_hash FROM users WHERE login = 'ada'");
        QVERIFY(r.text(0, 0).startsWith(QStringLiteral("$argon2id$")));
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
