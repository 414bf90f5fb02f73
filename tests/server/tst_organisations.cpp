// Deleting an organisation: everything it owns goes, in one transaction, checked table by table.
// The server superadmin's view across organisations: organisations.list, presence.list with another
// organisation's id, and organisations.watch for its pushes (tagged with organisationId). Everyone
// else — an organisation's own admins included — is refused, and sees nothing of other
// organisations.
#include "db/demostore.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonDocument>
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

    // Rows per table of the whole schema, but for the servers' own bookkeeping.
    QHash<QString, int> rowCounts()
    {
        QHash<QString, int> counts;
        const PgResult tables = m_server->sql().exec(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN"
            " ('schema_migrations', 'server_instances', 'push_outbox', 'telegram_poller')");
        for (int row = 0; row < tables.rows(); ++row) {
            const QString table = tables.text(row, 0);
            // Attempts counted against an address (sign-ins, anteroom joins) belong to no
            // organisation; they lapse with the throttle's window.
            const QByteArray where = table == QLatin1String("auth_attempts")
                ? " WHERE key NOT LIKE 'anteroom:address:%' AND key NOT LIKE 'login:address:%'"
                : "";
            counts.insert(table,
                m_server->sql()
                    .exec("SELECT count(*) FROM " + table.toLatin1() + where)
                    .text(0, 0)
                    .toInt());
        }
        return counts;
    }

    void deletingAnOrganisationLeavesNoRowBehind()
    {
        TestClient root; // of another organisation, signed in before the count
        signIn(root, QStringLiteral("root"));
        const QHash<QString, int> before = rowCounts();
        QVERIFY(before.size() > 30);

        // An organisation using every part of Muster.
        const QUuid doomed = m_server->createOrganisation(QStringLiteral("Doomed Helpline"));
        QVERIFY(!m_server
                     ->createUser(
                         QStringLiteral("dora"), QStringLiteral("Doomed Helpline"), Role::Manager)
                     .isNull());
        QVERIFY(
            !m_server
                 ->createUser(QStringLiteral("dan"), QStringLiteral("Doomed Helpline"), Role::Staff)
                 .isNull());
        DemoStore demo(m_server->sql());
        QVERIFY2(demo.seed(doomed, [](const QString &) { return QByteArray("pin-hash"); }),
            qPrintable(demo.errorMessage()));
        TestClient dora, dan, client, wrong;
        signIn(dora, QStringLiteral("dora"));
        signIn(dan, QStringLiteral("dan"));
        QVERIFY(wrong.open(m_server->wsUrl()));
        QVERIFY(!wrong.login(QStringLiteral("dan"), QStringLiteral("not it"))
                     .contains(QStringLiteral("result")));
        const QString key = resultOf(dora.call(QStringLiteral(
            "chat.settings.get")))[QStringLiteral("settings")][QStringLiteral("publicKey")]
                                .toString();
        QVERIFY(!resultOf(dan.call(QStringLiteral("chat.duty"), {{QStringLiteral("on"), true}}))
                     .isEmpty());
        QVERIFY(client.open(m_server->wsUrl()));
        const QString chatId = resultOf(client.call(QStringLiteral("anteroom.join"),
            {{QStringLiteral("key"), key}, {QStringLiteral("alias"), QStringLiteral("Kim")},
                {QStringLiteral("consent"), true}}))[QStringLiteral("chat")][QStringLiteral("id")]
                                   .toString();
        QVERIFY(!chatId.isEmpty());
        QVERIFY(
            !resultOf(dan.call(QStringLiteral("chat.accept"), {{QStringLiteral("chatId"), chatId}}))
                 .isEmpty());
        QVERIFY(!resultOf(client.call(QStringLiteral("chat.send"),
                              {{QStringLiteral("chatId"), chatId},
                                  {QStringLiteral("text"), QStringLiteral("hello")},
                                  {QStringLiteral("clientMsgId"), QStringLiteral("1")}}))
                     .isEmpty());
        const QByteArray org = doomed.toString(QUuid::WithoutBraces).toLatin1();
        QVERIFY(m_server->sql()
                    .exec("INSERT INTO chat_canned_replies (organisation_id, title, body)"
                          " VALUES ('"
                        + org + "', 'Welcome', 'Hello, I am here.')")
                    .ok());
        QVERIFY(m_server->sql()
                    .exec("INSERT INTO chat_logos (organisation_id, content_type, data) VALUES ('"
                        + org + "', 'image/png', '\\x89504e47'::bytea)")
                    .ok());
        QVERIFY(m_server->sql()
                    .exec("INSERT INTO telegram_links (organisation_id, user_id, chat_id)"
                          " SELECT organisation_id, id, 4242 FROM users WHERE login = 'dan'")
                    .ok());
        const QHash<QString, int> full = rowCounts();
        int added = 0;
        for (auto it = full.cbegin(); it != full.cend(); ++it)
            added += it.value() > before.value(it.key()) ? 1 : 0;
        QVERIFY2(added >= 15,
            qPrintable(QStringLiteral("only %1 tables hold the organisation").arg(added)));

        // Another organisation's manager cannot; the name must be typed.
        QCOMPARE(TestClient::errorReason(root.call(QStringLiteral("organisations.delete"),
                     {{QStringLiteral("confirmName"), QStringLiteral("Doomed Helpline")}})),
            QStringLiteral("name_mismatch"));
        QCOMPARE(TestClient::errorReason(dan.call(QStringLiteral("organisations.delete"),
                     {{QStringLiteral("confirmName"), QStringLiteral("Doomed Helpline")}})),
            QStringLiteral("forbidden"));
        QCOMPARE(TestClient::errorReason(dora.call(QStringLiteral("organisations.delete"),
                     {{QStringLiteral("confirmName"), QStringLiteral("Doomed")}})),
            QStringLiteral("name_mismatch"));

        const QJsonObject deleted = dora.call(QStringLiteral("organisations.delete"),
            {{QStringLiteral("confirmName"), QStringLiteral("doomed helpline")}});
        QVERIFY2(resultOf(deleted)[QStringLiteral("deleted")].toBool(),
            QJsonDocument(deleted).toJson().constData());
        // Everyone on it is told and cut off, the anonymous client too.
        QVERIFY(dan.waitForDisconnect());
        QVERIFY(client.waitForDisconnect());
        QVERIFY(dora.waitForDisconnect());

        const QHash<QString, int> after = rowCounts();
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QVERIFY2(after.value(it.key()) == it.value(),
                qPrintable(QStringLiteral("%1: %2 rows before, %3 after")
                               .arg(it.key())
                               .arg(it.value())
                               .arg(after.value(it.key()))));
        // The others are untouched and still work.
        QVERIFY(!resultOf(root.call(QStringLiteral("users.list"))).isEmpty());
    }

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
