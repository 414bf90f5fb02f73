// Muster::Connection against a real server: sign-in, replies, pushes as signals, refused
// credentials, and an automatic reconnect that resumes the session after the socket drops.
#include "client/connection.h"
#include "client/kioskclient.h"
#include "cluster/pushrelay.h"
#include "protocol/rpcmessage.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Muster;
using namespace Muster::Test;

class TestConnection : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Acme")).isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("ada"), QStringLiteral("Acme"), Role::Staff)
                     .isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("bo"), QStringLiteral("Acme"), Role::Staff)
                     .isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("lee"), QStringLiteral("Acme"), Role::Lead)
                     .isNull());
    }
    void cleanupTestCase() { m_server.reset(); }

    void signsInCallsAndReceivesPushes()
    {
        Connection ada, bo;
        QSignalSpy adaIn(&ada, &Connection::signedIn);
        QSignalSpy token(&ada, &Connection::tokenChanged);
        ada.signIn(m_server->wsUrl(), QStringLiteral("ada"), QStringLiteral("correct horse"));
        QVERIFY(adaIn.wait());
        QCOMPARE(ada.state(), Connection::State::Ready);
        QCOMPARE(ada.user().value(QStringLiteral("login")).toString(), QStringLiteral("ada"));
        QCOMPARE(token.size(), 1);
        QVERIFY(!ada.token().isEmpty());

        QSignalSpy boIn(&bo, &Connection::signedIn);
        bo.signIn(m_server->wsUrl(), QStringLiteral("bo"), QStringLiteral("correct horse"));
        QVERIFY(boIn.wait());

        QJsonObject snapshot;
        ada.call(QStringLiteral("presence.list"), {}, this,
            [&](const QJsonValue &result, const RpcError &error) {
                QVERIFY(!error.isValid());
                snapshot = result.toObject();
            });
        QTRY_VERIFY(!snapshot.isEmpty());
        const QString busy = snapshot.value(QStringLiteral("states"))
                                 .toArray()
                                 .at(1)
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toString();

        QSignalSpy pushes(&bo, &Connection::pushReceived);
        ada.call(QStringLiteral("presence.set"), {{QStringLiteral("stateId"), busy}}, this,
            [](const QJsonValue &, const RpcError &) {});
        QTRY_VERIFY(std::any_of(pushes.cbegin(), pushes.cend(), [&](const QList<QVariant> &args) {
            const QJsonObject p = args.at(1).toJsonObject();
            return args.at(0).toString() == QStringLiteral("presence.changed")
                && p.value(QStringLiteral("userId")).toString()
                == ada.user().value(QStringLiteral("id")).toString()
                && p.value(QStringLiteral("stateId")).toString() == busy;
        }));

        RpcError failure;
        ada.call(QStringLiteral("presence.set"), {{QStringLiteral("stateId"), 5}}, this,
            [&](const QJsonValue &, const RpcError &error) { failure = error; });
        QTRY_COMPARE(failure.reason, QStringLiteral("invalid_params"));
    }

    void refusedCredentialsStopTrying()
    {
        Connection c;
        QSignalSpy failed(&c, &Connection::signInFailed);
        c.signIn(m_server->wsUrl(), QStringLiteral("ada"), QStringLiteral("nope"));
        QVERIFY(failed.wait());
        QCOMPARE(
            failed.first().first().value<RpcError>().reason, QStringLiteral("invalid_credentials"));
        QTRY_COMPARE(c.state(), Connection::State::Disconnected);
    }

    void callsWhileDisconnectedFailAtOnce()
    {
        Connection c;
        RpcError error;
        c.call(QStringLiteral("presence.list"), {}, this,
            [&](const QJsonValue &, const RpcError &e) { error = e; });
        QTRY_COMPARE(error.reason, QStringLiteral("disconnected"));
    }

    void aResyncIsASignalNotAPush()
    {
        Connection c;
        QSignalSpy signedIn(&c, &Connection::signedIn);
        QSignalSpy resync(&c, &Connection::resyncRequested);
        QSignalSpy pushes(&c, &Connection::pushReceived);
        c.signIn(m_server->wsUrl(), QStringLiteral("ada"), QStringLiteral("correct horse"));
        QVERIFY(signedIn.wait());
        pushes.clear();
        // What the server tells its clients after a gap in listening to the other servers.
        m_server->server().relay().deliverHere({Audience::everyone(), PushRelay::kResyncMethod,
            {{QStringLiteral("reason"), QStringLiteral("a gap")}}});
        QVERIFY(resync.wait());
        QCOMPARE(resync.first().first().toString(), QStringLiteral("a gap"));
        for (const QList<QVariant> &push : std::as_const(pushes))
            QVERIFY(push.first().toString() != PushRelay::kResyncMethod);
    }

    void aServerAloneOnItsDatabasePublishesNothing()
    {
        Connection c;
        QSignalSpy signedIn(&c, &Connection::signedIn);
        c.signIn(m_server->wsUrl(), QStringLiteral("bo"), QStringLiteral("correct horse"));
        QVERIFY(signedIn.wait());
        const PushRelay &relay = m_server->server().relay();
        QTRY_VERIFY(relay.counters().unshared > 0); // bo's arrival, at least
        QVERIFY(!relay.othersListening());
        QCOMPARE(relay.counters().notifies, 0);
    }

    void reconnectsAndResumesAfterADrop()
    {
        Connection c;
        c.setReconnectDelays(std::chrono::milliseconds(50), std::chrono::milliseconds(200));
        QSignalSpy signedIn(&c, &Connection::signedIn);
        QSignalSpy states(&c, &Connection::stateChanged);
        c.signIn(m_server->wsUrl(), QStringLiteral("bo"), QStringLiteral("correct horse"));
        QVERIFY(signedIn.wait());
        const QString token = c.token();

        // Cut every connection on the server side, as a restart or a network drop would.
        m_server->server().abortAllConnections();
        QTRY_COMPARE(signedIn.size(), 2);
        QCOMPARE(c.state(), Connection::State::Ready);
        QCOMPARE(c.token(), token); // resumed, not signed in anew
        const bool sawReconnecting
            = std::any_of(states.cbegin(), states.cend(), [](const QList<QVariant> &a) {
                  return a.first().value<Connection::State>() == Connection::State::Reconnecting;
              });
        QVERIFY(sawReconnecting);
    }

    void unansweredRequestsTimeOut()
    {
        // A server that signs anyone in and then never answers again.
        QWebSocketServer silent(QStringLiteral("silent"), QWebSocketServer::NonSecureMode);
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        std::vector<std::unique_ptr<QWebSocket>> peers;
        connect(&silent, &QWebSocketServer::newConnection, this, [&] {
            QWebSocket *ws = silent.nextPendingConnection();
            peers.emplace_back(ws);
            connect(ws, &QWebSocket::textMessageReceived, ws, [ws](const QString &text) {
                const RpcMessage m = RpcMessage::decode(text.toUtf8());
                if (m.method() != QStringLiteral("session.login"))
                    return;
                const QJsonObject user {{QStringLiteral("id"), QStringLiteral("u1")}};
                ws->sendTextMessage(QString::fromUtf8(RpcMessage::encodeResult(m.id(),
                    QJsonObject {{QStringLiteral("token"), QStringLiteral("t")},
                        {QStringLiteral("user"), user}})));
            });
        });

        Connection c;
        c.setRequestTimeout(std::chrono::milliseconds(300));
        QSignalSpy in(&c, &Connection::signedIn);
        c.signIn(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(silent.serverPort())),
            QStringLiteral("a"), QStringLiteral("b"));
        QVERIFY(in.wait());
        RpcError error;
        c.call(QStringLiteral("presence.list"), {}, this,
            [&](const QJsonValue &, const RpcError &e) { error = e; });
        QTRY_COMPARE_WITH_TIMEOUT(error.reason, QStringLiteral("timeout"), 3000);
        QCOMPARE(error.code, int(RpcError::Timeout));
        // A handler whose context is gone is never called: its timeout passes before that of
        // a later call, which is what the test waits for.
        {
            QObject context;
            c.call(QStringLiteral("presence.list"), {}, &context,
                [](const QJsonValue &, const RpcError &) {
                    QFAIL("called after its context died");
                });
        }
        RpcError later;
        c.call(QStringLiteral("presence.list"), {}, this,
            [&](const QJsonValue &, const RpcError &e) { later = e; });
        QTRY_COMPARE_WITH_TIMEOUT(later.reason, QStringLiteral("timeout"), 3000);
    }

    void resumeWithStoredToken()
    {
        QString token;
        {
            Connection first;
            QSignalSpy in(&first, &Connection::signedIn);
            first.signIn(m_server->wsUrl(), QStringLiteral("ada"), QStringLiteral("correct horse"));
            QVERIFY(in.wait());
            token = first.token();
            first.close();
        }
        Connection second;
        QSignalSpy in(&second, &Connection::signedIn);
        second.resume(m_server->wsUrl(), token);
        QVERIFY(in.wait());
        QCOMPARE(second.user().value(QStringLiteral("login")).toString(), QStringLiteral("ada"));

        // After signing out, the token is dead.
        second.signOut();
        QTRY_COMPARE(second.state(), Connection::State::Disconnected);
        Connection third;
        QSignalSpy failed(&third, &Connection::signInFailed);
        third.resume(m_server->wsUrl(), token);
        QVERIFY(failed.wait());
        QCOMPARE(
            failed.first().first().value<RpcError>().reason, QStringLiteral("session_expired"));
    }

    void requestAnswersThroughAnObject()
    {
        Connection ada;
        QSignalSpy in(&ada, &Connection::signedIn);
        QSignalSpy state(&ada, &Connection::stateChanged);
        ada.signIn(m_server->wsUrl(), QStringLiteral("ada"), QStringLiteral("correct horse"));
        QVERIFY(in.wait());
        QVERIFY(ada.property("ready").toBool());
        QVERIFY(!state.isEmpty()); // the property's change signal

        RpcReply *teams = ada.request(QStringLiteral("teams.list"));
        QSignalSpy succeeded(teams, &RpcReply::succeeded);
        QSignalSpy finished(teams, &RpcReply::finished);
        QVERIFY(finished.wait());
        QCOMPARE(succeeded.size(), 1);
        QVERIFY(teams->isOk());
        QVERIFY(teams->result()[QStringLiteral("teams")].isArray());
        QPointer<RpcReply> gone(teams);
        QTRY_VERIFY(gone.isNull()); // it deletes itself once answered

        RpcReply *bad
            = ada.request(QStringLiteral("presence.set"), {{QStringLiteral("stateId"), 5}});
        QSignalSpy failed(bad, &RpcReply::failed);
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("invalid_params"));
        QVERIFY(!failed.first().at(1).toString().isEmpty());
    }

    // An unpaired kiosk: open without signing in, register, and once a lead approves the code,
    // become the kiosk on the same socket. Revoked, it is told so and closed.
    void aKioskPairsOnItsOpenSocketAndIsRevoked()
    {
        Connection kiosk;
        QSignalSpy state(&kiosk, &Connection::stateChanged);
        kiosk.open(m_server->wsUrl());
        QTRY_COMPARE(kiosk.state(), Connection::State::Open);

        KioskClient client(&kiosk);
        RpcReply *registered = client.registerDevice();
        QSignalSpy answered(registered, &RpcReply::succeeded);
        QVERIFY(answered.wait());
        const QJsonObject pairing = answered.first().first().toJsonValue().toObject();
        const QString code = pairing.value(QStringLiteral("pairingCode")).toString();
        const QString deviceToken = pairing.value(QStringLiteral("deviceToken")).toString();
        QCOMPARE(code.size(), 6);

        QSignalSpy pushes(&kiosk, &Connection::pushReceived);
        TestClient lee;
        QVERIFY(lee.signIn(m_server->wsUrl(), QStringLiteral("lee")));
        const QJsonObject approved = resultOf(lee.call(QStringLiteral("kiosks.approve"),
            {{QStringLiteral("pairingCode"), code},
                {QStringLiteral("name"), QStringLiteral("Door")}}));
        const QString kioskId = approved.value(QStringLiteral("kiosk"))
                                    .toObject()
                                    .value(QStringLiteral("id"))
                                    .toString();
        QVERIFY(!kioskId.isEmpty());
        QTRY_VERIFY(!pushes.isEmpty());
        QCOMPARE(pushes.first().first().toString(), QStringLiteral("kiosk.approved"));

        QSignalSpy in(&kiosk, &Connection::signedIn);
        QSignalSpy disconnects(&kiosk, &Connection::stateChanged);
        kiosk.resumeKiosk(m_server->wsUrl(), deviceToken);
        QVERIFY(in.wait());
        QVERIFY(kiosk.isKiosk());
        QCOMPARE(kiosk.kiosk().value(QStringLiteral("organisationName")).toString(),
            QStringLiteral("Acme"));
        QCOMPARE(kiosk.kiosk()[QStringLiteral("kiosk")][QStringLiteral("name")].toString(),
            QStringLiteral("Door"));
        QVERIFY(kiosk.user().isEmpty());
        // Signed in on the socket it registered on: no second connection was made.
        QVERIFY(
            std::none_of(disconnects.cbegin(), disconnects.cend(), [](const QList<QVariant> &a) {
                return a.first().value<Connection::State>() == Connection::State::Connecting;
            }));

        QSignalSpy refused(&kiosk, &Connection::signInFailed);
        QVERIFY(resultOf(
            lee.call(QStringLiteral("kiosks.revoke"), {{QStringLiteral("kioskId"), kioskId}}))
                    .contains(QStringLiteral("kiosk")));
        // Closed by the server, it tries its token again and hears that it is revoked.
        QVERIFY(refused.wait(10000));
        QCOMPARE(refused.first().first().value<RpcError>().reason, QStringLiteral("kiosk_revoked"));
        QCOMPARE(kiosk.state(), Connection::State::Disconnected);
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
