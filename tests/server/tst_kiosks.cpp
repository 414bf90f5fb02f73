// Kiosks through the protocol: pairing by code, approval by a lead, the device token, revocation
// that disconnects at once, and volunteers signing in with a PIN or a single-use quick code,
// throttled, and signed out after a minute idle.
#include "timeclockhelpers.h"

#include <QTest>

using namespace Muster;
using namespace Muster::Test;

class TestKiosks : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    TestClient m_lead;
    TestClient m_admin;

    QJsonObject kioskSignIn(
        TestClient &kiosk, const QString &badge, const QString &key, const QString &secret)
    {
        return kiosk.call(
            QStringLiteral("kiosk.signIn"), {{QStringLiteral("badge"), badge}, {key, secret}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        ClientSocket::Limits limits;
        limits.authTimeout = std::chrono::milliseconds(700);
        m_server = std::make_unique<TestServer>(limits);
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Con")).isNull());
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Other")).isNull());
        QVERIFY(!createBadgeHolder(*m_server, QStringLiteral("lead"), QStringLiteral("Con"),
            Role::Lead, QStringLiteral("9"))
                     .isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("admin"), QStringLiteral("Con"), Role::Admin)
                     .isNull());
        QVERIFY(
            !m_server->createUser(QStringLiteral("otherlead"), QStringLiteral("Other"), Role::Lead)
                 .isNull());
        for (const auto &[login, badge] :
            {std::pair {"vera", "101"}, {"vic", "102"}, {"val", "103"}, {"quinn", "104"}}) {
            QVERIFY(!createBadgeHolder(*m_server, QString::fromLatin1(login), QStringLiteral("Con"),
                Role::Volunteer, QString::fromLatin1(badge))
                         .isNull());
        }
        QVERIFY(m_lead.signIn(m_server->wsUrl(), QStringLiteral("lead")));
        QVERIFY(m_admin.signIn(m_server->wsUrl(), QStringLiteral("admin")));
        QVERIFY(!createActiveEvent(m_admin, QStringLiteral("Con 2026")).isEmpty());
    }
    void cleanupTestCase() { m_server.reset(); }

    void pairingByCodeThenDeviceToken()
    {
        TestClient kiosk;
        QVERIFY(kiosk.open(m_server->wsUrl()));
        const QJsonObject pairing = resultOf(kiosk.call(QStringLiteral("kiosk.register")));
        const QString code = pairing.value(QStringLiteral("pairingCode")).toString();
        const QString token = pairing.value(QStringLiteral("deviceToken")).toString();
        QCOMPARE(code.size(), 6);
        QVERIFY(token.size() >= 43);
        // Only the hash of the token is stored.
        QCOMPARE(m_server->sql()
                     .exec("SELECT count(*) FROM kiosk_pairings WHERE code = $1"
                           " AND token_hash = sha256(convert_to($2, 'UTF8'))",
                         PgParams() << code << token)
                     .toInt(0, 0),
            1);
        // Waiting for approval outlives the sign-in deadline (700 ms here).
        QVERIFY(!kiosk.waitForDisconnect(1500));
        QCOMPARE(TestClient::errorReason(kiosk.call(
                     QStringLiteral("kiosk.resume"), {{QStringLiteral("deviceToken"), token}})),
            QStringLiteral("kiosk_pending"));

        // A lead of another organisation, or a wrong code, approves nothing.
        TestClient otherLead;
        QVERIFY(otherLead.signIn(m_server->wsUrl(), QStringLiteral("otherlead")));
        TestClient vera;
        QVERIFY(vera.signIn(m_server->wsUrl(), QStringLiteral("vera")));
        m_admin.clearPushes();
        QCOMPARE(TestClient::errorReason(m_lead.call(QStringLiteral("kiosks.approve"),
                     {{QStringLiteral("pairingCode"), QStringLiteral("ZZZZZZ")},
                         {QStringLiteral("name"), QStringLiteral("X")}})),
            QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorReason(m_lead.call(QStringLiteral("kiosks.approve"),
                     {{QStringLiteral("pairingCode"), code}, {QStringLiteral("name"), QString()}})),
            QStringLiteral("invalid_params"));

        const QJsonObject approved = resultOf(m_lead.call(QStringLiteral("kiosks.approve"),
            {{QStringLiteral("pairingCode"), code},
                {QStringLiteral("name"), QStringLiteral("Front desk")},
                {QStringLiteral("location"), QStringLiteral("Hall B, by the doors")},
                {QStringLiteral("lifetimeHours"), 48}}));
        const QJsonObject kioskJson = approved.value(QStringLiteral("kiosk")).toObject();
        QCOMPARE(kioskJson.value(QStringLiteral("name")).toString(), QStringLiteral("Front desk"));
        QCOMPARE(kioskJson.value(QStringLiteral("approvedBy")).toString(), QStringLiteral("lead"));
        const QDateTime expires = QDateTime::fromString(
            kioskJson.value(QStringLiteral("expiresAt")).toString(), Qt::ISODateWithMs);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 48 * 3600) < 60);
        // Leads and above see the new kiosk at once (the Kiosks screen); volunteers are not told.
        QCOMPARE(m_admin.waitForPush(QStringLiteral("kiosks.changed"))
                     .value(QStringLiteral("kiosk"))
                     .toObject()
                     .value(QStringLiteral("name")),
            QStringLiteral("Front desk"));
        QVERIFY(vera.noPush(QStringLiteral("kiosks.changed"), {}, 300));
        QVERIFY(otherLead.noPush(QStringLiteral("kiosks.changed"), {}, 0));
        // The waiting kiosk hears at once; the code cannot be used twice.
        QCOMPARE(kiosk.waitForPush(QStringLiteral("kiosk.approved"))
                     .value(QStringLiteral("kiosk"))
                     .toObject()
                     .value(QStringLiteral("id")),
            kioskJson.value(QStringLiteral("id")));
        QCOMPARE(TestClient::errorReason(otherLead.call(QStringLiteral("kiosks.approve"),
                     {{QStringLiteral("pairingCode"), code},
                         {QStringLiteral("name"), QStringLiteral("Y")}})),
            QStringLiteral("not_found"));

        m_admin.clearPushes();
        const QJsonObject resumed = resultOf(
            kiosk.call(QStringLiteral("kiosk.resume"), {{QStringLiteral("deviceToken"), token}}));
        // Its last contact moves on the leads' screens as it connects.
        QVERIFY(!m_admin.waitForPush(QStringLiteral("kiosks.changed"))
                     .value(QStringLiteral("kiosk"))
                     .toObject()
                     .value(QStringLiteral("lastSeen"))
                     .toString()
                     .isEmpty());
        QCOMPARE(
            resumed.value(QStringLiteral("organisationName")).toString(), QStringLiteral("Con"));
        QVERIFY(!resultOf(
            kiosk.call(QStringLiteral("kiosk.resume"), {{QStringLiteral("deviceToken"), token}}))
                     .contains(QStringLiteral("kiosk")));
        // Listed for leads of the organisation, not for another's; audited.
        QCOMPARE(resultOf(m_lead.call(QStringLiteral("kiosks.list")))
                     .value(QStringLiteral("kiosks"))
                     .toArray()
                     .size(),
            1);
        QCOMPARE(resultOf(otherLead.call(QStringLiteral("kiosks.list")))
                     .value(QStringLiteral("kiosks"))
                     .toArray()
                     .size(),
            0);
        QCOMPARE(TestClient::errorReason(otherLead.call(QStringLiteral("kiosks.revoke"),
                     {{QStringLiteral("kioskId"), kioskJson.value(QStringLiteral("id"))}})),
            QStringLiteral("not_found"));
        // The kiosk's last contact is kept for leads to see.
        QVERIFY(!resultOf(m_lead.call(QStringLiteral("kiosks.list")))
                     .value(QStringLiteral("kiosks"))
                     .toArray()
                     .at(0)[QStringLiteral("lastSeen")]
                     .toString()
                     .isEmpty());
        QCOMPARE(m_server->auditCount(QStringLiteral("kiosk.approve")), 1);

        // A bad token is refused clearly.
        TestClient stranger;
        QVERIFY(stranger.open(m_server->wsUrl()));
        QCOMPARE(TestClient::errorReason(stranger.call(QStringLiteral("kiosk.resume"),
                     {{QStringLiteral("deviceToken"), QStringLiteral("made-up")}})),
            QStringLiteral("kiosk_revoked"));
    }

    void desktopConnectionsAreNotKiosks()
    {
        TestClient vera;
        QVERIFY(vera.signIn(m_server->wsUrl(), QStringLiteral("vera")));
        QCOMPARE(TestClient::errorReason(kioskSignIn(
                     vera, QStringLiteral("101"), QStringLiteral("pin"), QStringLiteral("1234"))),
            QStringLiteral("kiosk_required"));
        QCOMPARE(TestClient::errorReason(vera.call(
                     QStringLiteral("kiosk.replay"), {{QStringLiteral("actions"), QJsonArray {}}})),
            QStringLiteral("kiosk_required"));
        // Nor can an anonymous connection act as one.
        TestClient anonymous;
        QVERIFY(anonymous.open(m_server->wsUrl()));
        QCOMPARE(TestClient::errorReason(kioskSignIn(anonymous, QStringLiteral("101"),
                     QStringLiteral("pin"), QStringLiteral("1234"))),
            QStringLiteral("kiosk_required"));
    }

    void pinSignInIsHashedAndThrottled()
    {
        TestClient vera;
        QVERIFY(vera.signIn(m_server->wsUrl(), QStringLiteral("vera")));
        QCOMPARE(TestClient::errorReason(vera.call(QStringLiteral("profile.setPin"),
                     {{QStringLiteral("pin"), QStringLiteral("12a4")}})),
            QStringLiteral("invalid_params"));
        QVERIFY(vera.call(QStringLiteral("profile.setPin"),
                        {{QStringLiteral("pin"), QStringLiteral("2468")}})
                    .contains(QStringLiteral("result")));
        const QString stored
            = m_server->sql().exec("SELECT pin_hash FROM users WHERE login = 'vera'").text(0, 0);
        QVERIFY(stored.startsWith(QStringLiteral("$argon2id$")));

        TestClient kiosk;
        QVERIFY(kiosk.open(m_server->wsUrl()));
        QVERIFY(!pairKiosk(kiosk, m_lead, QStringLiteral("Pin kiosk")).id.isEmpty());
        QCOMPARE(TestClient::errorReason(kioskSignIn(
                     kiosk, QStringLiteral("101"), QStringLiteral("pin"), QStringLiteral("1111"))),
            QStringLiteral("invalid_credentials"));
        const QJsonObject in = resultOf(kioskSignIn(
            kiosk, QStringLiteral("0101"), QStringLiteral("pin"), QStringLiteral("2468")));
        QCOMPARE(
            in.value(QStringLiteral("user")).toObject().value(QStringLiteral("login")).toString(),
            QStringLiteral("vera"));
        QCOMPARE(in.value(QStringLiteral("idleSeconds")).toInt(), 60);
        // One person at a time.
        QCOMPARE(TestClient::errorReason(kioskSignIn(
                     kiosk, QStringLiteral("101"), QStringLiteral("pin"), QStringLiteral("2468"))),
            QStringLiteral("conflict"));
        QVERIFY(kiosk.call(QStringLiteral("kiosk.signOut")).contains(QStringLiteral("result")));
        QCOMPARE(kiosk.waitForPush(QStringLiteral("kiosk.signedOut"))
                     .value(QStringLiteral("reason"))
                     .toString(),
            QStringLiteral("signed_out"));
        QCOMPARE(TestClient::errorReason(kiosk.call(QStringLiteral("timeclock.totals"))),
            QStringLiteral("unauthenticated"));

        // Guessing a badge's PIN stops after five tries, at this kiosk and at any other.
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(TestClient::errorReason(kioskSignIn(kiosk, QStringLiteral("102"),
                         QStringLiteral("pin"), QStringLiteral("000%1").arg(i))),
                QStringLiteral("invalid_credentials"));
        }
        QCOMPARE(TestClient::errorReason(kioskSignIn(
                     kiosk, QStringLiteral("102"), QStringLiteral("pin"), QStringLiteral("0009"))),
            QStringLiteral("rate_limited"));
        // Another badge at the same kiosk is not punished for it.
        QVERIFY(resultOf(kioskSignIn(kiosk, QStringLiteral("101"), QStringLiteral("pin"),
                             QStringLiteral("2468")))
                    .contains(QStringLiteral("user")));
    }

    void quickCodesAreSingleUseAndShortLived()
    {
        TestClient quinn;
        QVERIFY(quinn.signIn(m_server->wsUrl(), QStringLiteral("quinn")));
        const QJsonObject first = resultOf(quinn.call(QStringLiteral("quickCodes.create")));
        const QString voided = first.value(QStringLiteral("code")).toString();
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9A-Z]{4}$")).match(voided).hasMatch());
        QCOMPARE(first.value(QStringLiteral("validSeconds")).toInt(), 30);
        QString code = resultOf(quinn.call(QStringLiteral("quickCodes.create")))
                           .value(QStringLiteral("code"))
                           .toString();
        while (code == voided) // one chance in 1.7 million
            code = resultOf(quinn.call(QStringLiteral("quickCodes.create")))
                       .value(QStringLiteral("code"))
                       .toString();

        TestClient kiosk;
        QVERIFY(kiosk.open(m_server->wsUrl()));
        QVERIFY(!pairKiosk(kiosk, m_lead, QStringLiteral("Code kiosk")).id.isEmpty());
        // A new code voids the previous one; the code is for that badge only.
        QCOMPARE(TestClient::errorReason(
                     kioskSignIn(kiosk, QStringLiteral("104"), QStringLiteral("code"), voided)),
            QStringLiteral("invalid_credentials"));
        QCOMPARE(TestClient::errorReason(
                     kioskSignIn(kiosk, QStringLiteral("103"), QStringLiteral("code"), code)),
            QStringLiteral("invalid_credentials"));
        QVERIFY(resultOf(
            kioskSignIn(kiosk, QStringLiteral("104"), QStringLiteral("code"), code.toLower()))
                    .contains(QStringLiteral("user")));
        QVERIFY(kiosk.call(QStringLiteral("kiosk.signOut")).contains(QStringLiteral("result")));
        // Used once, gone.
        QCOMPARE(TestClient::errorReason(
                     kioskSignIn(kiosk, QStringLiteral("104"), QStringLiteral("code"), code)),
            QStringLiteral("invalid_credentials"));
        // Thirty seconds after it was made it is no good.
        code = resultOf(quinn.call(QStringLiteral("quickCodes.create")))
                   .value(QStringLiteral("code"))
                   .toString();
        m_server->sql().exec("UPDATE quick_codes SET expires_at = now() - interval '1 second'");
        QCOMPARE(TestClient::errorReason(
                     kioskSignIn(kiosk, QStringLiteral("104"), QStringLiteral("code"), code)),
            QStringLiteral("invalid_credentials"));
        // Leads sign in with their PIN, never with a code; people without a badge get no code.
        QCOMPARE(TestClient::errorReason(m_lead.call(QStringLiteral("quickCodes.create"))),
            QStringLiteral("forbidden"));
        QVERIFY(
            !m_server->createUser(QStringLiteral("nobadge"), QStringLiteral("Con"), Role::Volunteer)
                 .isNull());
        TestClient nobadge;
        QVERIFY(nobadge.signIn(m_server->wsUrl(), QStringLiteral("nobadge")));
        QCOMPARE(TestClient::errorReason(nobadge.call(QStringLiteral("quickCodes.create"))),
            QStringLiteral("no_badge"));
    }

    void idleKioskSessionEndsItself()
    {
        m_server->server().timeclock().kioskSignIn.setIdleTimeout(std::chrono::milliseconds(600));
        TestClient val;
        QVERIFY(val.signIn(m_server->wsUrl(), QStringLiteral("val")));
        QVERIFY(val.call(QStringLiteral("profile.setPin"),
                       {{QStringLiteral("pin"), QStringLiteral("97531")}})
                    .contains(QStringLiteral("result")));
        TestClient kiosk;
        QVERIFY(kiosk.open(m_server->wsUrl()));
        QVERIFY(!pairKiosk(kiosk, m_lead, QStringLiteral("Idle kiosk")).id.isEmpty());
        QVERIFY(resultOf(kioskSignIn(kiosk, QStringLiteral("103"), QStringLiteral("pin"),
                             QStringLiteral("97531")))
                    .contains(QStringLiteral("user")));
        // Activity keeps the session: touches every 300 ms for longer than the timeout.
        for (int i = 0; i < 4; ++i) {
            QTest::qWait(300);
            QVERIFY(kiosk.call(QStringLiteral("kiosk.touch")).contains(QStringLiteral("result")));
        }
        QCOMPARE(kiosk.waitForPush(QStringLiteral("kiosk.signedOut"), {}, 3000)
                     .value(QStringLiteral("reason"))
                     .toString(),
            QStringLiteral("idle"));
        QCOMPARE(TestClient::errorReason(kiosk.call(QStringLiteral("timeclock.totals"))),
            QStringLiteral("unauthenticated"));
        // The kiosk itself stays connected and signed in as a kiosk.
        QCOMPARE(TestClient::errorReason(kiosk.call(QStringLiteral("kiosk.signOut"))),
            QStringLiteral("conflict"));
        m_server->server().timeclock().kioskSignIn.setIdleTimeout(std::chrono::seconds(60));
    }

    void revokingDisconnectsAtOnce()
    {
        TestClient kiosk;
        QVERIFY(kiosk.open(m_server->wsUrl()));
        const PairedKiosk paired = pairKiosk(kiosk, m_lead, QStringLiteral("Doomed kiosk"));
        QVERIFY(!paired.id.isEmpty());
        QVERIFY(resultOf(kioskSignIn(kiosk, QStringLiteral("101"), QStringLiteral("pin"),
                             QStringLiteral("2468")))
                    .contains(QStringLiteral("user")));
        const QJsonObject revoked = resultOf(
            m_lead.call(QStringLiteral("kiosks.revoke"), {{QStringLiteral("kioskId"), paired.id}}));
        QVERIFY(revoked.value(QStringLiteral("kiosk"))
                    .toObject()
                    .value(QStringLiteral("revoked"))
                    .toBool());
        QVERIFY(kiosk.waitForDisconnect(3000));
        QVERIFY(m_admin
                    .waitForPush(QStringLiteral("kiosks.changed"),
                        {{QStringLiteral("kiosk"), revoked.value(QStringLiteral("kiosk"))}})
                    .value(QStringLiteral("kiosk"))
                    .toObject()
                    .value(QStringLiteral("revoked"))
                    .toBool());
        TestClient again;
        QVERIFY(again.open(m_server->wsUrl()));
        QCOMPARE(TestClient::errorReason(again.call(QStringLiteral("kiosk.resume"),
                     {{QStringLiteral("deviceToken"), paired.deviceToken}})),
            QStringLiteral("kiosk_revoked"));
        QCOMPARE(TestClient::errorReason(m_lead.call(
                     QStringLiteral("kiosks.revoke"), {{QStringLiteral("kioskId"), paired.id}})),
            QStringLiteral("not_found"));
        QCOMPARE(m_server->auditCount(QStringLiteral("kiosk.revoke")), 1);
    }

    void expiredKioskIsRefused()
    {
        TestClient kiosk;
        QVERIFY(kiosk.open(m_server->wsUrl()));
        const PairedKiosk paired = pairKiosk(kiosk, m_lead, QStringLiteral("Old kiosk"));
        QVERIFY(!paired.id.isEmpty());
        // Renamed and moved by a lead; its lifetime renewed from now.
        const QJsonObject updated = resultOf(m_lead.call(QStringLiteral("kiosks.update"),
            {{QStringLiteral("kioskId"), paired.id},
                {QStringLiteral("name"), QStringLiteral("Older kiosk")},
                {QStringLiteral("location"), QStringLiteral("Hall C")}}));
        QCOMPARE(updated.value(QStringLiteral("kiosk"))
                     .toObject()
                     .value(QStringLiteral("location"))
                     .toString(),
            QStringLiteral("Hall C"));
        QCOMPARE(m_admin
                     .waitForPush(QStringLiteral("kiosks.changed"),
                         {{QStringLiteral("kiosk"), updated.value(QStringLiteral("kiosk"))}})
                     .value(QStringLiteral("kiosk"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
            QStringLiteral("Older kiosk"));
        m_server->sql().exec(
            "UPDATE kiosks SET expires_at = now() - interval '1 minute' WHERE id = $1",
            PgParams() << QUuid::fromString(paired.id));
        TestClient later;
        QVERIFY(later.open(m_server->wsUrl()));
        QCOMPARE(TestClient::errorReason(later.call(QStringLiteral("kiosk.resume"),
                     {{QStringLiteral("deviceToken"), paired.deviceToken}})),
            QStringLiteral("kiosk_revoked"));
    }
};

QTEST_GUILESS_MAIN(TestKiosks)
#include "tst_kiosks.moc"
