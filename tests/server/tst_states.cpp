// An organisation's states as its admins edit them: create, update, make default, reorder and
// delete, the pushes members receive, and what is refused (bad input, other organisations).
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

namespace {

QStringList labels(const QJsonArray &states)
{
    QStringList out;
    for (const QJsonValue &s : states)
        out << s.toObject().value(QStringLiteral("label")).toString();
    return out;
}

} // namespace

class TestStates : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    TestClient m_admin, m_member, m_other;

    QJsonArray currentStates(TestClient &client)
    {
        return resultOf(client.call(QStringLiteral("presence.list")))
            .value(QStringLiteral("states"))
            .toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Acme")).isNull());
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Globex")).isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("root"), QStringLiteral("Acme"), Role::Admin)
                     .isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("mem"), QStringLiteral("Acme"), Role::Manager)
                     .isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("gx"), QStringLiteral("Globex"), Role::Admin)
                     .isNull());
        for (auto [client, login] : {std::pair {&m_admin, "root"}, std::pair {&m_member, "mem"},
                 std::pair {&m_other, "gx"}}) {
            QVERIFY(client->open(m_server->wsUrl()));
            QVERIFY(client->login(QString::fromLatin1(login), QStringLiteral("correct horse"))
                        .contains(QStringLiteral("result")));
        }
    }
    void cleanupTestCase() { m_server.reset(); }

    void createIsPushedToMembers()
    {
        m_member.clearPushes();
        const QJsonObject state
            = resultOf(m_admin.call(QStringLiteral("states.create"),
                           {{QStringLiteral("label"), QStringLiteral("On the phone")},
                               {QStringLiteral("color"), QStringLiteral("#1E88E5")},
                               {QStringLiteral("available"), false}}))
                  .value(QStringLiteral("state"))
                  .toObject();
        QCOMPARE(state.value(QStringLiteral("color")).toString(), QStringLiteral("#1e88e5"));
        QCOMPARE(state.value(QStringLiteral("order")).toInt(), 5); // after the shift state
        const QJsonObject pushed = m_member.waitForPush(QStringLiteral("states.changed"));
        QCOMPARE(labels(pushed.value(QStringLiteral("states")).toArray()).last(),
            QStringLiteral("On the phone"));
        // Other organisations hear nothing and keep their own five states.
        QCOMPARE(currentStates(m_other).size(), 5);
        QVERIFY(m_other.noPush(QStringLiteral("states.changed"), {}, 0));
        QCOMPARE(m_server->auditCount(QStringLiteral("state.create")), 1);
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QJsonObject>("params");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no colour") << QStringLiteral("states.create")
                                   << QJsonObject {{QStringLiteral("label"), QStringLiteral("X")}}
                                   << QStringLiteral("invalid_params");
        QTest::newRow("named colour")
            << QStringLiteral("states.create")
            << QJsonObject {{QStringLiteral("label"), QStringLiteral("X")},
                   {QStringLiteral("color"), QStringLiteral("red")}}
            << QStringLiteral("invalid_params");
        QTest::newRow("blank label")
            << QStringLiteral("states.create")
            << QJsonObject {{QStringLiteral("label"), QStringLiteral("   ")},
                   {QStringLiteral("color"), QStringLiteral("#000000")}}
            << QStringLiteral("invalid_params");
        QTest::newRow("label too long")
            << QStringLiteral("states.create")
            << QJsonObject {{QStringLiteral("label"), QString(101, u'x')},
                   {QStringLiteral("color"), QStringLiteral("#000000")}}
            << QStringLiteral("invalid_params");
        QTest::newRow("available not bool")
            << QStringLiteral("states.create")
            << QJsonObject {{QStringLiteral("label"), QStringLiteral("X")},
                   {QStringLiteral("color"), QStringLiteral("#000000")},
                   {QStringLiteral("available"), QStringLiteral("yes")}}
            << QStringLiteral("invalid_params");
        QTest::newRow("duplicate label")
            << QStringLiteral("states.create")
            << QJsonObject {{QStringLiteral("label"), QStringLiteral("busy")},
                   {QStringLiteral("color"), QStringLiteral("#000000")}}
            << QStringLiteral("conflict");
        QTest::newRow("unset default")
            << QStringLiteral("states.update")
            << QJsonObject {{QStringLiteral("stateId"), QUuid::createUuid().toString()},
                   {QStringLiteral("isDefault"), false}}
            << QStringLiteral("invalid_params");
        QTest::newRow("unknown state")
            << QStringLiteral("states.update")
            << QJsonObject {{QStringLiteral("stateId"), QUuid::createUuid().toString()},
                   {QStringLiteral("label"), QStringLiteral("Y")}}
            << QStringLiteral("not_found");
        QTest::newRow("reorder not list")
            << QStringLiteral("states.reorder")
            << QJsonObject {{QStringLiteral("stateIds"), QStringLiteral("all")}}
            << QStringLiteral("invalid_params");
        QTest::newRow("reorder partial") << QStringLiteral("states.reorder")
                                         << QJsonObject {{QStringLiteral("stateIds"),
                                                QJsonArray {QUuid::createUuid().toString()}}}
                                         << QStringLiteral("conflict");
        QTest::newRow("delete unknown")
            << QStringLiteral("states.delete")
            << QJsonObject {{QStringLiteral("stateId"), QUuid::createUuid().toString()}}
            << QStringLiteral("not_found");
    }

    void badInputIsRefused()
    {
        QFETCH(QString, method);
        QFETCH(QJsonObject, params);
        QFETCH(QString, reason);
        const QStringList before = labels(currentStates(m_admin));
        QCOMPARE(TestClient::errorReason(m_admin.call(method, params)), reason);
        QCOMPARE(labels(currentStates(m_admin)), before);
    }

    void membersBelowAdminCannotEdit()
    {
        const QString busy = stateIdByLabel(currentStates(m_member), QStringLiteral("Busy"));
        QCOMPARE(TestClient::errorReason(m_member.call(QStringLiteral("states.update"),
                     {{QStringLiteral("stateId"), busy},
                         {QStringLiteral("label"), QStringLiteral("Hacked")}})),
            QStringLiteral("forbidden"));
        QCOMPARE(TestClient::errorReason(m_member.call(
                     QStringLiteral("states.delete"), {{QStringLiteral("stateId"), busy}})),
            QStringLiteral("forbidden"));
        QVERIFY(labels(currentStates(m_member)).contains(QStringLiteral("Busy")));
    }

    void anotherOrganisationsStatesAreOutOfReach()
    {
        const QString acmeBusy = stateIdByLabel(currentStates(m_admin), QStringLiteral("Busy"));
        QCOMPARE(TestClient::errorReason(m_other.call(QStringLiteral("states.update"),
                     {{QStringLiteral("stateId"), acmeBusy},
                         {QStringLiteral("label"), QStringLiteral("Mine")}})),
            QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorReason(m_other.call(QStringLiteral("states.update"),
                     {{QStringLiteral("stateId"), acmeBusy}, {QStringLiteral("isDefault"), true}})),
            QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorReason(m_other.call(
                     QStringLiteral("states.delete"), {{QStringLiteral("stateId"), acmeBusy}})),
            QStringLiteral("not_found"));
        const QJsonArray acme = currentStates(m_admin);
        QVERIFY(labels(acme).contains(QStringLiteral("Busy")));
        QVERIFY(acme.at(0).toObject().value(QStringLiteral("isDefault")).toBool());
    }

    void updateAndMakeDefault()
    {
        const QJsonArray before = currentStates(m_admin);
        const QString away = stateIdByLabel(before, QStringLiteral("Away"));
        const QJsonObject state
            = resultOf(m_admin.call(QStringLiteral("states.update"),
                           {{QStringLiteral("stateId"), away},
                               {QStringLiteral("label"), QStringLiteral("Out")},
                               {QStringLiteral("color"), QStringLiteral("#445566")},
                               {QStringLiteral("isDefault"), true}}))
                  .value(QStringLiteral("state"))
                  .toObject();
        QCOMPARE(state.value(QStringLiteral("label")).toString(), QStringLiteral("Out"));
        QVERIFY(state.value(QStringLiteral("isDefault")).toBool());
        const QJsonArray after = currentStates(m_admin);
        int defaults = 0;
        for (const QJsonValue &s : after)
            defaults += s.toObject().value(QStringLiteral("isDefault")).toBool() ? 1 : 0;
        QCOMPARE(defaults, 1);
        // Put it back, so later tests start from the usual default.
        QVERIFY(m_admin
                    .call(QStringLiteral("states.update"),
                        {{QStringLiteral("stateId"),
                             stateIdByLabel(after, QStringLiteral("Available"))},
                            {QStringLiteral("isDefault"), true}})
                    .contains(QStringLiteral("result")));
        const PgResult audit
            = m_server->sql().exec("SELECT old_value->>'label', new_value->>'label' FROM "
                                   "activities WHERE action = 'state.update'"
                                   " ORDER BY created_at LIMIT 1");
        QCOMPARE(audit.text(0, 0), QStringLiteral("Away"));
        QCOMPARE(audit.text(0, 1), QStringLiteral("Out"));
    }

    void reorder()
    {
        QJsonArray ids;
        const QJsonArray before = currentStates(m_admin);
        for (qsizetype i = before.size() - 1; i >= 0; --i)
            ids.append(before.at(i).toObject().value(QStringLiteral("id")));
        m_member.clearPushes();
        const QJsonArray after = resultOf(
            m_admin.call(QStringLiteral("states.reorder"), {{QStringLiteral("stateIds"), ids}}))
                                     .value(QStringLiteral("states"))
                                     .toArray();
        QStringList reversed = labels(before);
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(labels(after), reversed);
        QCOMPARE(labels(m_member.waitForPush(QStringLiteral("states.changed"))
                            .value(QStringLiteral("states"))
                            .toArray()),
            reversed);
        QJsonArray twice = ids;
        twice.replace(0, ids.at(1));
        QCOMPARE(TestClient::errorReason(m_admin.call(
                     QStringLiteral("states.reorder"), {{QStringLiteral("stateIds"), twice}})),
            QStringLiteral("conflict"));
    }

    void deleteMovesPeopleToTheDefault()
    {
        const QJsonArray states = currentStates(m_admin);
        const QString phone = stateIdByLabel(states, QStringLiteral("On the phone"));
        const QString available = stateIdByLabel(states, QStringLiteral("Available"));
        QVERIFY(m_member.call(QStringLiteral("presence.set"), {{QStringLiteral("stateId"), phone}})
                    .contains(QStringLiteral("result")));
        const QString memberId
            = m_server->sql().exec("SELECT id FROM users WHERE login = 'mem'").text(0, 0);

        QCOMPARE(TestClient::errorReason(m_admin.call(
                     QStringLiteral("states.delete"), {{QStringLiteral("stateId"), available}})),
            QStringLiteral("conflict"));
        m_admin.clearPushes();
        const QJsonObject deleted = resultOf(
            m_admin.call(QStringLiteral("states.delete"), {{QStringLiteral("stateId"), phone}}));
        QCOMPARE(deleted.value(QStringLiteral("moved")).toInt(), 1);
        const QJsonObject moved = m_admin.waitForPush(
            QStringLiteral("presence.changed"), {{QStringLiteral("userId"), memberId}});
        QCOMPARE(moved.value(QStringLiteral("stateId")).toString(), available);
        QVERIFY(moved.value(QStringLiteral("online")).toBool());
        QVERIFY(!labels(m_admin.waitForPush(QStringLiteral("states.changed"))
                            .value(QStringLiteral("states"))
                            .toArray())
                     .contains(QStringLiteral("On the phone")));
        QCOMPARE(m_server->auditCount(QStringLiteral("state.delete")), 1);
    }
};

QTEST_GUILESS_MAIN(TestStates)
#include "tst_states.moc"
