// What people change about themselves: name and email (names pushed to the organisation, emails
// not), and their password (current one required, other sessions ended, guesses throttled).
#include "testclient.h"
#include "testserver.h"

#include <QTest>

using namespace Muster;
using namespace Muster::Test;

class TestProfile : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;

    void signIn(TestClient &client, const QString &login,
        const QString &password = QStringLiteral("correct horse"))
    {
        QVERIFY(client.open(m_server->wsUrl()));
        QVERIFY(client.login(login, password).contains(QStringLiteral("result")));
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Acme")).isNull());
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Globex")).isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("ada"), QStringLiteral("Acme"), Role::Staff)
                     .isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("bo"), QStringLiteral("Acme"), Role::Staff)
                     .isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("gx"), QStringLiteral("Globex"), Role::Staff)
                     .isNull());
    }
    void cleanup() { m_server.reset(); }

    void nameAndEmail()
    {
        TestClient ada, bo, gx;
        signIn(ada, QStringLiteral("ada"));
        signIn(bo, QStringLiteral("bo"));
        signIn(gx, QStringLiteral("gx"));
        const QJsonObject reply = ada.call(QStringLiteral("profile.update"),
            {{QStringLiteral("displayName"), QStringLiteral(" Ada Lovelace ")},
                {QStringLiteral("email"), QStringLiteral("ada@example.org")}});
        const QJsonObject profile = reply.value(QStringLiteral("result")).toObject();
        QCOMPARE(profile.value(QStringLiteral("displayName")).toString(),
            QStringLiteral("Ada Lovelace"));
        QCOMPARE(
            profile.value(QStringLiteral("email")).toString(), QStringLiteral("ada@example.org"));
        const QJsonObject pushed = bo.waitForPush(QStringLiteral("profile.changed"));
        QCOMPARE(
            pushed.value(QStringLiteral("displayName")).toString(), QStringLiteral("Ada Lovelace"));
        QVERIFY(!pushed.contains(QStringLiteral("email")));
        QVERIFY(gx.call(QStringLiteral("presence.list")).contains(QStringLiteral("result")));
        QVERIFY(gx.noPush(QStringLiteral("profile.changed"), {}, 0));
        QCOMPARE(m_server->auditCount(QStringLiteral("user.profile")), 1);
        const QJsonObject mine
            = ada.call(QStringLiteral("profile.get")).value(QStringLiteral("result")).toObject();
        QCOMPARE(mine.value(QStringLiteral("email")).toString(), QStringLiteral("ada@example.org"));
        QCOMPARE(mine.value(QStringLiteral("login")).toString(), QStringLiteral("ada"));
    }

    void namesAreStoredInOneCanonicalForm()
    {
        TestClient ada;
        signIn(ada, QStringLiteral("ada"));
        // "Zoe" with a combining acute accent is stored as the one character é (NFC), so it
        // compares and sorts like the same name typed on another keyboard.
        const QString decomposed = QStringLiteral("Zoe\u0301");
        QVERIFY(ada.call(QStringLiteral("profile.update"),
                       {{QStringLiteral("displayName"), decomposed}})
                    .contains(QStringLiteral("result")));
        QCOMPARE(
            m_server->sql().exec("SELECT display_name FROM users WHERE login = 'ada'").text(0, 0),
            QStringLiteral("Zo\u00e9"));
    }

    void badProfileInput_data()
    {
        QTest::addColumn<QJsonObject>("params");
        QTest::newRow("nothing") << QJsonObject();
        QTest::newRow("blank name")
            << QJsonObject {{QStringLiteral("displayName"), QStringLiteral("  ")}};
        QTest::newRow("long name")
            << QJsonObject {{QStringLiteral("displayName"), QString(201, u'x')}};
        QTest::newRow("name number") << QJsonObject {{QStringLiteral("displayName"), 5}};
        // Never cut off at the NUL by the database ("a\0b" stored as "a"): refused.
        QTest::newRow("NUL in name") << QJsonObject {
            {QStringLiteral("displayName"), QString(QStringLiteral("a") + QChar(0) + u'b')}};
        QTest::newRow("control character in name")
            << QJsonObject {{QStringLiteral("displayName"), QStringLiteral("a\u001bb")}};
        QTest::newRow("line break in name")
            << QJsonObject {{QStringLiteral("displayName"), QStringLiteral("a\nb")}};
        QTest::newRow("not an email")
            << QJsonObject {{QStringLiteral("email"), QStringLiteral("ada at home")}};
    }

    void badProfileInput()
    {
        QFETCH(QJsonObject, params);
        TestClient ada;
        signIn(ada, QStringLiteral("ada"));
        QCOMPARE(TestClient::errorReason(ada.call(QStringLiteral("profile.update"), params)),
            QStringLiteral("invalid_params"));
        QCOMPARE(
            m_server->sql().exec("SELECT display_name FROM users WHERE login = 'ada'").text(0, 0),
            QStringLiteral("ada"));
    }

    void passwordChangeEndsOtherSessions()
    {
        TestClient here, elsewhere;
        signIn(here, QStringLiteral("ada"));
        signIn(elsewhere, QStringLiteral("ada"));
        QCOMPARE(TestClient::errorReason(here.call(QStringLiteral("profile.changePassword"),
                     {{QStringLiteral("current"), QStringLiteral("correct horse")},
                         {QStringLiteral("new"), QStringLiteral("short")}})),
            QStringLiteral("invalid_params"));
        // The server holds the rules whatever the client: a common password, a run.
        for (const QString &weak : {QStringLiteral("Password123"), QStringLiteral("11111111111"),
                 QStringLiteral("qwertyuiop")}) {
            const QJsonObject refused = here.call(QStringLiteral("profile.changePassword"),
                {{QStringLiteral("current"), QStringLiteral("correct horse")},
                    {QStringLiteral("new"), weak}});
            QCOMPARE(TestClient::errorReason(refused), QStringLiteral("invalid_params"));
        }
        QCOMPARE(TestClient::errorReason(here.call(QStringLiteral("profile.changePassword"),
                     {{QStringLiteral("current"), QStringLiteral("wrong")},
                         {QStringLiteral("new"), QStringLiteral("a better secret")}})),
            QStringLiteral("wrong_password"));
        QVERIFY(here.call(QStringLiteral("profile.changePassword"),
                        {{QStringLiteral("current"), QStringLiteral("correct horse")},
                            {QStringLiteral("new"), QStringLiteral("a better secret")}})
                    .contains(QStringLiteral("result")));
        // The other device is signed out at once; this one carries on.
        QVERIFY(elsewhere.waitForDisconnect(10000));
        QVERIFY(here.call(QStringLiteral("presence.list")).contains(QStringLiteral("result")));
        TestClient fresh;
        QVERIFY(fresh.open(m_server->wsUrl()));
        QCOMPARE(TestClient::errorReason(
                     fresh.login(QStringLiteral("ada"), QStringLiteral("correct horse"))),
            QStringLiteral("invalid_credentials"));
        QVERIFY(fresh.login(QStringLiteral("ada"), QStringLiteral("a better secret"))
                    .contains(QStringLiteral("result")));
    }

    void currentPasswordGuessesAreThrottled()
    {
        TestClient ada;
        signIn(ada, QStringLiteral("ada"));
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(TestClient::errorReason(ada.call(QStringLiteral("profile.changePassword"),
                         {{QStringLiteral("current"), QStringLiteral("guess %1").arg(i)},
                             {QStringLiteral("new"), QStringLiteral("a better secret")}})),
                QStringLiteral("wrong_password"));
        }
        QCOMPARE(TestClient::errorReason(ada.call(QStringLiteral("profile.changePassword"),
                     {{QStringLiteral("current"), QStringLiteral("correct horse")},
                         {QStringLiteral("new"), QStringLiteral("a better secret")}})),
            QStringLiteral("rate_limited"));
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
