// users.update and its rules: managers move people between teams and set highlights; roles change
// only downwards from one's own, never one's own, never for someone above; other orgs untouched.
// users.list, the roster with each person's time; users.resetPassword within the same rules.
#include "domain/auditrecord.h"
#include "protocol/wiretime.h"
#include "testclient.h"
#include "testserver.h"
#include "timeclockhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>

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

    void theRosterCountsEachPersonsTime()
    {
        const QString event = createActiveEvent(m_admin, QStringLiteral("Roster Con"));
        QVERIFY(!event.isEmpty());
        const QString team = resultOf(m_admin.call(QStringLiteral("teams.create"),
                                          {{QStringLiteral("name"), QStringLiteral("Stage")}}))
                                 .value(QStringLiteral("team"))
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toString();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto add = [&](const char *login, const QDateTime &start, const QDateTime &stop) {
            QJsonObject params {{QStringLiteral("userId"), id(login)},
                {QStringLiteral("teamId"), team}, {QStringLiteral("start"), wireTime(start)},
                {QStringLiteral("actionId"), newActionId()}};
            if (stop.isValid())
                params.insert(QStringLiteral("stop"), wireTime(stop));
            return !resultOf(m_manager.call(QStringLiteral("timeclock.addEntry"), params))
                        .isEmpty();
        };
        QVERIFY(add("sam", now.addSecs(-5 * 3600), now.addSecs(-3 * 3600)));
        QVERIFY(add("sam", now.addSecs(-2 * 3600), now.addSecs(-3600)));
        QVERIFY(add("vic", now.addSecs(-600), QDateTime()));

        const QJsonArray people = resultOf(m_manager.call(QStringLiteral("users.list")))
                                      .value(QStringLiteral("people"))
                                      .toArray();
        const int acme = int(m_server->sql()
                                 .exec("SELECT count(*) FROM users u JOIN organisations o ON"
                                       " o.id = u.organisation_id WHERE o.name = 'Acme'"
                                       " AND NOT u.is_placeholder")
                                 .toInt(0, 0));
        QCOMPARE(people.size(), acme);
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &v : people)
            byId.insert(v[QStringLiteral("userId")].toString(), v.toObject());
        QVERIFY(!byId.contains(id("gx"))); // another organisation's
        const QJsonObject sam = byId.value(id("sam"));
        QCOMPARE(sam.value(QStringLiteral("workedSeconds")).toInt(), 3 * 3600);
        QCOMPARE(sam.value(QStringLiteral("earnedSeconds")).toInt(), 3 * 3600);
        QCOMPARE(sam.value(QStringLiteral("entries")).toInt(), 2);
        QVERIFY(sam.value(QStringLiteral("shiftStart")).isNull());
        const QJsonObject vic = byId.value(id("vic"));
        QCOMPARE(vic.value(QStringLiteral("workedSeconds")).toInt(), 0); // finished shifts only
        QCOMPARE(vic.value(QStringLiteral("shiftTeamId")).toString(), team);
        QVERIFY(qAbs(QDateTime::fromString(
                    vic.value(QStringLiteral("shiftStart")).toString(), Qt::ISODateWithMs)
                         .secsTo(now.addSecs(-600)))
            < 2);
        QCOMPARE(vic.value(QStringLiteral("role")).toString(),
            m_server->sql().exec("SELECT role FROM users WHERE login = 'vic'").text(0, 0));
        // By name.
        for (int i = 1; i < people.size(); ++i)
            QVERIFY(people.at(i - 1)[QStringLiteral("displayName")].toString().toLower()
                <= people.at(i)[QStringLiteral("displayName")].toString().toLower());

        // Another event of the organisation counts nothing here; another organisation's is not
        // found; a lead may not read the roster.
        const QJsonObject other = resultOf(m_admin.call(QStringLiteral("events.create"),
            {{QStringLiteral("name"), QStringLiteral("Next year")},
                {QStringLiteral("timeZone"), QStringLiteral("UTC")},
                {QStringLiteral("start"), wireTime(now.addDays(300))},
                {QStringLiteral("end"), wireTime(now.addDays(303))}}));
        const QJsonArray nextYear
            = resultOf(m_manager.call(QStringLiteral("users.list"),
                           {{QStringLiteral("eventId"),
                               other[QStringLiteral("event")][QStringLiteral("id")]}}))
                  .value(QStringLiteral("people"))
                  .toArray();
        QCOMPARE(nextYear.size(), acme);
        for (const QJsonValue &v : nextYear) {
            QCOMPARE(v[QStringLiteral("workedSeconds")].toInt(), 0);
            QVERIFY(v[QStringLiteral("shiftStart")].isNull());
        }
        QCOMPARE(
            TestClient::errorReason(m_manager.call(QStringLiteral("users.list"),
                {{QStringLiteral("eventId"), QUuid::createUuid().toString(QUuid::WithoutBraces)}})),
            QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorReason(m_lead.call(QStringLiteral("users.list"))),
            QStringLiteral("forbidden"));
        QCOMPARE(TestClient::errorReason(m_manager.call(
                     QStringLiteral("users.list"), {{QStringLiteral("eventId"), 12}})),
            QStringLiteral("invalid_params"));
    }

    void aManagerResetsAPassword()
    {
        TestClient sam;
        QVERIFY(sam.signIn(m_server->wsUrl(), QStringLiteral("sam")));
        const QJsonObject reset = resultOf(m_manager.call(
            QStringLiteral("users.resetPassword"), {{QStringLiteral("userId"), id("sam")}}));
        const QString password = reset.value(QStringLiteral("password")).toString();
        QVERIFY(password.size() >= 12);
        // Signed out everywhere at once; the old password no longer works, the new one does.
        QVERIFY(sam.waitForDisconnect(5000));
        TestClient again;
        QVERIFY(again.open(m_server->wsUrl()));
        QCOMPARE(TestClient::errorReason(
                     again.login(QStringLiteral("sam"), QStringLiteral("correct horse"))),
            QStringLiteral("invalid_credentials"));
        QVERIFY(again.login(QStringLiteral("sam"), password).contains(QStringLiteral("result")));
        QCOMPARE(m_server->sql()
                     .exec("SELECT count(*) FROM activities WHERE action = 'user.password_reset'"
                           " AND actor_id = $1",
                         PgParams() << QUuid::fromString(id("mgr")))
                     .toInt(0, 0),
            1);

        // Never one's own (that is the profile's), never someone above, never another
        // organisation's; leads may not.
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("users.resetPassword"),
                     {{QStringLiteral("userId"), id("mgr")}})),
            QStringLiteral("forbidden"));
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("users.resetPassword"),
                     {{QStringLiteral("userId"), id("boss")}})),
            QStringLiteral("forbidden"));
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("users.resetPassword"),
                     {{QStringLiteral("userId"), id("gx")}})),
            QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorReason(m_lead.call(QStringLiteral("users.resetPassword"),
                     {{QStringLiteral("userId"), id("vic")}})),
            QStringLiteral("forbidden"));
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("users.resetPassword"),
                     {{QStringLiteral("userId"), QStringLiteral("nope")}})),
            QStringLiteral("invalid_params"));
    }

    // A manager reads what someone did and what was done to them, their shifts (a deleted one
    // too) included, newest first and page by page; nobody else's.
    void aPersonsHistoryIsWhatTheyDidAndWhatWasDoneToThem()
    {
        const auto historyOf = [this](const QString &userId, const QJsonObject &more = {}) {
            QJsonObject params = more;
            params.insert(QStringLiteral("userId"), userId);
            return resultOf(m_manager.call(QStringLiteral("users.history"), params))
                .value(QStringLiteral("records"))
                .toArray();
        };
        const auto actions = [](const QJsonArray &records) {
            QStringList list;
            for (const QJsonValue &r : records)
                list.append(r[QStringLiteral("action")].toString());
            return list;
        };
        // Hal, new, signs in; two shifts of hal's in an event of its own (before those of the
        // roster test), one of them deleted then, and one of vic's.
        const QUuid hal
            = m_server->createUser(QStringLiteral("hal"), QStringLiteral("Acme"), Role::Volunteer);
        QVERIFY(!hal.isNull());
        m_ids.insert(QStringLiteral("hal"), hal.toString(QUuid::WithoutBraces));
        TestClient halAtDesk;
        QVERIFY(halAtDesk.signIn(m_server->wsUrl(), QStringLiteral("hal")));
        QVERIFY(!createActiveEvent(m_admin, QStringLiteral("History Con")).isEmpty());
        const QString team
            = resultOf(m_admin.call(QStringLiteral("teams.create"),
                           {{QStringLiteral("name"), QStringLiteral("History table")}}))
                  .value(QStringLiteral("team"))
                  .toObject()
                  .value(QStringLiteral("id"))
                  .toString();
        QVERIFY2(!team.isEmpty(), "teams.create failed");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const auto &[login, from, to] :
            {std::tuple {"hal", -9, -8}, {"hal", -7, -6}, {"vic", -9, -8}}) {
            QVERIFY(!resultOf(
                m_manager.call(QStringLiteral("timeclock.addEntry"),
                    {{QStringLiteral("userId"), id(login)}, {QStringLiteral("teamId"), team},
                        {QStringLiteral("start"), wireTime(now.addSecs(from * 3600))},
                        {QStringLiteral("stop"), wireTime(now.addSecs(to * 3600))}}))
                         .isEmpty());
        }
        const QJsonArray entries = resultOf(m_manager.call(QStringLiteral("timeclock.entries"),
                                                {{QStringLiteral("userId"), id("hal")}}))
                                       .value(QStringLiteral("entries"))
                                       .toArray();
        QCOMPARE(entries.size(), 2);
        const QString gone = entries.at(0)[QStringLiteral("id")].toString();
        QVERIFY(m_manager
                    .call(QStringLiteral("timeclock.deleteEntry"),
                        {{QStringLiteral("entryId"), gone},
                            {QStringLiteral("reason"), QStringLiteral("Twice")}})
                    .contains(QStringLiteral("result")));

        const QJsonArray records = historyOf(id("hal"));
        const QStringList done = actions(records);
        QVERIFY(!done.isEmpty());
        QCOMPARE(done.first(), QStringLiteral("timeclock.delete"));
        // Both shifts' additions, the deleted one's too.
        const QStringList mine {entries.at(0)[QStringLiteral("id")].toString(),
            entries.at(1)[QStringLiteral("id")].toString()};
        QCOMPARE(std::count_if(records.cbegin(), records.cend(),
                     [&mine](const QJsonValue &r) {
                         return r[QStringLiteral("action")] == QStringLiteral("timeclock.add")
                             && mine.contains(r[QStringLiteral("subjectId")].toString());
                     }),
            2);
        QVERIFY(done.contains(QStringLiteral("session.login"))); // what hal did
        const QJsonObject deletion = records.at(0).toObject();
        QCOMPARE(deletion.value(QStringLiteral("actorId")).toString(), id("mgr"));
        QCOMPARE(deletion.value(QStringLiteral("actorName")).toString(), QStringLiteral("mgr"));
        QCOMPARE(deletion.value(QStringLiteral("subjectId")).toString(), gone);
        QCOMPARE(
            deletion.value(QStringLiteral("old"))[QStringLiteral("userId")].toString(), id("hal"));
        QCOMPARE(AuditRecord::fromJson(deletion).toJson(), deletion);
        // Newest first, and nothing of vic's shift.
        for (qsizetype i = 1; i < records.size(); ++i)
            QVERIFY(fromWireTime(records.at(i)[QStringLiteral("at")])
                <= fromWireTime(records.at(i - 1)[QStringLiteral("at")]));
        const QString vicsEntry = resultOf(m_manager.call(QStringLiteral("timeclock.entries"),
                                               {{QStringLiteral("userId"), id("vic")}}))
                                      .value(QStringLiteral("entries"))
                                      .toArray()
                                      .at(0)[QStringLiteral("id")]
                                      .toString();
        QVERIFY(!vicsEntry.isEmpty());
        for (const QJsonValue &r : records)
            QVERIFY(r[QStringLiteral("subjectId")].toString() != vicsEntry);

        // Page by page: what came before the newest record is the rest.
        const QJsonArray first = historyOf(id("hal"), {{QStringLiteral("limit"), 1}});
        QCOMPARE(first.size(), 1);
        QCOMPARE(first.at(0), records.at(0));
        const QJsonArray rest
            = historyOf(id("hal"), {{QStringLiteral("before"), first.at(0)[QStringLiteral("id")]}});
        QCOMPARE(rest.size(), records.size() - 1);
        QCOMPARE(rest.at(0), records.at(1));
        // A cursor naming no record of the organisation is an empty page, never the first again
        // (a client paging on would loop).
        QCOMPARE(
            historyOf(id("hal"),
                {{QStringLiteral("before"), QUuid::createUuid().toString(QUuid::WithoutBraces)}})
                .size(),
            0);

        // Managers only, of their own organisation, with sane params.
        QCOMPARE(TestClient::errorReason(m_lead.call(
                     QStringLiteral("users.history"), {{QStringLiteral("userId"), id("hal")}})),
            QStringLiteral("forbidden"));
        QCOMPARE(TestClient::errorReason(m_manager.call(
                     QStringLiteral("users.history"), {{QStringLiteral("userId"), id("gx")}})),
            QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("users.history"),
                     {{QStringLiteral("userId"), id("hal")}, {QStringLiteral("limit"), 0}})),
            QStringLiteral("invalid_params"));
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("users.history"),
                     {{QStringLiteral("userId"), id("hal")}, {QStringLiteral("before"), 5}})),
            QStringLiteral("invalid_params"));
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
        const QJsonObject deleted
            = m_admin.call(QStringLiteral("users.delete"), {{QStringLiteral("userId"), id("vic")}});
        QVERIFY2(deleted.contains(QStringLiteral("result")),
            QJsonDocument(deleted).toJson(QJsonDocument::Compact).constData());
        QVERIFY(vic.waitForDisconnect(5000));
        QCOMPARE(
            m_server->sql().exec("SELECT count(*) FROM users WHERE login = 'vic'").toInt(0, 0), 0);
        // With the shifts vic worked (the history test's): his totals went with him.
        QCOMPARE(m_server->sql()
                     .exec("SELECT count(*) FROM time_totals WHERE user_id = $1",
                         PgParams() << QUuid::fromString(id("vic")))
                     .toInt(0, 0),
            0);
        QCOMPARE(
            m_server->sql()
                .exec("SELECT old_value->>'login' FROM activities WHERE action = 'user.delete'")
                .text(0, 0),
            QStringLiteral("vic"));
    }
};

QTEST_GUILESS_MAIN(TestUsers)
#include "tst_users.moc"
