// The first live feature: presence.list, presence.set pushed to the organisation, online and
// offline pushes, and organisations that never see each other.
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

namespace {
const QString kChanged = QStringLiteral("presence.changed");

} // namespace

class TestPresence : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    QString m_adaId, m_boId, m_zedId;

    void signIn(TestClient &client, const QString &login)
    {
        QVERIFY(client.open(m_server->wsUrl()));
        QVERIFY(client.login(login, QStringLiteral("correct horse"))
                    .contains(QStringLiteral("result")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Acme")).isNull());
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Globex")).isNull());
        m_adaId = m_server->createUser(QStringLiteral("ada"), QStringLiteral("Acme"), Role::Staff)
                      .toString(QUuid::WithoutBraces);
        m_boId = m_server->createUser(QStringLiteral("bo"), QStringLiteral("Acme"), Role::Volunteer)
                     .toString(QUuid::WithoutBraces);
        m_zedId = m_server->createUser(QStringLiteral("zed"), QStringLiteral("Globex"), Role::Admin)
                      .toString(QUuid::WithoutBraces);
        QVERIFY(!m_server->createUser(QStringLiteral("att"), QStringLiteral("Acme"), Role::Attendee)
                     .isNull());
    }
    void cleanupTestCase() { m_server.reset(); }

    void listShowsOwnOrganisationOnly()
    {
        TestClient ada;
        signIn(ada, QStringLiteral("ada"));
        const QJsonObject snapshot = resultOf(ada.call(QStringLiteral("presence.list")));
        const QJsonArray states = snapshot.value(QStringLiteral("states")).toArray();
        // The four defaults, and the time clock's shift state last.
        QCOMPARE(states.size(), 5);
        QCOMPARE(states.at(0).toObject().value(QStringLiteral("label")).toString(),
            QStringLiteral("Available"));
        QVERIFY(states.at(4).toObject().value(QStringLiteral("shift")).toBool());
        QVERIFY(states.at(0).toObject().value(QStringLiteral("isDefault")).toBool());
        QStringList ids;
        for (const QJsonValue &p : snapshot.value(QStringLiteral("people")).toArray()) {
            const QJsonObject person = p.toObject();
            ids << person.value(QStringLiteral("userId")).toString();
            QVERIFY(person.contains(QStringLiteral("since")));
            if (ids.last() == m_adaId)
                QVERIFY(person.value(QStringLiteral("online")).toBool());
            if (ids.last() == m_boId)
                QVERIFY(!person.value(QStringLiteral("online")).toBool());
        }
        QVERIFY(ids.contains(m_adaId));
        QVERIFY(ids.contains(m_boId));
        QVERIFY(!ids.contains(m_zedId));
    }

    void setIsPushedToTheOrganisationOnly()
    {
        TestClient ada, bo, zed;
        signIn(ada, QStringLiteral("ada"));
        signIn(bo, QStringLiteral("bo"));
        signIn(zed, QStringLiteral("zed"));
        // Ada sees Bo come online. A coming or going never carries a state: it is read before
        // a later presence.set may be pushed, and would undo it (tst_mainwindow saw that).
        const QJsonObject arrival = ada.waitForPush(
            kChanged, {{QStringLiteral("userId"), m_boId}, {QStringLiteral("online"), true}});
        QCOMPARE(arrival.value(QStringLiteral("online")).toBool(), true);
        for (const char *stateField : {"stateId", "since", "message", "until"})
            QVERIFY2(!arrival.contains(QLatin1String(stateField)), stateField);

        const QJsonObject snapshot = resultOf(ada.call(QStringLiteral("presence.list")));
        const QString meeting = stateIdByLabel(snapshot, QStringLiteral("In a meeting"));
        QVERIFY(!meeting.isEmpty());
        const QJsonObject set = resultOf(
            ada.call(QStringLiteral("presence.set"), {{QStringLiteral("stateId"), meeting}}));
        QCOMPARE(set.value(QStringLiteral("stateId")).toString(), meeting);

        const QJsonObject seen = bo.waitForPush(
            kChanged, {{QStringLiteral("userId"), m_adaId}, {QStringLiteral("stateId"), meeting}});
        QCOMPARE(seen.value(QStringLiteral("online")).toBool(), true);
        QCOMPARE(seen.value(QStringLiteral("since")).toString(),
            set.value(QStringLiteral("since")).toString());
        // The setter's own other connections learn it too.
        QVERIFY(!ada.waitForPush(kChanged,
                        {{QStringLiteral("userId"), m_adaId}, {QStringLiteral("stateId"), meeting}})
                     .isEmpty());

        // Globex hears nothing of Acme. Zed's own change arrives after Ada's would have.
        const QString zedState = stateIdByLabel(
            resultOf(zed.call(QStringLiteral("presence.list"))), QStringLiteral("Busy"));
        QVERIFY(zed.call(QStringLiteral("presence.set"), {{QStringLiteral("stateId"), zedState}})
                    .contains(QStringLiteral("result")));
        QVERIFY(!zed.waitForPush(kChanged, {{QStringLiteral("userId"), m_zedId}}).isEmpty());
        QVERIFY(zed.noPush(kChanged, {{QStringLiteral("userId"), m_adaId}}, 0));
        QVERIFY(zed.noPush(kChanged, {{QStringLiteral("userId"), m_boId}}, 0));
        // A round trip of Ada's after Zed's change: anything sent her about it came before.
        QVERIFY(ada.call(QStringLiteral("presence.list")).contains(QStringLiteral("result")));
        QVERIFY(ada.noPush(kChanged, {{QStringLiteral("userId"), m_zedId}}, 0));
    }

    void anotherOrganisationsStateIsNotFound()
    {
        TestClient ada, zed;
        signIn(ada, QStringLiteral("ada"));
        signIn(zed, QStringLiteral("zed"));
        const QString globexBusy = stateIdByLabel(
            resultOf(zed.call(QStringLiteral("presence.list"))), QStringLiteral("Busy"));
        const QJsonObject reply
            = ada.call(QStringLiteral("presence.set"), {{QStringLiteral("stateId"), globexBusy}});
        QCOMPARE(TestClient::errorReason(reply), QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorReason(ada.call(QStringLiteral("presence.set"),
                     {{QStringLiteral("stateId"), QUuid::createUuid().toString()}})),
            QStringLiteral("not_found"));
        // Nothing changed for Ada.
        const PgResult r
            = m_server->sql().exec("SELECT count(*) FROM users u JOIN states s ON s.id = u.state_id"
                                   " WHERE u.organisation_id <> s.organisation_id");
        QCOMPARE(r.toInt(0, 0), 0);
    }

    void disconnectingPushesOffline()
    {
        TestClient ada;
        signIn(ada, QStringLiteral("ada"));
        {
            TestClient bo;
            signIn(bo, QStringLiteral("bo"));
            QVERIFY(!ada.waitForPush(kChanged,
                            {{QStringLiteral("userId"), m_boId}, {QStringLiteral("online"), true}})
                         .isEmpty());
            bo.socket().close();
            QVERIFY(bo.waitForDisconnect());
        }
        const QJsonObject offline = ada.waitForPush(
            kChanged, {{QStringLiteral("userId"), m_boId}, {QStringLiteral("online"), false}});
        QVERIFY(offline.contains(QStringLiteral("lastSeen")));
    }

    void aReconnectStormArrivesInBatches()
    {
        // Ten members of a new team, signed in once for their tokens, then all back at once.
        constexpr int kCount = 10;
        QStringList tokens;
        QStringList ids;
        for (int i = 0; i < kCount; ++i) {
            const QString login = QStringLiteral("storm%1").arg(i);
            ids << m_server->createUser(login, QStringLiteral("Acme"), Role::Volunteer)
                       .toString(QUuid::WithoutBraces);
            TestClient once;
            QVERIFY(once.open(m_server->wsUrl()));
            tokens << resultOf(once.login(login, QStringLiteral("correct horse")))
                          .value(QStringLiteral("token"))
                          .toString();
        }
        TestClient ada;
        signIn(ada, QStringLiteral("ada"));
        QTest::qWait(300); // the departures above are pushed and done with
        ada.clearPushes();

        std::vector<std::unique_ptr<TestClient>> storm;
        for (int i = 0; i < kCount; ++i) {
            storm.push_back(std::make_unique<TestClient>());
            QVERIFY(storm.back()->open(m_server->wsUrl()));
        }
        for (int i = 0; i < kCount; ++i) {
            storm[i]->socket().sendTextMessage(QStringLiteral(
                R"({"jsonrpc":"2.0","id":1,"method":"session.resume","params":{"token":"%1"}})")
                                                   .arg(tokens[i]));
        }
        // Every arrival reaches ada once, online...
        for (const QString &id : ids) {
            const QJsonObject arrived = ada.waitForPush(kChanged, {{QStringLiteral("userId"), id}});
            QVERIFY2(arrived.value(QStringLiteral("online")).toBool(), qPrintable(id));
        }
        // ...in fewer frames than arrivals.
        const QJsonObject batch = ada.waitForPush(QStringLiteral("presence.changes"));
        QVERIFY(batch.value(QStringLiteral("changes")).toArray().size() >= 2);
    }

    void messageAndClearAfter()
    {
        TestClient ada, bo;
        signIn(ada, QStringLiteral("ada"));
        signIn(bo, QStringLiteral("bo"));
        const QJsonObject snapshot = resultOf(ada.call(QStringLiteral("presence.list")));
        const QString busy = stateIdByLabel(snapshot, QStringLiteral("Busy"));
        const QString available = stateIdByLabel(snapshot, QStringLiteral("Available"));
        const QString until
            = QDateTime::currentDateTimeUtc().addMSecs(1500).toString(Qt::ISODateWithMs);
        const QJsonObject set = resultOf(ada.call(QStringLiteral("presence.set"),
            {{QStringLiteral("stateId"), busy},
                {QStringLiteral("message"), QStringLiteral(" back at 3 ")},
                {QStringLiteral("until"), until}}));
        QCOMPARE(set.value(QStringLiteral("message")).toString(), QStringLiteral("back at 3"));
        QVERIFY(!set.value(QStringLiteral("until")).toString().isEmpty());
        const QJsonObject seen = bo.waitForPush(
            kChanged, {{QStringLiteral("userId"), m_adaId}, {QStringLiteral("stateId"), busy}});
        QCOMPARE(seen.value(QStringLiteral("message")).toString(), QStringLiteral("back at 3"));
        const QJsonObject listed = [&] {
            for (const QJsonValue &p : resultOf(bo.call(QStringLiteral("presence.list")))
                                           .value(QStringLiteral("people"))
                                           .toArray()) {
                if (p.toObject().value(QStringLiteral("userId")).toString() == m_adaId)
                    return p.toObject();
            }
            return QJsonObject();
        }();
        QCOMPARE(listed.value(QStringLiteral("message")).toString(), QStringLiteral("back at 3"));

        // When the time comes the state clears itself, and everyone is told.
        const QJsonObject cleared = bo.waitForPush(kChanged,
            {{QStringLiteral("userId"), m_adaId}, {QStringLiteral("stateId"), available}}, 10000);
        QCOMPARE(cleared.value(QStringLiteral("message")).toString(), QString());
        QVERIFY(cleared.value(QStringLiteral("until")).isNull());
        QCOMPARE(m_server->sql()
                     .exec("SELECT count(*) FROM users WHERE state_until IS NOT NULL")
                     .toInt(0, 0),
            0);
    }

    void badMessagesAndEndsAreRefused_data()
    {
        QTest::addColumn<QJsonObject>("extra");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QTest::newRow("past") << QJsonObject {
            {QStringLiteral("until"), now.addSecs(-60).toString(Qt::ISODate)}};
        QTest::newRow("too far") << QJsonObject {
            {QStringLiteral("until"), now.addDays(8).toString(Qt::ISODate)}};
        QTest::newRow("not a time")
            << QJsonObject {{QStringLiteral("until"), QStringLiteral("soon")}};
        QTest::newRow("until number") << QJsonObject {{QStringLiteral("until"), 30}};
        QTest::newRow("long message")
            << QJsonObject {{QStringLiteral("message"), QString(201, u'x')}};
        QTest::newRow("message object") << QJsonObject {{QStringLiteral("message"), QJsonObject()}};
    }

    void badMessagesAndEndsAreRefused()
    {
        QFETCH(QJsonObject, extra);
        TestClient ada;
        signIn(ada, QStringLiteral("ada"));
        QJsonObject params = extra;
        params.insert(QStringLiteral("stateId"),
            stateIdByLabel(
                resultOf(ada.call(QStringLiteral("presence.list"))), QStringLiteral("Busy")));
        QCOMPARE(TestClient::errorReason(ada.call(QStringLiteral("presence.set"), params)),
            QStringLiteral("invalid_params"));
    }

    void wrongParamTypesAreInvalidParams()
    {
        TestClient ada;
        signIn(ada, QStringLiteral("ada"));
        QCOMPARE(TestClient::errorReason(
                     ada.call(QStringLiteral("presence.set"), {{QStringLiteral("stateId"), 42}})),
            QStringLiteral("invalid_params"));
        QCOMPARE(TestClient::errorReason(ada.call(QStringLiteral("presence.set"))),
            QStringLiteral("invalid_params"));
        // The connection stays usable.
        QVERIFY(ada.call(QStringLiteral("presence.list")).contains(QStringLiteral("result")));
    }

    void roleTableIsEnforced()
    {
        TestClient att;
        signIn(att, QStringLiteral("att"));
        QCOMPARE(TestClient::errorReason(att.call(QStringLiteral("presence.list"))),
            QStringLiteral("forbidden"));
        QCOMPARE(TestClient::errorReason(att.call(QStringLiteral("presence.set"),
                     {{QStringLiteral("stateId"), QUuid::createUuid().toString()}})),
            QStringLiteral("forbidden"));
        TestClient bo;
        signIn(bo, QStringLiteral("bo"));
        QVERIFY(bo.call(QStringLiteral("presence.list")).contains(QStringLiteral("result")));
    }
};

QTEST_GUILESS_MAIN(TestPresence)
#include "tst_presence.moc"
