// users.update and its rules: managers move people between teams and set highlights; roles change
// only downwards from one's own, never one's own, never for someone above; other orgs untouched.
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

class TestUsers : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    TestClient m_manager, m_admin, m_lead;
    QHash<QString, QString> m_ids;

    QString id(const char *login) const { return m_ids.value(QString::fromLatin1(login)); }
    QJsonObject update(TestClient &client, const char *login, const QJsonObject &changes)
    {
        QJsonObject params = changes;
        params.insert(QStringLiteral("userId"), id(login));
        return client.call(QStringLiteral("users.update"), params);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Acme")).isNull());
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Globex")).isNull());
        const QList<std::pair<const char *, Role>> people {{"boss", Role::Admin},
            {"mgr", Role::Manager}, {"lea", Role::Lead}, {"sam", Role::Staff},
            {"vic", Role::Volunteer}};
        for (const auto &[login, role] : people)
            m_ids.insert(QString::fromLatin1(login),
                m_server->createUser(QString::fromLatin1(login), QStringLiteral("Acme"), role)
                    .toString(QUuid::WithoutBraces));
        m_ids.insert(QStringLiteral("gx"),
            m_server->createUser(QStringLiteral("gx"), QStringLiteral("Globex"), Role::Staff)
                .toString(QUuid::WithoutBraces));
        for (auto [client, login] : {std::pair {&m_manager, "mgr"}, std::pair {&m_admin, "boss"},
                 std::pair {&m_lead, "lea"}}) {
            QVERIFY(client->open(m_server->wsUrl()));
            QVERIFY(client->login(QString::fromLatin1(login), QStringLiteral("correct horse"))
                        .contains(QStringLiteral("result")));
        }
    }
    void cleanupTestCase() { m_server.reset(); }

    void managerMovesAndHighlights()
    {
        const QString desk = m_admin
                                 .call(QStringLiteral("teams.create"),
                                     {{QStringLiteral("name"), QStringLiteral("Desk")}})
                                 .value(QStringLiteral("result"))
                                 .toObject()
                                 .value(QStringLiteral("team"))
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toString();
        m_lead.clearPushes();
        const QJsonObject moved = update(m_manager, "sam",
            {{QStringLiteral("teamId"), desk},
                {QStringLiteral("highlight"), QStringLiteral("#FFAA00")}})
                                      .value(QStringLiteral("result"))
                                      .toObject();
        QCOMPARE(moved.value(QStringLiteral("teamId")).toString(), desk);
        QCOMPARE(moved.value(QStringLiteral("highlight")).toString(), QStringLiteral("#ffaa00"));
        const QJsonObject pushed = m_lead.waitForPush(
            QStringLiteral("profile.changed"), {{QStringLiteral("userId"), id("sam")}});
        QCOMPARE(pushed.value(QStringLiteral("teamId")).toString(), desk);
        // The board shows it too.
        const QJsonArray people
            = m_lead.call(QStringLiteral("presence.list"), {{QStringLiteral("teamId"), desk}})
                  .value(QStringLiteral("result"))
                  .toObject()
                  .value(QStringLiteral("people"))
                  .toArray();
        QCOMPARE(people.size(), 1);
        QCOMPARE(people.at(0).toObject().value(QStringLiteral("highlight")).toString(),
            QStringLiteral("#ffaa00"));
        // Cleared with null.
        QVERIFY(update(m_manager, "sam", {{QStringLiteral("highlight"), QJsonValue()}})
                    .value(QStringLiteral("result"))
                    .toObject()
                    .value(QStringLiteral("highlight"))
                    .isNull());
        QCOMPARE(m_server->auditCount(QStringLiteral("user.update")), 2);
    }

    void roleRules_data()
    {
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("reason");
        QTest::newRow("own role") << "mgr"
                                  << "mgr"
                                  << "staff"
                                  << "forbidden";
        QTest::newRow("above own") << "mgr"
                                   << "vic"
                                   << "admin"
                                   << "forbidden";
        QTest::newRow("someone above") << "mgr"
                                       << "boss"
                                       << "staff"
                                       << "forbidden";
        QTest::newRow("lead cannot at all") << "lea"
                                            << "vic"
                                            << "staff"
                                            << "forbidden";
        QTest::newRow("not a role") << "mgr"
                                    << "vic"
                                    << "emperor"
                                    << "invalid_params";
        QTest::newRow("other org") << "mgr"
                                   << "gx"
                                   << "volunteer"
                                   << "not_found";
        QTest::newRow("promote within own") << "mgr"
                                            << "vic"
                                            << "lead"
                                            << "";
        QTest::newRow("admin demotes lead") << "boss"
                                            << "lea"
                                            << "staff"
                                            << "";
    }

    void roleRules()
    {
        QFETCH(QString, actor);
        QFETCH(QString, target);
        QFETCH(QString, role);
        QFETCH(QString, reason);
        TestClient &client = actor == QStringLiteral("mgr") ? m_manager
            : actor == QStringLiteral("boss")               ? m_admin
                                                            : m_lead;
        const QString before
            = m_server->sql()
                  .exec("SELECT role FROM users WHERE login = $1", PgParams() << target)
                  .text(0, 0);
        const QJsonObject reply
            = update(client, target.toLatin1().constData(), {{QStringLiteral("role"), role}});
        QCOMPARE(TestClient::errorReason(reply), reason);
        const QString after
            = m_server->sql()
                  .exec("SELECT role FROM users WHERE login = $1", PgParams() << target)
                  .text(0, 0);
        QCOMPARE(after, reason.isEmpty() ? role : before);
    }

    void badInput()
    {
        QCOMPARE(TestClient::errorReason(update(m_manager, "vic", {})),
            QStringLiteral("invalid_params"));
        QCOMPARE(TestClient::errorReason(update(
                     m_manager, "vic", {{QStringLiteral("highlight"), QStringLiteral("pink")}})),
            QStringLiteral("invalid_params"));
        QCOMPARE(TestClient::errorReason(update(m_manager, "vic",
                     {{QStringLiteral("teamId"), QUuid::createUuid().toString()}})),
            QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorReason(update(
                     m_manager, "gx", {{QStringLiteral("highlight"), QStringLiteral("#000000")}})),
            QStringLiteral("not_found"));
        QVERIFY(m_server->sql()
                    .exec("SELECT highlight_color FROM users WHERE login = 'gx'")
                    .isNull(0, 0));
    }

    void badgeNumbersAreUniquePerOrganisation()
    {
        const QJsonObject set = resultOf(
            update(m_manager, "vic", {{QStringLiteral("badge"), QStringLiteral("0042")}}));
        QCOMPARE(set.value(QStringLiteral("badge")).toString(), QStringLiteral("42"));
        QCOMPARE(TestClient::errorReason(update(m_manager, "sam", {{QStringLiteral("badge"), 42}})),
            QStringLiteral("conflict"));
        QCOMPARE(TestClient::errorReason(
                     update(m_manager, "sam", {{QStringLiteral("badge"), QStringLiteral("4x")}})),
            QStringLiteral("invalid_params"));
        // Another organisation may use the same number.
        QVERIFY(m_server->sql().exec("UPDATE users SET badge = '42' WHERE login = 'gx'").ok());
        QCOMPARE(m_server->sql()
                     .exec("SELECT new_value->>'badge' FROM activities WHERE action = 'user.update'"
                           " ORDER BY created_at DESC LIMIT 1")
                     .text(0, 0),
            QStringLiteral("42"));
        // A volunteer made from a badge number gets a first password to hand over.
        const QJsonObject created = resultOf(m_manager.call(QStringLiteral("users.create"),
            {{QStringLiteral("badge"), 77},
                {QStringLiteral("displayName"), QStringLiteral("New Volunteer")},
                {QStringLiteral("login"), QStringLiteral("newvol")}}));
        QCOMPARE(created[QStringLiteral("user")][QStringLiteral("login")].toString(),
            QStringLiteral("newvol"));
        TestClient newcomer;
        QVERIFY(newcomer.open(m_server->wsUrl()));
        QCOMPARE(resultOf(newcomer.login(QStringLiteral("newvol"),
                     created.value(QStringLiteral("initialPassword"))
                         .toString()))[QStringLiteral("user")][QStringLiteral("role")]
                     .toString(),
            QStringLiteral("volunteer"));
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("users.create"),
                     {{QStringLiteral("badge"), 78},
                         {QStringLiteral("displayName"), QStringLiteral("Clash")},
                         {QStringLiteral("login"), QStringLiteral("newvol")}})),
            QStringLiteral("conflict"));
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("users.create"),
                     {{QStringLiteral("badge"), 79},
                         {QStringLiteral("displayName"), QStringLiteral("Bad")},
                         {QStringLiteral("login"), QStringLiteral("Has Spaces")}})),
            QStringLiteral("invalid_params"));
        // A team that is not the organisation's makes nobody: no account, no audit record.
        const int audited = m_server->auditCount(QStringLiteral("user.create"));
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("users.create"),
                     {{QStringLiteral("badge"), 80},
                         {QStringLiteral("displayName"), QStringLiteral("Nowhere")},
                         {QStringLiteral("teamId"),
                             QUuid::createUuid().toString(QUuid::WithoutBraces)}})),
            QStringLiteral("not_found"));
        QCOMPARE(
            m_server->sql().exec("SELECT count(*) FROM users WHERE badge = '80'").toInt(0, 0), 0);
        QCOMPARE(m_server->auditCount(QStringLiteral("user.create")), audited);
    }

    void deletingPeopleFollowsTheRoleRules()
    {
        QCOMPARE(TestClient::errorReason(m_admin.call(
                     QStringLiteral("users.delete"), {{QStringLiteral("userId"), id("boss")}})),
            QStringLiteral("forbidden"));
        QCOMPARE(TestClient::errorReason(m_admin.call(
                     QStringLiteral("users.delete"), {{QStringLiteral("userId"), id("gx")}})),
            QStringLiteral("not_found"));
        // Whoever is deleted is signed out at once.
        TestClient vic;
        QVERIFY(vic.signIn(m_server->wsUrl(), QStringLiteral("vic")));
        QVERIFY(
            m_admin.call(QStringLiteral("users.delete"), {{QStringLiteral("userId"), id("vic")}})
                .contains(QStringLiteral("result")));
        QVERIFY(vic.waitForDisconnect(5000));
        QCOMPARE(
            m_server->sql().exec("SELECT count(*) FROM users WHERE login = 'vic'").toInt(0, 0), 0);
        QCOMPARE(
            m_server->sql()
                .exec("SELECT old_value->>'login' FROM activities WHERE action = 'user.delete'")
                .text(0, 0),
            QStringLiteral("vic"));
    }
};

QTEST_GUILESS_MAIN(TestUsers)
#include "tst_users.moc"
