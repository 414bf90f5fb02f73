// Reports through reports.get: hours (earned with bonuses, minimum-hours filter, totals), teams,
// auto-stopped entries, rewards, attendee logs and the audit trail, as rows and as CSV that a
// spreadsheet opens safely.
#include "timeclockhelpers.h"

#include <QSignalSpy>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

namespace {

QJsonArray rowsOf(const QJsonObject &report)
{
    return report.value(QStringLiteral("rows")).toArray();
}

} // namespace

class TestReports : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    TestClient m_admin, m_manager;
    QString m_event, m_ops, m_stage;
    QHash<QString, QString> m_ids;

    QJsonObject report(const QString &type, QJsonObject params = {})
    {
        params.insert(QStringLiteral("type"), type);
        return resultOf(m_manager.call(QStringLiteral("reports.get"), params));
    }
    void shift(const QString &login, const QString &team, const QDateTime &start, int minutes)
    {
        QVERIFY(m_manager
                    .call(QStringLiteral("timeclock.addEntry"),
                        {{QStringLiteral("userId"), m_ids.value(login)},
                            {QStringLiteral("teamId"), team},
                            {QStringLiteral("start"), wireTime(start)},
                            {QStringLiteral("stop"), wireTime(start.addSecs(minutes * 60))}})
                    .contains(QStringLiteral("result")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Con")).isNull());
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Other")).isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("admin"), QStringLiteral("Con"), Role::Admin)
                     .isNull());
        QVERIFY(
            !m_server->createUser(QStringLiteral("manager"), QStringLiteral("Con"), Role::Manager)
                 .isNull());
        QVERIFY(!m_server
                     ->createUser(
                         QStringLiteral("othermanager"), QStringLiteral("Other"), Role::Manager)
                     .isNull());
        int badge = 11;
        for (const char *login : {"ann", "bob", "cyd"}) {
            m_ids.insert(QString::fromLatin1(login),
                createBadgeHolder(*m_server, QString::fromLatin1(login), QStringLiteral("Con"),
                    Role::Volunteer, QString::number(badge++))
                    .toString(QUuid::WithoutBraces));
        }
        // Names are people's own: a comma, a quote, and one a spreadsheet would run as a formula.
        m_server->sql().exec(
            "UPDATE users SET display_name = 'Ann, \"the\" Lead' WHERE login = 'ann'");
        m_server->sql().exec(
            "UPDATE users SET display_name = '=HYPERLINK(\"x\")' WHERE login = 'cyd'");
        QVERIFY(m_admin.signIn(m_server->wsUrl(), QStringLiteral("admin")));
        QVERIFY(m_manager.signIn(m_server->wsUrl(), QStringLiteral("manager")));
        m_event = createActiveEvent(m_admin, QStringLiteral("Con 2026"));
        QVERIFY(!m_event.isEmpty());
        const auto team = [this](const QString &name) {
            return resultOf(
                m_admin.call(QStringLiteral("teams.create"), {{QStringLiteral("name"), name}}))
                .value(QStringLiteral("team"))
                .toObject()
                .value(QStringLiteral("id"))
                .toString();
        };
        m_ops = team(QStringLiteral("Ops"));
        m_stage = team(QStringLiteral("Stage"));

        // Ann: 3 h on Ops with 1 h in a 2x window (4 h earned) and 1 h on Stage.
        // Bob: 30 min on Ops. Cyd: an auto-stopped shift on Stage.
        const QDateTime t0 = QDateTime::fromSecsSinceEpoch(
            QDateTime::currentSecsSinceEpoch() / 60 * 60 - 20 * 3600, Qt::UTC);
        shift(QStringLiteral("ann"), m_ops, t0, 180);
        shift(QStringLiteral("ann"), m_stage, t0.addSecs(5 * 3600), 60);
        shift(QStringLiteral("bob"), m_ops, t0, 30);
        QVERIFY(m_admin
                    .call(QStringLiteral("bonuses.create"),
                        {{QStringLiteral("start"), wireTime(t0.addSecs(3600))},
                            {QStringLiteral("end"), wireTime(t0.addSecs(7200))},
                            {QStringLiteral("multiplier"), 2},
                            {QStringLiteral("teamIds"), QJsonArray {m_ops}}})
                    .contains(QStringLiteral("result")));
        QVERIFY(m_manager
                    .call(QStringLiteral("timeclock.addEntry"),
                        {{QStringLiteral("userId"), m_ids.value(QStringLiteral("cyd"))},
                            {QStringLiteral("teamId"), m_stage},
                            {QStringLiteral("start"),
                                wireTime(QDateTime::currentDateTimeUtc().addSecs(-7200))}})
                    .contains(QStringLiteral("result")));
        QVERIFY(m_manager.call(QStringLiteral("timeclock.addEntry"), {})
                    .contains(QStringLiteral("error")));
        QSignalSpy stopped(
            &m_server->server().timeclock().dayBoundary, &DayBoundaryService::stopped);
        m_server->server().timeclock().dayBoundary.run({}, true);
        QVERIFY(stopped.wait(5000));

        const QString shirt = resultOf(m_admin.call(QStringLiteral("rewards.create"),
                                           {{QStringLiteral("name"), QStringLiteral("T-shirt")},
                                               {QStringLiteral("thresholdHours"), 2}}))
                                  .value(QStringLiteral("reward"))
                                  .toObject()
                                  .value(QStringLiteral("id"))
                                  .toString();
        QVERIFY(m_manager
                    .call(QStringLiteral("rewards.claim"),
                        {{QStringLiteral("rewardId"), shirt},
                            {QStringLiteral("userId"), m_ids.value(QStringLiteral("ann"))}})
                    .contains(QStringLiteral("result")));
        const QString log = resultOf(m_manager.call(QStringLiteral("attendeeLogs.create"),
                                         {{QStringLiteral("name"), QStringLiteral("Panel")}}))
                                .value(QStringLiteral("log"))
                                .toObject()
                                .value(QStringLiteral("id"))
                                .toString();
        QVERIFY(m_manager
                    .call(QStringLiteral("attendeeLogs.addAttendee"),
                        {{QStringLiteral("logId"), log}, {QStringLiteral("badge"), 12}})
                    .contains(QStringLiteral("result")));
    }
    void cleanupTestCase() { m_server.reset(); }

    void hoursCountEarnedTimeAndFilter()
    {
        const QJsonObject hours = report(QStringLiteral("hours"));
        QCOMPARE(hours.value(QStringLiteral("columns")).toArray().at(3).toString(),
            QStringLiteral("Hours earned"));
        const QJsonArray rows = rowsOf(hours);
        QCOMPARE(rows.size(), 3);
        // Most earned first: Ann 4 h worked, 5 h earned, on two teams.
        QCOMPARE(rows.at(0)[0].toString(), QStringLiteral("11"));
        QCOMPARE(rows.at(0)[2].toDouble(), 4.0);
        QCOMPARE(rows.at(0)[3].toDouble(), 5.0);
        QCOMPARE(rows.at(0)[4].toString(), QStringLiteral("Ops, Stage"));
        const QJsonArray totals = hours.value(QStringLiteral("totals")).toArray();
        QCOMPARE(totals.at(2).toDouble(), 4.0 + 0.5 + 1.0); // Cyd's auto-stopped shift: 1 h
        QCOMPARE(hours[QStringLiteral("event")][QStringLiteral("id")].toString(), m_event);
        // "More than 1 hour" leaves Bob out.
        QCOMPARE(
            rowsOf(report(QStringLiteral("hours"), {{QStringLiteral("minHours"), 1}})).size(), 1);
        QCOMPARE(rowsOf(report(QStringLiteral("hours"),
                            {{QStringLiteral("minHours"), QStringLiteral("0.25")}}))
                     .size(),
            3);
    }

    void onShiftHourByHour()
    {
        const QJsonObject onShift = report(QStringLiteral("onshift"));
        QCOMPARE(onShift.value(QStringLiteral("columns")).toArray().at(1).toString(),
            QStringLiteral("On shift"));
        // 3 h + 1 h (Ann), 30 min (Bob), Cyd's automatic hour; two at once at most.
        QCOMPARE(onShift.value(QStringLiteral("totals")).toArray(),
            (QJsonArray {QStringLiteral("Most at once"), 2, 5.5}));
        const QJsonArray rows = rowsOf(onShift);
        // From the hour Ann and Bob began to the hour Cyd's shift was stopped in.
        const QJsonObject cyd
            = resultOf(m_manager.call(QStringLiteral("timeclock.entries"),
                           {{QStringLiteral("userId"), m_ids.value(QStringLiteral("cyd"))}}))
                  .value(QStringLiteral("entries"))
                  .toArray()
                  .at(0)
                  .toObject();
        const auto hourOf = [](const QString &wire) {
            return QDateTime::fromString(wire, Qt::ISODateWithMs).toSecsSinceEpoch() / 3600;
        };
        const QJsonObject ann
            = resultOf(m_manager.call(QStringLiteral("timeclock.entries"),
                           {{QStringLiteral("userId"), m_ids.value(QStringLiteral("ann"))}}))
                  .value(QStringLiteral("entries"))
                  .toArray()
                  .last()
                  .toObject(); // newest first: the last is the earliest
        QCOMPARE(rows.size(),
            hourOf(cyd.value(QStringLiteral("stop")).toString())
                - hourOf(ann.value(QStringLiteral("start")).toString()) + 1);
        QCOMPARE(rows.at(0).toArray().at(1).toInt(), 2); // Ann and Bob
        QCOMPARE(rows.at(10).toArray().at(1).toInt(), 0); // between Ann's shifts and Cyd's
        QCOMPARE(rows.last().toArray().at(1).toInt(), 1); // Cyd
        // Hours on the event's clocks (Berlin), to the hour.
        QVERIFY(rows.at(0).toArray().at(0).toString().endsWith(u":00"));
        // Each row is rounded to a hundredth of an hour; together they make the 5.5 hours.
        double worked = 0;
        for (const QJsonValue &row : rows)
            worked += row.toArray().at(2).toDouble();
        QVERIFY2(
            qAbs(worked - 5.5) <= 0.005 * double(rows.size()), qPrintable(QString::number(worked)));
    }

    void csvIsSafeToOpen()
    {
        const QString csv
            = report(QStringLiteral("hours"), {{QStringLiteral("format"), QStringLiteral("csv")}})
                  .value(QStringLiteral("csv"))
                  .toString();
        const QStringList lines = csv.split(QStringLiteral("\r\n"));
        QCOMPARE(lines.first(), QStringLiteral("Badge,Name,Hours worked,Hours earned,Teams"));
        QCOMPARE(lines.size(), 1 + 3 + 1 + 1); // header, rows, totals, and the last line's end
        QVERIFY(lines.at(1).startsWith(
            QStringLiteral("11,\"Ann, \"\"the\"\" Lead\",4,5,\"Ops, Stage\"")));
        QVERIFY2(csv.contains(QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\"")), qPrintable(csv));
        QVERIFY(lines.at(4).contains(QStringLiteral("Total (3 people)")));
    }

    void teamsUnclockedRewardsAttendeesAndAudit()
    {
        const QJsonArray teams = rowsOf(report(QStringLiteral("teams")));
        QCOMPARE(teams.size(), 2);
        QCOMPARE(teams.at(0)[0].toString(), QStringLiteral("Ops"));
        QCOMPARE(teams.at(0)[1].toDouble(), 3.5);
        QCOMPARE(teams.at(0)[2].toInt(), 2); // Ann and Bob
        QCOMPARE(teams.at(0)[3].toInt(), 2);
        QCOMPARE(
            report(QStringLiteral("teams")).value(QStringLiteral("totals")).toArray().at(2).toInt(),
            3);

        const QJsonArray unclocked = rowsOf(report(QStringLiteral("unclocked")));
        QCOMPARE(unclocked.size(), 1);
        QCOMPARE(unclocked.at(0)[0].toString(), QStringLiteral("13"));
        QCOMPARE(unclocked.at(0)[2].toString(), QStringLiteral("Stage"));

        const QJsonArray rewards = rowsOf(report(QStringLiteral("rewards")));
        QCOMPARE(rewards.size(), 1); // only Ann has more than 2 h
        QCOMPARE(rewards.at(0)[5].toString(), QStringLiteral("yes"));
        QCOMPARE(rewards.at(0)[7].toString(), QStringLiteral("manager"));

        const QJsonArray attendees = rowsOf(report(QStringLiteral("attendees")));
        QCOMPARE(attendees.size(), 1);
        QCOMPARE(attendees.at(0)[1].toString(), QStringLiteral("12"));

        const QJsonObject audit = report(QStringLiteral("audit"));
        QVERIFY(rowsOf(audit).size() >= 8);
        bool sawEdit = false;
        for (const QJsonValue &row : rowsOf(audit))
            sawEdit |= row[2].toString() == QLatin1String("bonus.create")
                && row[1].toString() == QLatin1String("admin");
        QVERIFY(sawEdit);
        const QString later = wireTime(QDateTime::currentDateTimeUtc().addSecs(3600));
        QCOMPARE(
            rowsOf(report(QStringLiteral("audit"), {{QStringLiteral("from"), later}})).size(), 0);
    }

    void badRequestsAndOtherOrganisations()
    {
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("reports.get"),
                     {{QStringLiteral("type"), QStringLiteral("salaries")}})),
            QStringLiteral("invalid_params"));
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("reports.get"),
                     {{QStringLiteral("type"), QStringLiteral("hours")},
                         {QStringLiteral("format"), QStringLiteral("pdf")}})),
            QStringLiteral("invalid_params"));
        TestClient other;
        QVERIFY(other.signIn(m_server->wsUrl(), QStringLiteral("othermanager")));
        QCOMPARE(TestClient::errorReason(other.call(QStringLiteral("reports.get"),
                     {{QStringLiteral("type"), QStringLiteral("hours")},
                         {QStringLiteral("eventId"), m_event}})),
            QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorReason(other.call(QStringLiteral("reports.get"),
                     {{QStringLiteral("type"), QStringLiteral("hours")}})),
            QStringLiteral("not_found")); // no active event of their own
    }
};

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
