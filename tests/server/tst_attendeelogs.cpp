// Attendee logs through the protocol: managers create them and name gatekeepers; gatekeepers of
// any role log attendees by badge while the event is active; unknown badges become placeholders
// with no personal data, who later become volunteers without losing their attendance.
#include "timeclockhelpers.h"

#include <QTest>

using namespace Muster;
using namespace Muster::Test;

class TestAttendeeLogs : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    TestClient m_admin, m_manager, m_gail, m_other, m_otherManager;
    QString m_event, m_log;
    QUuid m_gailId;

    QJsonObject add(TestClient &client, const QJsonValue &badge)
    {
        return client.call(QStringLiteral("attendeeLogs.addAttendee"),
            {{QStringLiteral("logId"), m_log}, {QStringLiteral("badge"), badge}});
    }
    // Whether `client` was told of this test's log in a state `holds` accepts (pushes travel
    // through the database, so an earlier change's may come after a later one's reply).
    bool logPushed(const TestClient &client, const std::function<bool(const QJsonObject &)> &holds)
    {
        for (const QJsonObject &push : client.pushes()) {
            const QJsonObject log
                = push[QStringLiteral("params")][QStringLiteral("log")].toObject();
            if (push.value(QStringLiteral("method")).toString()
                    == QLatin1String("attendeeLogs.changed")
                && log.value(QStringLiteral("id")).toString() == m_log && holds(log))
                return true;
        }
        return false;
    }
    bool countPushed(const TestClient &client, int count)
    {
        return logPushed(client, [count](const QJsonObject &log) {
            return log.value(QStringLiteral("attendees")).toInt(-1) == count;
        });
    }
    bool keepersPushed(const TestClient &client, int keepers)
    {
        return logPushed(client, [keepers](const QJsonObject &log) {
            return log.value(QStringLiteral("gatekeepers")).toArray().size() == keepers;
        });
    }
    int logsSeenBy(TestClient &client)
    {
        return int(resultOf(client.call(QStringLiteral("attendeeLogs.list")))
                       .value(QStringLiteral("logs"))
                       .toArray()
                       .size());
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
        // Gatekeepers may hold any role: here an attendee.
        m_gailId = createBadgeHolder(*m_server, QStringLiteral("gail"), QStringLiteral("Con"),
            Role::Attendee, QStringLiteral("401"));
        QVERIFY(!createBadgeHolder(*m_server, QStringLiteral("olga"), QStringLiteral("Con"),
            Role::Volunteer, QStringLiteral("402"))
                     .isNull());
        QVERIFY(!m_server
                     ->createUser(
                         QStringLiteral("othermanager"), QStringLiteral("Other"), Role::Manager)
                     .isNull());
        QVERIFY(m_admin.signIn(m_server->wsUrl(), QStringLiteral("admin")));
        QVERIFY(m_manager.signIn(m_server->wsUrl(), QStringLiteral("manager")));
        QVERIFY(m_gail.signIn(m_server->wsUrl(), QStringLiteral("gail")));
        QVERIFY(m_other.signIn(m_server->wsUrl(), QStringLiteral("olga")));
        QVERIFY(m_otherManager.signIn(m_server->wsUrl(), QStringLiteral("othermanager")));
        m_event = createActiveEvent(m_admin, QStringLiteral("Con 2026"));
        QVERIFY(!m_event.isEmpty());
    }
    void cleanupTestCase() { m_server.reset(); }

    void managersCreateLogsAndNameGatekeepers()
    {
        const QJsonObject log
            = resultOf(m_manager.call(QStringLiteral("attendeeLogs.create"),
                           {{QStringLiteral("name"), QStringLiteral("Panel: Costume 101")}}))
                  .value(QStringLiteral("log"))
                  .toObject();
        m_log = log.value(QStringLiteral("id")).toString();
        QVERIFY(!m_log.isEmpty());
        QCOMPARE(log.value(QStringLiteral("eventId")).toString(), m_event);
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("attendeeLogs.create"),
                     {{QStringLiteral("name"), QStringLiteral("panel: costume 101")}})),
            QStringLiteral("conflict"));
        QCOMPARE(logsSeenBy(m_gail), 0);
        const QJsonObject withGail
            = resultOf(m_manager.call(QStringLiteral("attendeeLogs.addGatekeeper"),
                {{QStringLiteral("logId"), m_log},
                    {QStringLiteral("userId"), m_gailId.toString(QUuid::WithoutBraces)}}));
        QCOMPARE(withGail[QStringLiteral("log")][QStringLiteral("gatekeepers")]
                     .toArray()
                     .at(0)[QStringLiteral("displayName")]
                     .toString(),
            QStringLiteral("gail"));
        QCOMPARE(logsSeenBy(m_gail), 1);
        QCOMPARE(logsSeenBy(m_other), 0);
        QCOMPARE(logsSeenBy(m_otherManager), 0);

        // Someone of another organisation, or a log that does not exist, is not_found.
        const QString stranger
            = m_server->sql().exec("SELECT id FROM users WHERE login = 'othermanager'").text(0, 0);
        for (const QString &method : {QStringLiteral("attendeeLogs.addGatekeeper"),
                 QStringLiteral("attendeeLogs.removeGatekeeper")}) {
            QCOMPARE(TestClient::errorReason(m_manager.call(method,
                         {{QStringLiteral("logId"), m_log}, {QStringLiteral("userId"), stranger}})),
                QStringLiteral("not_found"));
            QCOMPARE(
                TestClient::errorReason(m_manager.call(method,
                    {{QStringLiteral("logId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                        {QStringLiteral("userId"), m_gailId.toString(QUuid::WithoutBraces)}})),
                QStringLiteral("not_found"));
        }
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("reports.get"),
                     {{QStringLiteral("type"), QStringLiteral("attendees")},
                         {QStringLiteral("logId"),
                             QUuid::createUuid().toString(QUuid::WithoutBraces)}})),
            QStringLiteral("not_found"));
    }

    void gatekeepersLogAttendeesByBadge()
    {
        // An unknown badge: a placeholder with nothing personal about them.
        const QJsonObject placeholder = resultOf(add(m_gail, QStringLiteral("00555")))
                                            .value(QStringLiteral("attendee"))
                                            .toObject();
        QVERIFY(placeholder.value(QStringLiteral("placeholder")).toBool());
        QCOMPARE(placeholder.value(QStringLiteral("badge")).toString(), QStringLiteral("555"));
        QCOMPARE(placeholder.value(QStringLiteral("displayName")).toString(),
            QStringLiteral("Badge 555"));
        const PgResult row = m_server->sql().exec(
            "SELECT role, email, password_hash, is_placeholder FROM users WHERE badge = '555'");
        QCOMPARE(row.text(0, 0), QStringLiteral("attendee"));
        QCOMPARE(row.text(0, 1), QString());
        QCOMPARE(row.text(0, 2), QString());
        QVERIFY(row.toBool(0, 3));
        QVERIFY(QDateTime::fromString(
                    placeholder.value(QStringLiteral("arrivedAt")).toString(), Qt::ISODateWithMs)
                    .secsTo(QDateTime::currentDateTimeUtc())
            < 60);

        QCOMPARE(TestClient::errorReason(add(m_gail, 555)), QStringLiteral("already_logged"));
        QCOMPARE(TestClient::errorReason(add(m_gail, QStringLiteral("12a"))),
            QStringLiteral("invalid_params"));
        QCOMPARE(TestClient::errorReason(add(m_gail, QStringLiteral("123456789"))),
            QStringLiteral("invalid_params"));
        const QJsonObject olga = resultOf(add(m_manager, QStringLiteral("402")))
                                     .value(QStringLiteral("attendee"))
                                     .toObject();
        QCOMPARE(olga.value(QStringLiteral("displayName")).toString(), QStringLiteral("olga"));
        QVERIFY(!olga.value(QStringLiteral("placeholder")).toBool());

        // Someone who is not a gatekeeper of it, or of another organisation, cannot see it.
        QCOMPARE(TestClient::errorReason(add(m_other, QStringLiteral("777"))),
            QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorReason(m_other.call(
                     QStringLiteral("attendeeLogs.attendees"), {{QStringLiteral("logId"), m_log}})),
            QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorReason(add(m_otherManager, QStringLiteral("777"))),
            QStringLiteral("not_found"));
        const QJsonArray attendees = resultOf(m_gail.call(QStringLiteral("attendeeLogs.attendees"),
                                                  {{QStringLiteral("logId"), m_log}}))
                                         .value(QStringLiteral("attendees"))
                                         .toArray();
        // In order of arrival, each as the gatekeeper was answered when logging them.
        QCOMPARE(attendees, (QJsonArray {placeholder, olga}));
        QVERIFY(m_gail
                    .call(QStringLiteral("attendeeLogs.removeAttendee"),
                        {{QStringLiteral("logId"), m_log},
                            {QStringLiteral("userId"), olga.value(QStringLiteral("userId"))}})
                    .contains(QStringLiteral("result")));
        QCOMPARE(TestClient::errorReason(m_gail.call(QStringLiteral("attendeeLogs.removeAttendee"),
                     {{QStringLiteral("logId"), m_log},
                         {QStringLiteral("userId"), olga.value(QStringLiteral("userId"))}})),
            QStringLiteral("not_found"));
        QCOMPARE(m_server->auditCount(QStringLiteral("attendee.%")), 3);
    }

    void theDoorAndTheOfficeCountTogether()
    {
        for (TestClient *c : {&m_manager, &m_gail, &m_other, &m_otherManager})
            c->clearPushes();
        QVERIFY(resultOf(add(m_gail, QStringLiteral("402"))).contains(QStringLiteral("attendee")));
        // The manager and the gatekeeper hear of it with the new count (an earlier change's push
        // may come first: pushes travel through the database).
        QTRY_VERIFY(countPushed(m_manager, 2));
        QTRY_VERIFY(countPushed(m_gail, 2));
        // Nobody else does: not a volunteer who keeps no log, not another organisation.
        QVERIFY(m_other.noPush(QStringLiteral("attendeeLogs.changed"), {}, 300));
        QVERIFY(m_otherManager.noPush(QStringLiteral("attendeeLogs.changed"), {}, 0));

        // A gatekeeper taken off hears it too (the log leaves their screen), then is put back.
        const QJsonObject params {{QStringLiteral("logId"), m_log},
            {QStringLiteral("userId"), m_gailId.toString(QUuid::WithoutBraces)}};
        QVERIFY(m_manager.call(QStringLiteral("attendeeLogs.removeGatekeeper"), params)
                    .contains(QStringLiteral("result")));
        QTRY_VERIFY(keepersPushed(m_gail, 0));
        m_gail.clearPushes(); // what came before the removal came before its push
        QVERIFY(m_manager.call(QStringLiteral("attendeeLogs.addGatekeeper"), params)
                    .contains(QStringLiteral("result")));
        QTRY_VERIFY(keepersPushed(m_gail, 1));
        // Olga leaves again, as before this test.
        const QString olga
            = m_server->sql().exec("SELECT id FROM users WHERE login = 'olga'").text(0, 0);
        QVERIFY(m_gail
                    .call(QStringLiteral("attendeeLogs.removeAttendee"),
                        {{QStringLiteral("logId"), m_log}, {QStringLiteral("userId"), olga}})
                    .contains(QStringLiteral("result")));
        // (Pushes of the gatekeeper changes may still be arriving: look for this one.)
        QTRY_VERIFY(countPushed(m_manager, 1));
    }

    void placeholdersBecomeVolunteers()
    {
        const QJsonObject created = resultOf(m_manager.call(QStringLiteral("users.create"),
            {{QStringLiteral("badge"), QStringLiteral("555")},
                {QStringLiteral("displayName"), QStringLiteral("Pat Doe")}}));
        const QJsonObject user = created.value(QStringLiteral("user")).toObject();
        QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("volunteer"));
        QCOMPARE(user.value(QStringLiteral("displayName")).toString(), QStringLiteral("Pat Doe"));
        const QString password = created.value(QStringLiteral("initialPassword")).toString();
        QVERIFY(password.size() >= 12);
        // The same person: still in the log, and now able to sign in.
        const QJsonArray attendees = resultOf(m_gail.call(QStringLiteral("attendeeLogs.attendees"),
                                                  {{QStringLiteral("logId"), m_log}}))
                                         .value(QStringLiteral("attendees"))
                                         .toArray();
        QCOMPARE(attendees.size(), 1);
        QCOMPARE(attendees.at(0)[QStringLiteral("userId")], user.value(QStringLiteral("userId")));
        QVERIFY(!attendees.at(0)[QStringLiteral("placeholder")].toBool());
        TestClient pat;
        QVERIFY(pat.open(m_server->wsUrl()));
        QVERIFY(pat.login(user.value(QStringLiteral("login")).toString(), password)
                    .contains(QStringLiteral("result")));
        // A badge that already belongs to someone is a conflict.
        QCOMPARE(TestClient::errorReason(m_manager.call(QStringLiteral("users.create"),
                     {{QStringLiteral("badge"), QStringLiteral("402")},
                         {QStringLiteral("displayName"), QStringLiteral("Twin")}})),
            QStringLiteral("conflict"));
    }

    void logsChangeOnlyWhileTheirEventIsActive()
    {
        QVERIFY(m_admin
                    .call(QStringLiteral("events.activate"),
                        {{QStringLiteral("eventId"), QJsonValue()}})
                    .contains(QStringLiteral("result")));
        QCOMPARE(TestClient::errorReason(add(m_gail, QStringLiteral("888"))),
            QStringLiteral("event_closed"));
        QCOMPARE(TestClient::errorReason(add(m_manager, QStringLiteral("888"))),
            QStringLiteral("event_closed"));
        // Still readable.
        QCOMPARE(resultOf(m_gail.call(QStringLiteral("attendeeLogs.attendees"),
                              {{QStringLiteral("logId"), m_log}}))
                     .value(QStringLiteral("attendees"))
                     .toArray()
                     .size(),
            1);
        QVERIFY(
            m_admin.call(QStringLiteral("events.activate"), {{QStringLiteral("eventId"), m_event}})
                .contains(QStringLiteral("result")));
        QVERIFY(m_manager
                    .call(QStringLiteral("attendeeLogs.removeGatekeeper"),
                        {{QStringLiteral("logId"), m_log},
                            {QStringLiteral("userId"), m_gailId.toString(QUuid::WithoutBraces)}})
                    .contains(QStringLiteral("result")));
        QCOMPARE(logsSeenBy(m_gail), 0);
        QCOMPARE(TestClient::errorReason(add(m_gail, QStringLiteral("889"))),
            QStringLiteral("not_found"));
        const QJsonObject renamed = resultOf(m_manager.call(QStringLiteral("attendeeLogs.update"),
            {{QStringLiteral("logId"), m_log},
                {QStringLiteral("name"), QStringLiteral("Costume 101")}}));
        QCOMPARE(renamed[QStringLiteral("log")][QStringLiteral("name")].toString(),
            QStringLiteral("Costume 101"));
        QVERIFY(m_manager
                    .call(QStringLiteral("attendeeLogs.delete"), {{QStringLiteral("logId"), m_log}})
                    .contains(QStringLiteral("result")));
        QCOMPARE(logsSeenBy(m_manager), 0);
    }
};

QTEST_GUILESS_MAIN(TestAttendeeLogs)
#include "tst_attendeelogs.moc"
