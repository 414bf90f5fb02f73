// Joining without the command line: a manager's one-time, expiring invite with a role, mailed
// through a local SMTP stand-in; the invitee's login and password (held to the rules); and, where
// the server allows it, registering a whole new organisation.
#include "smtpstandin.h"
#include "testclient.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

// Warnings of mail that could not be sent, counted as they are logged.
QAtomicInt s_mailFailures;
QtMessageHandler s_previousHandler = nullptr;
void countMailFailures(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QLatin1String("could not mail invite")))
        s_mailFailures.fetchAndAddRelaxed(1);
    s_previousHandler(type, context, message);
}

class TestInvites : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    SmtpStandIn m_smtp;
    TestClient m_manager, m_staff;

    QJsonObject invite(TestClient &who, const QString &role, const QString &email = {})
    {
        return who.call(QStringLiteral("invites.create"),
            {{QStringLiteral("role"), role}, {QStringLiteral("email"), email},
                {QStringLiteral("displayName"), QStringLiteral("Nina Newcomer")}});
    }
    QJsonObject accept(const QString &code, const QString &login,
        const QString &password = QStringLiteral("a quiet harbour at dawn"))
    {
        TestClient fresh;
        if (!fresh.open(m_server->wsUrl()))
            return {};
        return fresh.call(QStringLiteral("invites.accept"),
            {{QStringLiteral("code"), code}, {QStringLiteral("login"), login},
                {QStringLiteral("password"), password}});
    }
    QString statusOf(const QString &inviteId)
    {
        const QJsonArray invites = resultOf(m_manager.call(QStringLiteral("invites.list")))
                                       .value(QStringLiteral("invites"))
                                       .toArray();
        for (const QJsonValue &i : invites) {
            if (i[QStringLiteral("id")].toString() == inviteId)
                return i[QStringLiteral("status")].toString();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        s_previousHandler = qInstallMessageHandler(countMailFailures);
        QVERIFY(m_smtp.listen());
        m_server = std::make_unique<TestServer>();
        m_server->config().smtp = {QStringLiteral("127.0.0.1"), m_smtp.port(),
            QStringLiteral("Muster <muster@helpline.test>")};
        m_server->config().allowRegistration = true;
        m_server->config().throttles.accountsPerAddress = 1000;
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Helpline")).isNull());
        QVERIFY(
            !m_server
                 ->createUser(QStringLiteral("manager"), QStringLiteral("Helpline"), Role::Manager)
                 .isNull());
        QVERIFY(
            !m_server->createUser(QStringLiteral("staff"), QStringLiteral("Helpline"), Role::Staff)
                 .isNull());
        QVERIFY(m_manager.signIn(m_server->wsUrl(), QStringLiteral("manager")));
        QVERIFY(m_staff.signIn(m_server->wsUrl(), QStringLiteral("staff")));
    }
    void cleanupTestCase() { m_server.reset(); }

    void aManagerInvitesAndTheCodeArrivesByMail()
    {
        QSignalSpy mailed(&m_smtp, &SmtpStandIn::mailReceived);
        const QJsonObject made = resultOf(
            invite(m_manager, QStringLiteral("staff"), QStringLiteral("nina@example.org")));
        const QString code = made.value(QStringLiteral("code")).toString();
        const QString id = made[QStringLiteral("invite")][QStringLiteral("id")].toString();
        QVERIFY(code.size() >= 32);
        QCOMPARE(made.value(QStringLiteral("mailing")).toBool(), true);
        QCOMPARE(made[QStringLiteral("invite")][QStringLiteral("role")].toString(),
            QStringLiteral("staff"));
        QVERIFY(mailed.wait(5000));
        const SmtpStandIn::Mail mail = m_smtp.mails().last();
        QCOMPARE(mail.to, QStringList {QStringLiteral("nina@example.org")});
        QCOMPARE(mail.from, QStringLiteral("muster@helpline.test"));
        QVERIFY(mail.data.contains("Subject: Your invitation to Helpline"));
        QVERIFY(mail.data.contains("Hello Nina Newcomer,"));
        QVERIFY(mail.data.contains(code.toLatin1()));
        // Only the hash of the code is kept.
        QCOMPARE(m_server->sql()
                     .exec("SELECT count(*) FROM invites WHERE position(convert_to('"
                         + code.toLatin1() + "', 'UTF8') IN code_hash) > 0")
                     .text(0, 0),
            QStringLiteral("0"));
        QTRY_VERIFY(!m_server->sql()
                         .exec("SELECT mailed_at FROM invites WHERE id = '" + id.toLatin1() + "'")
                         .isNull(0, 0));
        QCOMPARE(statusOf(id), QStringLiteral("open"));

        // The rules hold for the invitee's password too.
        QCOMPARE(TestClient::errorReason(
                     accept(code, QStringLiteral("nina"), QStringLiteral("password1"))),
            QStringLiteral("weak_password"));
        QCOMPARE(TestClient::errorReason(
                     accept(code, QStringLiteral("nina"), QStringLiteral("nina2026nina"))),
            QStringLiteral("weak_password"));
        const QJsonObject joined = resultOf(accept(code, QStringLiteral("nina")));
        QCOMPARE(joined.value(QStringLiteral("role")).toString(), QStringLiteral("staff"));
        TestClient nina;
        QVERIFY(nina.open(m_server->wsUrl()));
        const QJsonObject signedIn = resultOf(
            nina.login(QStringLiteral("nina"), QStringLiteral("a quiet harbour at dawn")));
        QCOMPARE(signedIn[QStringLiteral("user")][QStringLiteral("displayName")].toString(),
            QStringLiteral("Nina Newcomer"));
        QCOMPARE(signedIn[QStringLiteral("user")][QStringLiteral("role")].toString(),
            QStringLiteral("staff"));
        // Once only.
        QCOMPARE(TestClient::errorReason(accept(code, QStringLiteral("nina2"))),
            QStringLiteral("not_found"));
        QCOMPARE(statusOf(id), QStringLiteral("used"));
        QCOMPARE(TestClient::errorReason(m_manager.call(
                     QStringLiteral("invites.revoke"), {{QStringLiteral("inviteId"), id}})),
            QStringLiteral("not_found"));
        QCOMPARE(m_server->auditCount(QStringLiteral("invite.create")), 1);
    }

    void invitesCarryNoMoreThanTheInvitersRole()
    {
        QCOMPARE(TestClient::errorReason(invite(m_manager, QStringLiteral("admin"))),
            QStringLiteral("forbidden"));
        QCOMPARE(TestClient::errorReason(invite(m_manager, QStringLiteral("banned"))),
            QStringLiteral("invalid_params"));
        QCOMPARE(TestClient::errorReason(
                     invite(m_manager, QStringLiteral("staff"), QStringLiteral("not an address"))),
            QStringLiteral("invalid_params"));
        QCOMPARE(TestClient::errorReason(invite(m_staff, QStringLiteral("staff"))),
            QStringLiteral("forbidden"));
        // Without an address nothing is mailed; the manager passes the code on.
        const QJsonObject made = resultOf(invite(m_manager, QStringLiteral("manager")));
        QCOMPARE(made.value(QStringLiteral("mailing")).toBool(), false);
        QCOMPARE(
            resultOf(accept(made.value(QStringLiteral("code")).toString(), QStringLiteral("mona")))
                .value(QStringLiteral("role"))
                .toString(),
            QStringLiteral("manager"));
    }

    void revokedExpiredAndMadeUpCodesOpenNothing()
    {
        const QJsonObject revoked = resultOf(invite(m_manager, QStringLiteral("staff")));
        QCOMPARE(resultOf(m_manager.call(QStringLiteral("invites.revoke"),
                     {{QStringLiteral("inviteId"),
                         revoked[QStringLiteral("invite")][QStringLiteral(
                             "id")]}}))[QStringLiteral("invite")][QStringLiteral("status")]
                     .toString(),
            QStringLiteral("revoked"));
        QCOMPARE(TestClient::errorReason(accept(
                     revoked.value(QStringLiteral("code")).toString(), QStringLiteral("rita"))),
            QStringLiteral("not_found"));

        const QJsonObject expired = resultOf(invite(m_manager, QStringLiteral("staff")));
        m_server->sql().exec(
            "UPDATE invites SET expires_at = now() - interval '1 second' WHERE id = '"
            + expired[QStringLiteral("invite")][QStringLiteral("id")].toString().toLatin1() + "'");
        QCOMPARE(TestClient::errorReason(accept(
                     expired.value(QStringLiteral("code")).toString(), QStringLiteral("ed"))),
            QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorReason(accept(QStringLiteral("made-up"), QStringLiteral("mu"))),
            QStringLiteral("not_found"));
        // A login someone has is refused, and the invite stays open for another try.
        const QJsonObject taken = resultOf(invite(m_manager, QStringLiteral("staff")));
        const QString code = taken.value(QStringLiteral("code")).toString();
        QCOMPARE(TestClient::errorReason(accept(code, QStringLiteral("staff"))),
            QStringLiteral("login_taken"));
        QVERIFY(resultOf(accept(code, QStringLiteral("tara"))).contains(QStringLiteral("userId")));
    }

    void twoTakersOfOneCodeMakeOnePerson()
    {
        const QString code = resultOf(invite(m_manager, QStringLiteral("staff")))
                                 .value(QStringLiteral("code"))
                                 .toString();
        TestClient a, b;
        QVERIFY(a.open(m_server->wsUrl()) && b.open(m_server->wsUrl()));
        const QJsonObject params {{QStringLiteral("code"), code},
            {QStringLiteral("password"), QStringLiteral("a quiet harbour at dawn")}};
        QJsonObject first = params, second = params;
        first.insert(QStringLiteral("login"), QStringLiteral("racer1"));
        second.insert(QStringLiteral("login"), QStringLiteral("racer2"));
        a.post(QStringLiteral("invites.accept"), first);
        b.post(QStringLiteral("invites.accept"), second);
        const QJsonObject ra = a.waitForReplies(1).value(0), rb = b.waitForReplies(1).value(0);
        QCOMPARE(
            int(ra.contains(QStringLiteral("result"))) + int(rb.contains(QStringLiteral("result"))),
            1);
        QCOMPARE(
            m_server->sql().exec("SELECT count(*) FROM users WHERE login LIKE 'racer%'").text(0, 0),
            QStringLiteral("1"));
    }

    void anyoneMayRegisterWhereTheServerAllowsIt()
    {
        TestClient visitor;
        QVERIFY(visitor.open(m_server->wsUrl()));
        const QJsonObject params {{QStringLiteral("organisation"), QStringLiteral("Night Line")},
            {QStringLiteral("login"), QStringLiteral("nora")},
            {QStringLiteral("displayName"), QStringLiteral("Nora Night")},
            {QStringLiteral("password"), QStringLiteral("a quiet harbour at dawn")}};
        const QJsonObject made
            = resultOf(visitor.call(QStringLiteral("organisations.register"), params));
        QCOMPARE(made.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        QVERIFY(visitor.login(QStringLiteral("nora"), QStringLiteral("a quiet harbour at dawn"))
                    .contains(QStringLiteral("result")));
        // Its own states and team, like any organisation made on the command line.
        QCOMPARE(resultOf(visitor.call(QStringLiteral("teams.list")))
                     .value(QStringLiteral("teams"))
                     .toArray()
                     .size(),
            1);

        TestClient again;
        QVERIFY(again.open(m_server->wsUrl()));
        QJsonObject sameName = params;
        sameName.insert(QStringLiteral("login"), QStringLiteral("other"));
        QCOMPARE(
            TestClient::errorReason(again.call(QStringLiteral("organisations.register"), sameName)),
            QStringLiteral("name_taken"));
        QJsonObject sameLogin = params;
        sameLogin.insert(QStringLiteral("organisation"), QStringLiteral("Day Line"));
        QCOMPARE(TestClient::errorReason(
                     again.call(QStringLiteral("organisations.register"), sameLogin)),
            QStringLiteral("login_taken"));
        QJsonObject weak = params;
        weak.insert(QStringLiteral("organisation"), QStringLiteral("Weak Line"));
        weak.insert(QStringLiteral("login"), QStringLiteral("wendy"));
        weak.insert(QStringLiteral("password"), QStringLiteral("weakline1"));
        QCOMPARE(
            TestClient::errorReason(again.call(QStringLiteral("organisations.register"), weak)),
            QStringLiteral("weak_password"));

        // Off by default: then only the command line makes organisations.
        m_server->server().invites().setRegistrationAllowed(false);
        QJsonObject closed = params;
        closed.insert(QStringLiteral("organisation"), QStringLiteral("Closed Line"));
        closed.insert(QStringLiteral("login"), QStringLiteral("cleo"));
        QCOMPARE(
            TestClient::errorReason(again.call(QStringLiteral("organisations.register"), closed)),
            QStringLiteral("forbidden"));
    }

    void oneAddressCannotMakeAccountsWithoutEnd()
    {
        ThrottleLimits limits = m_server->config().throttles;
        limits.accountsPerAddress = 2;
        m_server->server().setThrottleLimits(limits);
        m_server->sql().exec("DELETE FROM auth_attempts");
        QStringList reasons;
        for (int i = 0; i < 3; ++i)
            reasons.append(TestClient::errorReason(
                accept(QStringLiteral("guess-%1").arg(i), QStringLiteral("g%1").arg(i))));
        QCOMPARE(reasons,
            (QStringList {QStringLiteral("not_found"), QStringLiteral("not_found"),
                QStringLiteral("rate_limited")}));
    }

    void aMailServerThatIsDownLosesNoInvite()
    {
        SmtpMailer::Config down {QStringLiteral("127.0.0.1"), 1, QStringLiteral("muster@test")};
        // Nothing listens on port 1: the invite is made and its code shown all the same.
        TestServer other;
        other.config().smtp = down;
        QVERIFY2(other.start(), qPrintable(other.errorMessage()));
        QVERIFY(!other.createOrganisation(QStringLiteral("Down")).isNull());
        QVERIFY(!other.createUser(QStringLiteral("dm"), QStringLiteral("Down"), Role::Manager)
                     .isNull());
        TestClient dm;
        QVERIFY(dm.signIn(other.wsUrl(), QStringLiteral("dm")));
        const QJsonObject made
            = resultOf(invite(dm, QStringLiteral("staff"), QStringLiteral("x@example.org")));
        QVERIFY(!made.value(QStringLiteral("code")).toString().isEmpty());
        // The failure is logged, and the invite not marked as mailed: the list shows the manager
        // it went nowhere, and they pass the code on.
        QTRY_VERIFY_WITH_TIMEOUT(s_mailFailures.loadRelaxed() > 0, 10000);
        const QByteArray id
            = made[QStringLiteral("invite")][QStringLiteral("id")].toString().toLatin1();
        QVERIFY(
            other.sql().exec("SELECT mailed_at FROM invites WHERE id = '" + id + "'").isNull(0, 0));
    }
};

QTEST_GUILESS_MAIN(TestInvites)
#include "tst_invites.moc"
