// Forgotten clock-outs put right, through the protocol against PostgreSQL: the day boundary stops
// a forgotten shift at start + 1 h; its owner says when they really stopped; a manager (never the
// owner) approves, and the entry, totals and audit follow, or refuses with a reason. Hostile
// params, other people's shifts, another organisation's ids and two managers deciding the same
// request at once each get a stable error and change nothing.
#include "timeclock/dayboundaryservice.h"
#include "timeclockhelpers.h"

#include <QSignalSpy>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

namespace {

QString id(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

} // namespace

class TestCorrections : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    TestClient m_admin, m_manager, m_otherManager, m_otherOrg;
    QUuid m_org;
    QString m_team;
    QHash<QString, QUuid> m_people;

    // A shift of `login` started `hoursAgo` and never ended, which the day boundary then stops.
    QJsonObject forgottenShift(const QString &login, double hoursAgo)
    {
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(qint64(-hoursAgo * 3600));
        const QJsonObject added = resultOf(m_manager.call(QStringLiteral("timeclock.addEntry"),
            {{QStringLiteral("userId"), id(m_people.value(login))},
                {QStringLiteral("teamId"), m_team}, {QStringLiteral("start"), wireTime(start)}}));
        const QString entryId = added[QStringLiteral("entry")][QStringLiteral("id")].toString();
        if (entryId.isEmpty())
            return {};
        DayBoundaryService &boundary = m_server->server().timeclock().dayBoundary;
        QSignalSpy stopped(&boundary, &DayBoundaryService::stopped);
        boundary.run(m_org, true);
        if (!stopped.wait(5000))
            return {};
        return entryOf(login, entryId);
    }
    QJsonObject entryOf(const QString &login, const QString &entryId)
    {
        const QJsonArray entries
            = resultOf(m_manager.call(QStringLiteral("timeclock.entries"),
                           {{QStringLiteral("userId"), id(m_people.value(login))}}))
                  .value(QStringLiteral("entries"))
                  .toArray();
        for (const QJsonValue &e : entries) {
            if (e[QStringLiteral("id")].toString() == entryId)
                return e.toObject();
        }
        return {};
    }
    static QJsonObject request(TestClient &client, const QJsonObject &entry, const QDateTime &stop,
        const QString &note = {})
    {
        return client.call(QStringLiteral("corrections.request"),
            {{QStringLiteral("entryId"), entry.value(QStringLiteral("id"))},
                {QStringLiteral("stop"), wireTime(stop)}, {QStringLiteral("note"), note}});
    }
    static QDateTime startOf(const QJsonObject &entry)
    {
        return QDateTime::fromString(
            entry.value(QStringLiteral("start")).toString(), Qt::ISODateWithMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        m_org = m_server->createOrganisation(QStringLiteral("Con"));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Other")).isNull());
        const auto person = [this](const QString &login, Role role, const QString &badge) {
            m_people.insert(
                login, createBadgeHolder(*m_server, login, QStringLiteral("Con"), role, badge));
        };
        person(QStringLiteral("admin"), Role::Admin, {});
        person(QStringLiteral("manager"), Role::Manager, QStringLiteral("100"));
        person(QStringLiteral("mona"), Role::Manager, QStringLiteral("101"));
        for (const char *login : {"vera", "victor", "wendy", "xena", "yuri"})
            person(QString::fromLatin1(login), Role::Volunteer,
                QString::number(300 + m_people.size()));
        QVERIFY(
            !m_server->createUser(
                         QStringLiteral("otheradmin"), QStringLiteral("Other"), Role::Admin)
                 .isNull());
        QVERIFY(m_admin.signIn(m_server->wsUrl(), QStringLiteral("admin")));
        QVERIFY(m_manager.signIn(m_server->wsUrl(), QStringLiteral("manager")));
        QVERIFY(m_otherManager.signIn(m_server->wsUrl(), QStringLiteral("mona")));
        QVERIFY(m_otherOrg.signIn(m_server->wsUrl(), QStringLiteral("otheradmin")));
        m_team = resultOf(m_admin.call(QStringLiteral("teams.create"),
                              {{QStringLiteral("name"), QStringLiteral("Ops")}}))
                     .value(QStringLiteral("team"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString();
        QVERIFY(!m_team.isEmpty());
        const QString event
            = createActiveEvent(m_admin, QStringLiteral("Con 2026"), QStringLiteral("UTC"));
        QVERIFY(!event.isEmpty());
        // Started three days ago, so that a shift can be forgotten for more than a day.
        QVERIFY(resultOf(m_admin.call(QStringLiteral("events.update"),
                             {{QStringLiteral("eventId"), event},
                                 {QStringLiteral("start"),
                                     wireTime(QDateTime::currentDateTimeUtc().addDays(-3))}}))
                    .contains(QStringLiteral("event")));
        QVERIFY(!createActiveEvent(m_otherOrg, QStringLiteral("Other 2026")).isEmpty());
    }
    void cleanupTestCase() { m_server.reset(); }

    void theNoticeAsksAndTheAnswerWaitsForAManager()
    {
        TestClient vera;
        QVERIFY(vera.signIn(m_server->wsUrl(), QStringLiteral("vera")));
        const QJsonObject entry = forgottenShift(QStringLiteral("vera"), 5);
        QVERIFY(entry.value(QStringLiteral("autoStopped")).toBool());
        QCOMPARE(entry.value(QStringLiteral("workedSeconds")).toInt(), 3600);
        const QJsonObject notice = vera.waitForPush(QStringLiteral("notifications.added"),
            {{QStringLiteral("kind"), QStringLiteral("auto_stop")}});
        QVERIFY(notice.value(QStringLiteral("body")).toString().contains(u"really stopped"));
        QVERIFY(notice.value(QStringLiteral("requiresAck")).toBool());

        const QDateTime start = startOf(entry);
        const QDateTime really = start.addSecs(4 * 3600 + 30 * 60);
        m_manager.clearPushes();
        const QJsonObject asked
            = resultOf(request(vera, entry, really, QStringLiteral("Bar shift")));
        const QJsonObject correction = asked.value(QStringLiteral("correction")).toObject();
        QCOMPARE(correction.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(correction.value(QStringLiteral("userName")).toString(), QStringLiteral("vera"));
        QCOMPARE(correction.value(QStringLiteral("teamName")).toString(), QStringLiteral("Ops"));
        QCOMPARE(correction.value(QStringLiteral("autoStop")), entry.value(QStringLiteral("stop")));
        QCOMPARE(correction.value(QStringLiteral("requestedStop")).toString(), wireTime(really));
        QCOMPARE(correction.value(QStringLiteral("note")).toString(), QStringLiteral("Bar shift"));
        // Answering the question acknowledges the notice.
        const QJsonArray acknowledged = asked.value(QStringLiteral("acknowledged")).toArray();
        QCOMPARE(acknowledged.size(), 1);
        QCOMPARE(acknowledged.at(0)[QStringLiteral("id")], notice.value(QStringLiteral("id")));
        QVERIFY(acknowledged.at(0)[QStringLiteral("acknowledged")].toBool());
        QCOMPARE(resultOf(vera.call(QStringLiteral("notifications.list"),
                              {{QStringLiteral("unreadOnly"), true}}))
                     .value(QStringLiteral("notifications"))
                     .toArray()
                     .size(),
            0);
        // Managers see it come in.
        const QJsonObject pushed = m_manager.waitForPush(QStringLiteral("corrections.changed"), {});
        QCOMPARE(pushed[QStringLiteral("correction")][QStringLiteral("id")],
            correction.value(QStringLiteral("id")));
        QCOMPARE(m_server->auditCount(QStringLiteral("correction.request")), 1);
        // Once per shift.
        QCOMPARE(TestClient::errorReason(request(vera, entry, really.addSecs(-600))),
            QStringLiteral("already_requested"));
        // Nothing changed yet.
        QCOMPARE(entryOf(QStringLiteral("vera"), entry.value(QStringLiteral("id")).toString())
                     .value(QStringLiteral("workedSeconds"))
                     .toInt(),
            3600);
    }

    void aRequestMustMakeSense_data()
    {
        QTest::addColumn<int>("stopAfterStartMinutes"); // from the shift's start
        QTest::addColumn<QString>("reason");
        QTest::newRow("before the start") << -10 << QStringLiteral("invalid_params");
        QTest::newRow("at the start") << 0 << QStringLiteral("invalid_params");
        QTest::newRow("in the future") << 10 * 60 << QStringLiteral("invalid_params");
    }
    void aRequestMustMakeSense()
    {
        QFETCH(int, stopAfterStartMinutes);
        QFETCH(QString, reason);
        TestClient victor;
        QVERIFY(victor.signIn(m_server->wsUrl(), QStringLiteral("victor")));
        QJsonObject entry;
        const QJsonArray entries = resultOf(victor.call(QStringLiteral("timeclock.entries")))
                                       .value(QStringLiteral("entries"))
                                       .toArray();
        entry = entries.isEmpty() ? forgottenShift(QStringLiteral("victor"), 3)
                                  : entries.at(0).toObject();
        QVERIFY(!entry.isEmpty());
        QCOMPARE(TestClient::errorReason(
                     request(victor, entry, startOf(entry).addSecs(stopAfterStartMinutes * 60))),
            reason);
    }

    void hostileParamsAndOtherPeoplesShifts()
    {
        TestClient victor, wendy;
        QVERIFY(victor.signIn(m_server->wsUrl(), QStringLiteral("victor")));
        QVERIFY(wendy.signIn(m_server->wsUrl(), QStringLiteral("wendy")));
        const QJsonObject entry = resultOf(victor.call(QStringLiteral("timeclock.entries")))
                                      .value(QStringLiteral("entries"))
                                      .toArray()
                                      .at(0)
                                      .toObject();
        QVERIFY(entry.value(QStringLiteral("autoStopped")).toBool());
        const QDateTime fine = startOf(entry).addSecs(2 * 3600);
        const QJsonValue entryId = entry.value(QStringLiteral("id"));
        const auto reasonOf = [](TestClient &c, const QJsonObject &params) {
            return TestClient::errorReason(c.call(QStringLiteral("corrections.request"), params));
        };
        const QString invalid = QStringLiteral("invalid_params");
        QCOMPARE(reasonOf(victor, {{QStringLiteral("entryId"), entryId}}), invalid);
        QCOMPARE(reasonOf(victor,
                     {{QStringLiteral("entryId"), 42}, {QStringLiteral("stop"), wireTime(fine)}}),
            invalid);
        QCOMPARE(reasonOf(victor,
                     {{QStringLiteral("entryId"), entryId},
                         {QStringLiteral("stop"), QStringLiteral("yesterday")}}),
            invalid);
        QCOMPARE(
            reasonOf(victor,
                {{QStringLiteral("entryId"), entryId}, {QStringLiteral("stop"), wireTime(fine)},
                    {QStringLiteral("note"), QString(501, u'x')}}),
            invalid);
        // More than a day is not a forgotten clock-out but a mistake.
        const QJsonObject longAgo = forgottenShift(QStringLiteral("xena"), 30);
        TestClient xena;
        QVERIFY(xena.signIn(m_server->wsUrl(), QStringLiteral("xena")));
        QCOMPARE(
            TestClient::errorReason(request(xena, longAgo, startOf(longAgo).addSecs(25 * 3600))),
            invalid);
        // Not one's own, or another organisation's: not found, and nothing learnt.
        QCOMPARE(TestClient::errorReason(request(wendy, entry, fine)), QStringLiteral("not_found"));
        QCOMPARE(
            TestClient::errorReason(request(m_otherOrg, entry, fine)), QStringLiteral("not_found"));
        // A shift that ended normally has nothing to correct this way.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QJsonObject normal
            = resultOf(m_manager.call(QStringLiteral("timeclock.addEntry"),
                           {{QStringLiteral("userId"), id(m_people.value(QStringLiteral("wendy")))},
                               {QStringLiteral("teamId"), m_team},
                               {QStringLiteral("start"), wireTime(now.addSecs(-7200))},
                               {QStringLiteral("stop"), wireTime(now.addSecs(-3600))}}))
                  .value(QStringLiteral("entry"))
                  .toObject();
        QCOMPARE(TestClient::errorReason(request(wendy, normal, now.addSecs(-600))),
            QStringLiteral("not_auto_stopped"));
        QCOMPARE(m_server->auditCount(QStringLiteral("correction.request")), 1);
    }

    void everyoneSeesTheirOwnManagersSeeAll()
    {
        TestClient vera, wendy;
        QVERIFY(vera.signIn(m_server->wsUrl(), QStringLiteral("vera")));
        QVERIFY(wendy.signIn(m_server->wsUrl(), QStringLiteral("wendy")));
        const auto listed = [](TestClient &c, const QJsonObject &params = {}) {
            return resultOf(c.call(QStringLiteral("corrections.list"), params))
                .value(QStringLiteral("corrections"))
                .toArray();
        };
        QCOMPARE(listed(vera).size(), 1);
        QCOMPARE(listed(wendy).size(), 0);
        QCOMPARE(TestClient::errorReason(wendy.call(QStringLiteral("corrections.list"),
                     {{QStringLiteral("userId"), id(m_people.value(QStringLiteral("vera")))}})),
            QStringLiteral("forbidden"));
        QCOMPARE(listed(m_manager).size(), 1);
        QCOMPARE(
            listed(m_manager, {{QStringLiteral("status"), QStringLiteral("refused")}}).size(), 0);
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("corrections.list"),
                     {{QStringLiteral("status"), QStringLiteral("maybe")}})),
            QStringLiteral("invalid_params"));
        QCOMPARE(listed(m_otherOrg).size(), 0);
        // A volunteer cannot decide, and a refusal needs a reason.
        const QJsonValue correctionId = listed(m_manager).at(0)[QStringLiteral("id")];
        QCOMPARE(TestClient::errorReason(vera.call(QStringLiteral("corrections.approve"),
                     {{QStringLiteral("correctionId"), correctionId}})),
            QStringLiteral("forbidden"));
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("corrections.refuse"),
                     {{QStringLiteral("correctionId"), correctionId},
                         {QStringLiteral("reason"), QStringLiteral("  ")}})),
            QStringLiteral("invalid_params"));
        QCOMPARE(TestClient::errorReason(m_otherOrg.call(QStringLiteral("corrections.approve"),
                     {{QStringLiteral("correctionId"), correctionId}})),
            QStringLiteral("not_found"));
    }

    void approvingMovesTheStopAndTheTotalsFollow()
    {
        TestClient vera;
        QVERIFY(vera.signIn(m_server->wsUrl(), QStringLiteral("vera")));
        const QJsonObject pending = resultOf(vera.call(QStringLiteral("corrections.list")))
                                        .value(QStringLiteral("corrections"))
                                        .toArray()
                                        .at(0)
                                        .toObject();
        const QJsonValue correctionId = pending.value(QStringLiteral("id"));
        const int audited = m_server->auditCount(QStringLiteral("timeclock.update"));

        // Two managers press Approve at the same moment, many times over: it is decided once.
        for (int i = 0; i < 25; ++i) {
            m_manager.post(QStringLiteral("corrections.approve"),
                {{QStringLiteral("correctionId"), correctionId}});
            m_otherManager.post(QStringLiteral("corrections.approve"),
                {{QStringLiteral("correctionId"), correctionId},
                    {QStringLiteral("reason"), QStringLiteral("Seen at the bar")}});
        }
        QList<QJsonObject> replies = m_manager.waitForReplies(25);
        replies += m_otherManager.waitForReplies(25);
        QCOMPARE(replies.size(), 50);
        int approved = 0;
        QJsonObject answer;
        for (const QJsonObject &reply : std::as_const(replies)) {
            if (reply.contains(QStringLiteral("result"))) {
                ++approved;
                answer = resultOf(reply);
            } else {
                QCOMPARE(TestClient::errorReason(reply), QStringLiteral("already_decided"));
            }
        }
        QCOMPARE(approved, 1);
        QCOMPARE(m_server->auditCount(QStringLiteral("timeclock.update")), audited + 1);
        QCOMPARE(m_server->auditCount(QStringLiteral("correction.approve")), 1);

        const QJsonObject correction = answer.value(QStringLiteral("correction")).toObject();
        QCOMPARE(correction.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
        QVERIFY(!correction.value(QStringLiteral("decidedBy")).toString().isEmpty());
        const QJsonObject entry = answer.value(QStringLiteral("entry")).toObject();
        QCOMPARE(
            entry.value(QStringLiteral("stop")), pending.value(QStringLiteral("requestedStop")));
        QCOMPARE(entry.value(QStringLiteral("workedSeconds")).toInt(), 4 * 3600 + 30 * 60);
        // The person hears of it, with their totals.
        const QJsonObject totals
            = vera.waitForPush(QStringLiteral("timeclock.ownTotalsChanged"), {});
        QCOMPARE(totals.value(QStringLiteral("workedSeconds")).toInt(), 4 * 3600 + 30 * 60);
        const QJsonObject notice = vera.waitForPush(QStringLiteral("notifications.added"),
            {{QStringLiteral("kind"), QStringLiteral("correction")}});
        QCOMPARE(notice.value(QStringLiteral("title")).toString(),
            QStringLiteral("Your shift was corrected"));
        QVERIFY(
            notice.value(QStringLiteral("body"))
                .toString()
                .contains(QDateTime::fromString(
                    pending.value(QStringLiteral("requestedStop")).toString(), Qt::ISODateWithMs)
                              .toUTC()
                              .toString(QStringLiteral("HH:mm"))));
        QCOMPARE(vera.waitForPush(QStringLiteral("corrections.changed"), {})
                     .value(QStringLiteral("correction"))[QStringLiteral("status")]
                     .toString(),
            QStringLiteral("approved"));
        // The audit keeps old → new and why.
        const PgResult audit = m_server->sql().exec(
            "SELECT old_value->>'stop', new_value->>'stop', new_value->>'reason' FROM activities"
            " WHERE action = 'timeclock.update' ORDER BY created_at DESC LIMIT 1");
        QCOMPARE(audit.text(0, 0), pending.value(QStringLiteral("autoStop")).toString());
        QVERIFY(audit.text(0, 2).startsWith(u"Correction asked for by the volunteer"));
    }

    void refusingKeepsTheShiftAndSaysWhy()
    {
        TestClient victor;
        QVERIFY(victor.signIn(m_server->wsUrl(), QStringLiteral("victor")));
        const QJsonObject entry = resultOf(victor.call(QStringLiteral("timeclock.entries")))
                                      .value(QStringLiteral("entries"))
                                      .toArray()
                                      .at(0)
                                      .toObject();
        const QJsonObject correction
            = resultOf(request(victor, entry, startOf(entry).addSecs(2 * 3600 + 50 * 60)))
                  .value(QStringLiteral("correction"))
                  .toObject();
        QVERIFY(!correction.isEmpty());
        const QJsonObject refused = resultOf(m_manager.call(QStringLiteral("corrections.refuse"),
            {{QStringLiteral("correctionId"), correction.value(QStringLiteral("id"))},
                {QStringLiteral("reason"), QStringLiteral("The bar closed at 20:00.")}}));
        QCOMPARE(refused[QStringLiteral("correction")][QStringLiteral("status")].toString(),
            QStringLiteral("refused"));
        QVERIFY(!refused.contains(QStringLiteral("entry")));
        QCOMPARE(entryOf(QStringLiteral("victor"), entry.value(QStringLiteral("id")).toString())
                     .value(QStringLiteral("workedSeconds"))
                     .toInt(),
            3600);
        const QJsonObject notice = victor.waitForPush(QStringLiteral("notifications.added"),
            {{QStringLiteral("kind"), QStringLiteral("correction")}});
        QCOMPARE(notice.value(QStringLiteral("title")).toString(),
            QStringLiteral("Your correction was refused"));
        QVERIFY(notice.value(QStringLiteral("body")).toString().contains(u"The bar closed"));
        QCOMPARE(m_server->auditCount(QStringLiteral("correction.refuse")), 1);
    }

    void aManagerNeverDecidesTheirOwn()
    {
        const QJsonObject entry = forgottenShift(QStringLiteral("manager"), 3);
        const QJsonObject correction
            = resultOf(request(m_manager, entry, startOf(entry).addSecs(2 * 3600)))
                  .value(QStringLiteral("correction"))
                  .toObject();
        const QJsonObject params {
            {QStringLiteral("correctionId"), correction.value(QStringLiteral("id"))}};
        QCOMPARE(
            TestClient::errorReason(m_manager.call(QStringLiteral("corrections.approve"), params)),
            QStringLiteral("forbidden"));
        QVERIFY(resultOf(m_otherManager.call(QStringLiteral("corrections.approve"), params))
                    .contains(QStringLiteral("entry")));
    }

    void anApprovalThatWouldOverlapIsRefusedAndStaysPending()
    {
        TestClient yuri;
        QVERIFY(yuri.signIn(m_server->wsUrl(), QStringLiteral("yuri")));
        const QJsonObject entry = forgottenShift(QStringLiteral("yuri"), 6);
        const QDateTime start = startOf(entry);
        // He clocked in again later that evening (added by a manager here).
        QVERIFY(
            resultOf(m_manager.call(QStringLiteral("timeclock.addEntry"),
                         {{QStringLiteral("userId"), id(m_people.value(QStringLiteral("yuri")))},
                             {QStringLiteral("teamId"), m_team},
                             {QStringLiteral("start"), wireTime(start.addSecs(3 * 3600))},
                             {QStringLiteral("stop"), wireTime(start.addSecs(4 * 3600))}}))
                .contains(QStringLiteral("entry")));
        const QJsonObject correction = resultOf(request(yuri, entry, start.addSecs(5 * 3600)))
                                           .value(QStringLiteral("correction"))
                                           .toObject();
        const QJsonObject params {
            {QStringLiteral("correctionId"), correction.value(QStringLiteral("id"))}};
        QCOMPARE(
            TestClient::errorReason(m_manager.call(QStringLiteral("corrections.approve"), params)),
            QStringLiteral("overlap"));
        const QJsonArray mine
            = resultOf(yuri.call(QStringLiteral("corrections.list"),
                           {{QStringLiteral("status"), QStringLiteral("pending")}}))
                  .value(QStringLiteral("corrections"))
                  .toArray();
        QCOMPARE(mine.size(), 1);
        QCOMPARE(entryOf(QStringLiteral("yuri"), entry.value(QStringLiteral("id")).toString())
                     .value(QStringLiteral("workedSeconds"))
                     .toInt(),
            3600);
    }
};

QTEST_GUILESS_MAIN(TestCorrections)
#include "tst_corrections.moc"
