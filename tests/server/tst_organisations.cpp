// The server superadmin's view across organisations: organisations.list, presence.list with another
// organisation's id, and organisations.watch for its pushes (tagged with organisationId). Everyone
// else — an organisation's own admins included — is refused, and sees nothing of other
// organisations.
#include "testclient.h"
#include "testserver.h"

#include <QTest>

using namespace Muster;
using namespace Muster::Test;

class TestOrganisations : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    QUuid m_acme;
    QUuid m_globex;

    void signIn(TestClient &client, const QString &login)
    {
        QVERIFY(client.open(m_server->wsUrl()));
        QVERIFY(client.login(login, QStringLiteral("correct horse"))
                    .contains(QStringLiteral("result")));
    }
    static QString id(const QUuid &uuid) { return uuid.toString(QUuid::WithoutBraces); }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        m_acme = m_server->createOrganisation(QStringLiteral("Acme"));
        m_globex = m_server->createOrganisation(QStringLiteral("Globex"));
        QVERIFY(!m_acme.isNull() && !m_globex.isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("root"), QStringLiteral("Acme"), Role::Admin)
                     .isNull());
        QVERIFY(
            !m_server->createUser(QStringLiteral("super"), QStringLiteral("Acme"), Role::Volunteer)
                 .isNull());
        QVERIFY(m_server->sql()
                    .exec("UPDATE users SET is_superadmin = true WHERE login = 'super'")
                    .ok());
        for (const char *login : {"gx", "gy"}) {
            QVERIFY(
                !m_server
                     ->createUser(QString::fromLatin1(login), QStringLiteral("Globex"), Role::Staff)
                     .isNull());
        }
    }
    void cleanup() { m_server.reset(); }

    void superadminListsAndSeesEveryOrganisation()
    {
        TestClient super;
        signIn(super, QStringLiteral("super"));
        const QJsonArray orgs = resultOf(super.call(QStringLiteral("organisations.list")))
                                    .value(QStringLiteral("organisations"))
                                    .toArray();
        QCOMPARE(orgs.size(), 2);
        QCOMPARE(orgs.at(0)[QStringLiteral("name")].toString(), QStringLiteral("Acme"));
        QCOMPARE(orgs.at(0)[QStringLiteral("people")].toInt(), 2);
        QCOMPARE(orgs.at(1)[QStringLiteral("id")].toString(), id(m_globex));
        QCOMPARE(orgs.at(1)[QStringLiteral("people")].toInt(), 2);

        const QJsonObject board = resultOf(super.call(
            QStringLiteral("presence.list"), {{QStringLiteral("organisationId"), id(m_globex)}}));
        QCOMPARE(board.value(QStringLiteral("people")).toArray().size(), 2);
        QCOMPARE(board[QStringLiteral("organisation")][QStringLiteral("name")].toString(),
            QStringLiteral("Globex"));
        QCOMPARE(board.value(QStringLiteral("states")).toArray().size(), 5);
        // Their own organisation as before, with or without naming it.
        QCOMPARE(resultOf(super.call(QStringLiteral("presence.list")))
                     .value(QStringLiteral("people"))
                     .toArray()
                     .size(),
            2);
        QCOMPARE(TestClient::errorReason(super.call(QStringLiteral("presence.list"),
                     {{QStringLiteral("organisationId"), id(QUuid::createUuid())}})),
            QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorReason(super.call(
                     QStringLiteral("presence.list"), {{QStringLiteral("organisationId"), 7}})),
            QStringLiteral("invalid_params"));
    }

    void othersAreRefused()
    {
        TestClient root;
        signIn(root, QStringLiteral("root"));
        QCOMPARE(TestClient::errorReason(root.call(QStringLiteral("organisations.list"))),
            QStringLiteral("forbidden"));
        QCOMPARE(TestClient::errorReason(root.call(QStringLiteral("organisations.watch"),
                     {{QStringLiteral("organisationId"), id(m_globex)}})),
            QStringLiteral("forbidden"));
        QCOMPARE(TestClient::errorReason(root.call(QStringLiteral("presence.list"),
                     {{QStringLiteral("organisationId"), id(m_globex)}})),
            QStringLiteral("forbidden"));
        // Naming one's own organisation is fine.
        QVERIFY(root.call(QStringLiteral("presence.list"),
                        {{QStringLiteral("organisationId"), id(m_acme)}})
                    .contains(QStringLiteral("result")));
    }

    void watchingFollowsAnotherOrganisationLive()
    {
        TestClient super, root, gx;
        signIn(super, QStringLiteral("super"));
        signIn(root, QStringLiteral("root"));
        signIn(gx, QStringLiteral("gx"));
        const QJsonObject globexBoard = resultOf(gx.call(QStringLiteral("presence.list")));
        const QString busy = stateIdByLabel(globexBoard, QStringLiteral("Busy"));
        const QString gxId
            = id(m_server->sql().exec("SELECT id FROM users WHERE login = 'gx'").uuid(0, 0));

        QCOMPARE(TestClient::errorReason(super.call(QStringLiteral("organisations.watch"),
                     {{QStringLiteral("organisationId"), id(QUuid::createUuid())}})),
            QStringLiteral("not_found"));
        QVERIFY(super
                    .call(QStringLiteral("organisations.watch"),
                        {{QStringLiteral("organisationId"), id(m_globex)}})
                    .contains(QStringLiteral("result")));
        QVERIFY(gx.call(QStringLiteral("presence.set"), {{QStringLiteral("stateId"), busy}})
                    .contains(QStringLiteral("result")));
        // (gx's own arrival may come first, in its batch: wait for the change itself.)
        const QJsonObject seen = super.waitForPush(QStringLiteral("presence.changed"),
            {{QStringLiteral("userId"), gxId}, {QStringLiteral("stateId"), busy}});
        QCOMPARE(seen.value(QStringLiteral("organisationId")).toString(), id(m_globex));
        QCOMPARE(seen.value(QStringLiteral("stateId")).toString(), busy);
        QVERIFY(root.noPush(
            QStringLiteral("presence.changed"), {{QStringLiteral("userId"), gxId}}, 200));

        // Their own organisation's pushes still come, untagged.
        TestClient root2;
        signIn(root2, QStringLiteral("root"));
        const QJsonObject own = super.waitForPush(QStringLiteral("presence.changed"),
            {{QStringLiteral("userId"),
                id(m_server->sql().exec("SELECT id FROM users WHERE login = 'root'").uuid(0, 0))}});
        QVERIFY(!own.isEmpty());
        QVERIFY(!own.contains(QStringLiteral("organisationId")));

        // Stop watching: nothing more from Globex.
        QVERIFY(super
                    .call(QStringLiteral("organisations.watch"),
                        {{QStringLiteral("organisationId"), QJsonValue()}})
                    .contains(QStringLiteral("result")));
        super.clearPushes();
        QVERIFY(gx.call(QStringLiteral("presence.set"),
                      {{QStringLiteral("stateId"),
                          stateIdByLabel(globexBoard, QStringLiteral("Away"))}})
                    .contains(QStringLiteral("result")));
        QVERIFY(super.noPush(
            QStringLiteral("presence.changed"), {{QStringLiteral("userId"), gxId}}, 300));
    }
};

QTEST_GUILESS_MAIN(TestOrganisations)
#include "tst_organisations.moc"
