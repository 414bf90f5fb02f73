// Teams as admins run them (create, rename, archive), teams.changed pushes, and the board scoped to
// one team with presence.list {teamId}; other organisations' teams stay out of reach.
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

namespace {

QStringList logins(const QJsonObject &snapshot)
{
    QStringList out;
    for (const QJsonValue &p : snapshot.value(QStringLiteral("people")).toArray())
        out << p.toObject().value(QStringLiteral("login")).toString();
    return out;
}

} // namespace

class TestTeams : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    TestClient m_admin, m_volunteer, m_other;
    QString m_generalId;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Acme")).isNull());
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Globex")).isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("root"), QStringLiteral("Acme"), Role::Admin)
                     .isNull());
        QVERIFY(
            !m_server->createUser(QStringLiteral("vol"), QStringLiteral("Acme"), Role::Volunteer)
                 .isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("gx"), QStringLiteral("Globex"), Role::Admin)
                     .isNull());
        for (auto [client, login] : {std::pair {&m_admin, "root"}, std::pair {&m_volunteer, "vol"},
                 std::pair {&m_other, "gx"}}) {
            QVERIFY(client->open(m_server->wsUrl()));
            QVERIFY(client->login(QString::fromLatin1(login), QStringLiteral("correct horse"))
                        .contains(QStringLiteral("result")));
        }
        const QJsonArray teams = resultOf(m_volunteer.call(QStringLiteral("teams.list")))
                                     .value(QStringLiteral("teams"))
                                     .toArray();
        QCOMPARE(teams.size(), 1);
        QCOMPARE(teams.at(0).toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("General"));
        QCOMPARE(teams.at(0).toObject().value(QStringLiteral("members")).toInt(), 2);
        m_generalId = teams.at(0).toObject().value(QStringLiteral("id")).toString();
    }
    void cleanupTestCase() { m_server.reset(); }

    void createRenameArchive()
    {
        m_volunteer.clearPushes();
        const QJsonObject team
            = resultOf(m_admin.call(QStringLiteral("teams.create"),
                           {{QStringLiteral("name"), QStringLiteral("Front desk")}}))
                  .value(QStringLiteral("team"))
                  .toObject();
        const QString id = team.value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(team.value(QStringLiteral("members")).toInt(-1), 0);
        QCOMPARE(team.value(QStringLiteral("hidden")).toBool(true), false);
        // The audit record names the team it made.
        QCOMPARE(m_server->sql()
                     .exec("SELECT subject_id::text FROM activities WHERE action = 'team.create'"
                           " AND new_value->>'name' = 'Front desk'")
                     .text(0, 0),
            id);
        QCOMPARE(m_volunteer.waitForPush(QStringLiteral("teams.changed"))
                     .value(QStringLiteral("teams"))
                     .toArray()
                     .size(),
            2);

        QCOMPARE(TestClient::errorReason(m_admin.call(QStringLiteral("teams.create"),
                     {{QStringLiteral("name"), QStringLiteral("front DESK")}})),
            QStringLiteral("conflict"));
        QCOMPARE(TestClient::errorReason(m_admin.call(QStringLiteral("teams.create"),
                     {{QStringLiteral("name"), QStringLiteral("  ")}})),
            QStringLiteral("invalid_params"));

        const QJsonObject renamed
            = resultOf(m_admin.call(QStringLiteral("teams.update"),
                           {{QStringLiteral("teamId"), id},
                               {QStringLiteral("name"), QStringLiteral("Reception")}}))
                  .value(QStringLiteral("team"))
                  .toObject();
        QCOMPARE(renamed.value(QStringLiteral("name")).toString(), QStringLiteral("Reception"));
        const QJsonObject archived
            = resultOf(m_admin.call(QStringLiteral("teams.update"),
                           {{QStringLiteral("teamId"), id}, {QStringLiteral("archived"), true}}))
                  .value(QStringLiteral("team"))
                  .toObject();
        QVERIFY(archived.value(QStringLiteral("archived")).toBool());
        // General is now the only active team: it cannot be archived.
        QCOMPARE(
            TestClient::errorReason(m_admin.call(QStringLiteral("teams.update"),
                {{QStringLiteral("teamId"), m_generalId}, {QStringLiteral("archived"), true}})),
            QStringLiteral("conflict"));
        QCOMPARE(m_server->auditCount(QStringLiteral("team.%")), 3);
    }

    // Two admins archiving an organisation's last two teams at the same moment: one of them is
    // told no, every time, and the organisation keeps an active team.
    void theLastTeamSurvivesSimultaneousArchivals()
    {
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Initech")).isNull());
        QVERIFY(
            !m_server->createUser(QStringLiteral("bill"), QStringLiteral("Initech"), Role::Admin)
                 .isNull());
        TestClient admin, rival;
        QVERIFY(admin.signIn(m_server->wsUrl(), QStringLiteral("bill")));
        QVERIFY(rival.signIn(m_server->wsUrl(), QStringLiteral("bill")));
        const QString first = resultOf(admin.call(QStringLiteral("teams.list")))
                                  .value(QStringLiteral("teams"))
                                  .toArray()
                                  .at(0)[QStringLiteral("id")]
                                  .toString();
        const QString second = resultOf(admin.call(QStringLiteral("teams.create"),
            {{QStringLiteral("name"),
                QStringLiteral("Second")}}))[QStringLiteral("team")][QStringLiteral("id")]
                                   .toString();
        QVERIFY(!first.isEmpty() && !second.isEmpty() && first != second);
        const auto active = [this] {
            return m_server->sql()
                .exec("SELECT count(*) FROM teams t JOIN organisations o ON o.id = "
                      "t.organisation_id WHERE o.name = 'Initech' AND NOT t.archived")
                .toInt(0, 0);
        };
        for (int round = 0; round < 20; ++round) {
            QCOMPARE(active(), 2);
            admin.post(QStringLiteral("teams.update"),
                {{QStringLiteral("teamId"), first}, {QStringLiteral("archived"), true}});
            rival.post(QStringLiteral("teams.update"),
                {{QStringLiteral("teamId"), second}, {QStringLiteral("archived"), true}});
            const QList<QJsonObject> mine = admin.waitForReplies(1);
            const QList<QJsonObject> theirs = rival.waitForReplies(1);
            QCOMPARE(mine.size(), 1);
            QCOMPARE(theirs.size(), 1);
            const bool mineOk = mine.first().contains(QStringLiteral("result"));
            const bool theirsOk = theirs.first().contains(QStringLiteral("result"));
            QVERIFY2(mineOk != theirsOk, qPrintable(QStringLiteral("round %1").arg(round)));
            QCOMPARE(TestClient::errorReason(mineOk ? theirs.first() : mine.first()),
                QStringLiteral("conflict"));
            QCOMPARE(active(), 1);
            QVERIFY(admin
                        .call(QStringLiteral("teams.update"),
                            {{QStringLiteral("teamId"), mineOk ? first : second},
                                {QStringLiteral("archived"), false}})
                        .contains(QStringLiteral("result")));
        }
    }

    void volunteersCannotEdit()
    {
        QCOMPARE(TestClient::errorReason(m_volunteer.call(QStringLiteral("teams.create"),
                     {{QStringLiteral("name"), QStringLiteral("Mine")}})),
            QStringLiteral("forbidden"));
        QCOMPARE(TestClient::errorReason(m_volunteer.call(QStringLiteral("teams.update"),
                     {{QStringLiteral("teamId"), m_generalId},
                         {QStringLiteral("name"), QStringLiteral("Mine")}})),
            QStringLiteral("forbidden"));
    }

    void otherOrganisationsTeamsAreOutOfReach()
    {
        QCOMPARE(TestClient::errorReason(m_other.call(QStringLiteral("teams.update"),
                     {{QStringLiteral("teamId"), m_generalId},
                         {QStringLiteral("name"), QStringLiteral("Taken")}})),
            QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorReason(m_other.call(
                     QStringLiteral("presence.list"), {{QStringLiteral("teamId"), m_generalId}})),
            QStringLiteral("not_found"));
        const QJsonArray theirs = resultOf(m_other.call(QStringLiteral("teams.list")))
                                      .value(QStringLiteral("teams"))
                                      .toArray();
        QCOMPARE(theirs.size(), 1);
        QVERIFY(theirs.at(0).toObject().value(QStringLiteral("id")).toString() != m_generalId);
    }

    void boardScopedToATeam()
    {
        const QString desk = resultOf(m_admin.call(QStringLiteral("teams.create"),
                                          {{QStringLiteral("name"), QStringLiteral("Desk")}}))
                                 .value(QStringLiteral("team"))
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toString();
        QVERIFY(m_server->sql()
                    .exec("UPDATE users SET home_team_id = $1 WHERE login = 'vol'",
                        PgParams() << QUuid::fromString(desk))
                    .ok());
        const QJsonObject deskBoard = resultOf(
            m_volunteer.call(QStringLiteral("presence.list"), {{QStringLiteral("teamId"), desk}}));
        QCOMPARE(logins(deskBoard), QStringList {QStringLiteral("vol")});
        QCOMPARE(deskBoard.value(QStringLiteral("team"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
            QStringLiteral("Desk"));
        QCOMPARE(logins(resultOf(m_volunteer.call(
                     QStringLiteral("presence.list"), {{QStringLiteral("teamId"), m_generalId}}))),
            QStringList {QStringLiteral("root")});
        QCOMPARE(logins(resultOf(m_volunteer.call(QStringLiteral("presence.list")))).size(), 2);
        QCOMPARE(TestClient::errorReason(m_volunteer.call(
                     QStringLiteral("presence.list"), {{QStringLiteral("teamId"), 7}})),
            QStringLiteral("invalid_params"));
    }
};

QTEST_GUILESS_MAIN(TestTeams)
#include "tst_teams.moc"
