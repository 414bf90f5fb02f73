// muster-server's admin flags, run as the real binary against a real database, the way an
// operator runs them: output, exit codes, and what they change.
#include "desktophelpers.h"
#include "timeclockhelpers.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestAdminCli : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;

    Run run(QStringList args, const QByteArray &input = {})
    {
        QProcess p;
        args << QStringLiteral("--database") << QString::fromUtf8(m_server->conninfo());
        p.start(qEnvironmentVariable("MUSTER_SERVER_BINARY"), args);
        if (!p.waitForStarted(10000))
            return {};
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(qEnvironmentVariable("MUSTER_SERVER_BINARY")));
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
    }
    void cleanupTestCase() { m_server.reset(); }

    void helpAndVersion()
    {
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *flag : {"--create-org", "--create-user", "--set-role", "--set-superadmin",
                 "--reset-password", "--list-users", "--migrate", "--data-dir", "--database",
                 "--port", "--address", "--authorize-kiosk", "--stop-ongoing", "--export-report",
                 "--event", "--format", "--output"})
            QVERIFY2(help.out.contains(QLatin1String(flag)), flag);
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("muster-server ")));
        QCOMPARE(run({QStringLiteral("--no-such-flag")}).exitCode, 2);
        // Heartbeat timing that would count live servers dead is refused before anything runs.
        const Run tooFast = run({QStringLiteral("--heartbeat"), QStringLiteral("0")});
        QCOMPARE(tooFast.exitCode, 2);
        QVERIFY2(tooFast.err.contains(QStringLiteral("--heartbeat")), qPrintable(tooFast.err));
        const Run tooShort = run({QStringLiteral("--heartbeat"), QStringLiteral("5"),
            QStringLiteral("--server-timeout"), QStringLiteral("6")});
        QCOMPARE(tooShort.exitCode, 2);
        QVERIFY2(tooShort.err.contains(QStringLiteral("at least twice")), qPrintable(tooShort.err));
    }

    void createOrgMakesDefaults()
    {
        const Run r = run({QStringLiteral("--create-org"), QStringLiteral("Cli Org")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("created organisation")));
        const PgResult states = m_server->sql().exec(
            "SELECT string_agg(label, ',' ORDER BY sort_order) FROM states s JOIN organisations o"
            " ON o.id = s.organisation_id WHERE o.name = 'Cli Org'");
        QCOMPARE(states.text(0, 0), QStringLiteral("Available,Busy,In a meeting,Away,On shift"));
        QCOMPARE(
            m_server->sql()
                .exec(
                    "SELECT count(*) FROM teams t JOIN organisations o ON o.id = t.organisation_id"
                    " WHERE o.name = 'Cli Org'")
                .toInt(0, 0),
            1);
        const Run dup = run({QStringLiteral("--create-org"), QStringLiteral("cli org")});
        QCOMPARE(dup.exitCode, 1);
        QVERIFY(dup.err.contains(QStringLiteral("already exists")));
    }

    void createUserPrintsAWorkingPassword()
    {
        const Run r = run(
            {QStringLiteral("--create-user"), QStringLiteral("Carol"), QStringLiteral("--org"),
                QStringLiteral("Cli Org"), QStringLiteral("--role"), QStringLiteral("lead")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString password = r.out.section(QStringLiteral("password: "), 1).trimmed();
        QCOMPARE(password.size(), 16);
        TestClient c;
        QVERIFY(c.open(m_server->wsUrl()));
        const QJsonObject user = c.login(QStringLiteral("carol"), password)
                                     .value(QStringLiteral("result"))
                                     .toObject()
                                     .value(QStringLiteral("user"))
                                     .toObject();
        QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("lead"));
    }

    void createUserFromStdin()
    {
        const Run r
            = run({QStringLiteral("--create-user"), QStringLiteral("dan"), QStringLiteral("--org"),
                      QStringLiteral("Cli Org"), QStringLiteral("--role"),
                      QStringLiteral("volunteer"), QStringLiteral("--password-stdin"),
                      QStringLiteral("--display-name"), QStringLiteral("Dan D")},
                "a long secret\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!r.out.contains(QStringLiteral("password:")));
        // The same rules as in the app: a common password is refused, and no one is made.
        const Run weak
            = run({QStringLiteral("--create-user"), QStringLiteral("dot"), QStringLiteral("--org"),
                      QStringLiteral("Cli Org"), QStringLiteral("--role"),
                      QStringLiteral("volunteer"), QStringLiteral("--password-stdin")},
                "letmein2024\n");
        QVERIFY(weak.exitCode != 0);
        QVERIFY2(weak.err.contains(QStringLiteral("passwords people guess first")),
            qPrintable(weak.err));
        QCOMPARE(
            m_server->sql().exec("SELECT count(*) FROM users WHERE login = 'dot'").toInt(0, 0), 0);
        TestClient c;
        QVERIFY(c.open(m_server->wsUrl()));
        QVERIFY(c.login(QStringLiteral("dan"), QStringLiteral("a long secret"))
                    .contains(QStringLiteral("result")));
    }

    void createUserRefusesBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown role") << QStringList {QStringLiteral("--create-user"),
            QStringLiteral("eve"), QStringLiteral("--org"), QStringLiteral("Cli Org"),
            QStringLiteral("--role"), QStringLiteral("king")}
                                      << 1 << QStringLiteral("unknown role");
        QTest::newRow("unknown org") << QStringList {QStringLiteral("--create-user"),
            QStringLiteral("eve"), QStringLiteral("--org"), QStringLiteral("Nope"),
            QStringLiteral("--role"), QStringLiteral("staff")}
                                     << 1 << QStringLiteral("no organisation");
        QTest::newRow("taken login") << QStringList {QStringLiteral("--create-user"),
            QStringLiteral("carol"), QStringLiteral("--org"), QStringLiteral("Cli Org"),
            QStringLiteral("--role"), QStringLiteral("staff")}
                                     << 1 << QStringLiteral("is taken");
        QTest::newRow("bad login") << QStringList {QStringLiteral("--create-user"),
            QStringLiteral("a b'; drop"), QStringLiteral("--org"), QStringLiteral("Cli Org"),
            QStringLiteral("--role"), QStringLiteral("staff")}
                                   << 1 << QStringLiteral("a login is");
        QTest::newRow("no org") << QStringList {QStringLiteral("--create-user"),
            QStringLiteral("eve"), QStringLiteral("--role"), QStringLiteral("staff")}
                                << 2 << QStringLiteral("needs --org");
    }

    void createUserRefusesBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void listSetRoleAndResetPassword()
    {
        Run r = run(
            {QStringLiteral("--list-users"), QStringLiteral("--org"), QStringLiteral("Cli Org")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("carol")));
        QVERIFY(r.out.contains(QStringLiteral("Dan D")));

        r = run({QStringLiteral("--set-role"), QStringLiteral("dan"), QStringLiteral("manager")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(m_server->sql().exec("SELECT role FROM users WHERE login = 'dan'").text(0, 0),
            QStringLiteral("manager"));
        QCOMPARE(m_server->auditCount(QStringLiteral("user.role")), 1);
        QCOMPARE(
            run({QStringLiteral("--set-role"), QStringLiteral("nobody"), QStringLiteral("staff")})
                .exitCode,
            1);

        r = run({QStringLiteral("--set-superadmin"), QStringLiteral("dan"), QStringLiteral("yes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(m_server->sql()
                    .exec("SELECT is_superadmin FROM users WHERE login = 'dan'")
                    .toBool(0, 0));
        QVERIFY(run({QStringLiteral("--list-users")}).out.contains(QStringLiteral("(super)")));
        r = run({QStringLiteral("--set-superadmin"), QStringLiteral("dan"), QStringLiteral("no")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!m_server->sql()
                     .exec("SELECT is_superadmin FROM users WHERE login = 'dan'")
                     .toBool(0, 0));
        QCOMPARE(m_server->auditCount(QStringLiteral("user.superadmin")), 2);
        QCOMPARE(run({QStringLiteral("--set-superadmin"), QStringLiteral("dan"),
                         QStringLiteral("maybe")})
                     .exitCode,
            2);
        QCOMPARE(run({QStringLiteral("--set-superadmin"), QStringLiteral("nobody"),
                         QStringLiteral("yes")})
                     .exitCode,
            1);

        // A reset password signs the user out everywhere.
        TestClient c;
        QVERIFY(c.open(m_server->wsUrl()));
        const QString token = c.login(QStringLiteral("dan"), QStringLiteral("a long secret"))
                                  .value(QStringLiteral("result"))
                                  .toObject()
                                  .value(QStringLiteral("token"))
                                  .toString();
        r = run({QStringLiteral("--reset-password"), QStringLiteral("dan")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString password = r.out.section(QStringLiteral("new password for dan: "), 1)
                                     .section(u'\n', 0, 0)
                                     .trimmed();
        TestClient later;
        QVERIFY(later.open(m_server->wsUrl()));
        QCOMPARE(TestClient::errorReason(later.call(
                     QStringLiteral("session.resume"), {{QStringLiteral("token"), token}})),
            QStringLiteral("session_expired"));
        QCOMPARE(TestClient::errorReason(
                     later.login(QStringLiteral("dan"), QStringLiteral("a long secret"))),
            QStringLiteral("invalid_credentials"));
        QVERIFY(later.login(QStringLiteral("dan"), password).contains(QStringLiteral("result")));
    }

    void roleChangesReachSignedInConnections()
    {
        QVERIFY(
            run({QStringLiteral("--create-user"), QStringLiteral("erin"), QStringLiteral("--org"),
                    QStringLiteral("Cli Org"), QStringLiteral("--role"), QStringLiteral("staff"),
                    QStringLiteral("--password-stdin")},
                "a quiet harbour\n")
                .exitCode
            == 0);
        TestClient erin;
        QVERIFY(erin.open(m_server->wsUrl()));
        QVERIFY(erin.login(QStringLiteral("erin"), QStringLiteral("a quiet harbour"))
                    .contains(QStringLiteral("result")));
        QVERIFY(erin.call(QStringLiteral("presence.list")).contains(QStringLiteral("result")));

        // Demoted from another process: the open connection loses the right without reconnecting.
        QCOMPARE(
            run({QStringLiteral("--set-role"), QStringLiteral("erin"), QStringLiteral("attendee")})
                .exitCode,
            0);
        QTRY_COMPARE(TestClient::errorReason(erin.call(QStringLiteral("presence.list"))),
            QStringLiteral("forbidden"));

        // Banned: the connection is closed.
        QCOMPARE(
            run({QStringLiteral("--set-role"), QStringLiteral("erin"), QStringLiteral("banned")})
                .exitCode,
            0);
        QVERIFY(erin.waitForDisconnect(10000));
        QCOMPARE(erin.socket().closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    }

    void passwordResetDisconnectsOpenSessions()
    {
        TestClient carol;
        QVERIFY(carol.open(m_server->wsUrl()));
        const Run r = run({QStringLiteral("--reset-password"), QStringLiteral("carol")});
        const QString password = r.out.section(QStringLiteral("new password for carol: "), 1)
                                     .section(u'\n', 0, 0)
                                     .trimmed();
        QVERIFY(carol.login(QStringLiteral("carol"), password).contains(QStringLiteral("result")));
        // Resetting again, as an operator would after a leak, ends the open session at once.
        QVERIFY(run({QStringLiteral("--reset-password"), QStringLiteral("carol")}).exitCode == 0);
        QVERIFY(carol.waitForDisconnect(10000));
        QCOMPARE(carol.socket().closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    }

    void acceptsAPostgresqlUrl()
    {
        // --database also takes the URL form operators usually have.
        const QString conninfo = QString::fromUtf8(m_server->conninfo());
        const QRegularExpression field(QStringLiteral("(\\w+)='([^']*)'"));
        QHash<QString, QString> parts;
        for (auto it = field.globalMatch(conninfo); it.hasNext();) {
            const auto m = it.next();
            parts.insert(m.captured(1), m.captured(2));
        }
        const QString url = QStringLiteral("postgresql://%1@%2/%3")
                                .arg(parts.value(QStringLiteral("user")),
                                    QString::fromLatin1(QUrl::toPercentEncoding(
                                        parts.value(QStringLiteral("host")))),
                                    parts.value(QStringLiteral("dbname")));
        QProcess p;
        p.start(qEnvironmentVariable("MUSTER_SERVER_BINARY"),
            {QStringLiteral("--database"), url, QStringLiteral("--list-users"),
                QStringLiteral("--org"), QStringLiteral("Cli Org")});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY(p.readAllStandardOutput().contains("carol"));
    }

    void timeClockCommands()
    {
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Fair")).isNull());
        QVERIFY(
            !m_server->createUser(QStringLiteral("fairadmin"), QStringLiteral("Fair"), Role::Admin)
                 .isNull());
        const QUuid vol = createBadgeHolder(*m_server, QStringLiteral("fairvol"),
            QStringLiteral("Fair"), Role::Volunteer, QStringLiteral("7"));
        TestClient admin;
        QVERIFY(admin.signIn(m_server->wsUrl(), QStringLiteral("fairadmin")));
        QVERIFY(!createActiveEvent(admin, QStringLiteral("Fair 2026")).isEmpty());

        // A kiosk approved from the command line signs in with the token it holds.
        TestClient kiosk;
        QVERIFY(kiosk.open(m_server->wsUrl()));
        const QJsonObject pairing = resultOf(kiosk.call(QStringLiteral("kiosk.register")));
        QCOMPARE(run({QStringLiteral("--authorize-kiosk"),
                         pairing.value(QStringLiteral("pairingCode")).toString()})
                     .exitCode,
            2);
        QCOMPARE(run({QStringLiteral("--authorize-kiosk"), QStringLiteral("NOPE42"),
                         QStringLiteral("--name"), QStringLiteral("Gate"), QStringLiteral("--org"),
                         QStringLiteral("Fair")})
                     .exitCode,
            1);
        const Run approved = run({QStringLiteral("--authorize-kiosk"),
            pairing.value(QStringLiteral("pairingCode")).toString(), QStringLiteral("--name"),
            QStringLiteral("Gate"), QStringLiteral("--location"), QStringLiteral("North gate"),
            QStringLiteral("--org"), QStringLiteral("Fair"), QStringLiteral("--lifetime-hours"),
            QStringLiteral("12")});
        QVERIFY2(approved.exitCode == 0, qPrintable(approved.err));
        QVERIFY(approved.out.contains(QStringLiteral("authorised kiosk Gate")));
        const QJsonObject resumed = resultOf(kiosk.call(QStringLiteral("kiosk.resume"),
            {{QStringLiteral("deviceToken"), pairing.value(QStringLiteral("deviceToken"))}}));
        QCOMPARE(resumed[QStringLiteral("kiosk")][QStringLiteral("location")].toString(),
            QStringLiteral("North gate"));

        // --stop-ongoing stops the active event's shifts as the day boundary would.
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
        QVERIFY(admin
                    .call(QStringLiteral("timeclock.addEntry"),
                        {{QStringLiteral("userId"), vol.toString(QUuid::WithoutBraces)},
                            {QStringLiteral("teamId"),
                                resultOf(admin.call(QStringLiteral("teams.list")))
                                    .value(QStringLiteral("teams"))
                                    .toArray()
                                    .at(0)[QStringLiteral("id")]},
                            {QStringLiteral("start"), wireTime(start)}})
                    .contains(QStringLiteral("result")));
        const Run stopped = run(
            {QStringLiteral("--stop-ongoing"), QStringLiteral("--org"), QStringLiteral("Fair")});
        QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.err));
        QCOMPARE(stopped.out.trimmed(), QStringLiteral("stopped 1 ongoing shift"));
        const PgResult entry
            = m_server->sql().exec("SELECT auto_stopped, extract(epoch FROM stop_at - "
                                   "start_at)::int FROM time_entries WHERE user_id = $1",
                PgParams() << vol);
        QVERIFY(entry.toBool(0, 0));
        QCOMPARE(entry.toInt(0, 1), 3600);
        QCOMPARE(
            run({QStringLiteral("--stop-ongoing"), QStringLiteral("--org"), QStringLiteral("Fair")})
                .out.trimmed(),
            QStringLiteral("stopped 0 ongoing shifts"));

        // --export-report writes the same CSV that reports.get gives.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("hours.csv"));
        const Run exported = run({QStringLiteral("--export-report"), QStringLiteral("hours"),
            QStringLiteral("--event"), QStringLiteral("fair 2026"), QStringLiteral("--format"),
            QStringLiteral("csv"), QStringLiteral("--output"), file});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QFile csv(file);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray written = csv.readAll();
        QCOMPARE(QString::fromUtf8(written),
            resultOf(admin.call(QStringLiteral("reports.get"),
                         {{QStringLiteral("type"), QStringLiteral("hours")},
                             {QStringLiteral("format"), QStringLiteral("csv")}}))
                .value(QStringLiteral("csv"))
                .toString());
        QVERIFY(written.contains("fairvol"));
        const Run toStdout = run({QStringLiteral("--export-report"), QStringLiteral("unclocked"),
            QStringLiteral("--event"), QStringLiteral("Fair 2026")});
        QVERIFY(toStdout.out.startsWith(
            QStringLiteral("Badge,Name,Team,Check-in,Automatic check-out\r\n7,")));
        // The same report as a workbook and as a PDF, opened the way people's tools open them.
        const QString xlsx = dir.filePath(QStringLiteral("hours.xlsx"));
        const Run workbook = run({QStringLiteral("--export-report"), QStringLiteral("hours"),
            QStringLiteral("--event"), QStringLiteral("Fair 2026"), QStringLiteral("--format"),
            QStringLiteral("xlsx"), QStringLiteral("--output"), xlsx});
        QVERIFY2(workbook.exitCode == 0, qPrintable(workbook.err));
        const QString sheet = toolOutput(QStringLiteral("unzip"),
            {QStringLiteral("-p"), xlsx, QStringLiteral("xl/worksheets/sheet1.xml")});
        const QString strings = toolOutput(QStringLiteral("unzip"),
            {QStringLiteral("-p"), xlsx, QStringLiteral("xl/sharedStrings.xml")});
        QVERIFY2(strings.contains(QStringLiteral("fairvol")), qPrintable(strings));
        QVERIFY(strings.contains(QStringLiteral("Hours worked")));
        QVERIFY(strings.contains(QStringLiteral("Total (")));
        QVERIFY(sheet.contains(QStringLiteral("<pane "))); // the titles stay on screen
        QVERIFY(sheet.contains(QStringLiteral("t=\"s\""))); // text cells
        QVERIFY(sheet.contains(QStringLiteral("<v>"))); // and numbers as numbers
        QVERIFY((QFileInfo(xlsx).permissions() & QFileDevice::ReadOther) != 0);
        const QString pdf = dir.filePath(QStringLiteral("hours.pdf"));
        const Run printed = run({QStringLiteral("--export-report"), QStringLiteral("hours"),
            QStringLiteral("--event"), QStringLiteral("Fair 2026"), QStringLiteral("--format"),
            QStringLiteral("pdf"), QStringLiteral("--output"), pdf});
        QVERIFY2(printed.exitCode == 0, qPrintable(printed.err));
        const QString text = toolOutput(
            QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QVERIFY2(text.contains(QStringLiteral("Hours")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Fair 2026")));
        QVERIFY(text.contains(QStringLiteral("fairvol")));
        QVERIFY(text.contains(QStringLiteral("Total (")));
        QVERIFY(text.contains(QStringLiteral("page 1")));
        QCOMPARE(run({QStringLiteral("--export-report"), QStringLiteral("hours"),
                         QStringLiteral("--event"), QStringLiteral("Fair 2026"),
                         QStringLiteral("--format"), QStringLiteral("doc"),
                         QStringLiteral("--output"), pdf})
                     .exitCode,
            2);

        QCOMPARE(run({QStringLiteral("--export-report"), QStringLiteral("hours"),
                         QStringLiteral("--event"), QStringLiteral("Nope")})
                     .exitCode,
            1);
        QCOMPARE(run({QStringLiteral("--export-report"), QStringLiteral("wages"),
                         QStringLiteral("--event"), QStringLiteral("Fair 2026")})
                     .exitCode,
            1);
        QCOMPARE(run({QStringLiteral("--export-report"), QStringLiteral("hours"),
                         QStringLiteral("--event"), QStringLiteral("Fair 2026"),
                         QStringLiteral("--format"), QStringLiteral("pdf")})
                     .exitCode,
            2);
        QCOMPARE(run({QStringLiteral("--export-report"), QStringLiteral("hours")}).exitCode, 2);
    }

    // --seed-demo makes an organisation one can clock in at: the printed badge and PIN sign in
    // at a kiosk, the demo teams are offered, the event is active; a second run keeps one of each.
    void seedDemoMakesATimeClockToTry()
    {
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Demo")).isNull());
        QVERIFY(
            !m_server->createUser(QStringLiteral("demolead"), QStringLiteral("Demo"), Role::Lead)
                 .isNull());
        QVERIFY(
            !m_server->createUser(
                         QStringLiteral("demovol"), QStringLiteral("Demo"), Role::Volunteer)
                 .isNull());
        QVERIFY(
            !m_server
                 ->createUser(QStringLiteral("demoguest"), QStringLiteral("Demo"), Role::Attendee)
                 .isNull());
        QCOMPARE(run({QStringLiteral("--seed-demo")}).exitCode, 2); // needs --org
        Run seeded
            = run({QStringLiteral("--seed-demo"), QStringLiteral("--org"), QStringLiteral("Demo")});
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
        seeded
            = run({QStringLiteral("--seed-demo"), QStringLiteral("--org"), QStringLiteral("Demo")});
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
        QHash<QString, QStringList> badges; // login → {badge, pin}
        for (const QString &line : seeded.out.split(QLatin1Char('\n'))) {
            const QStringList f = line.split(QLatin1Char(' '));
            if (f.size() == 4 && f.first() == QLatin1String("badge"))
                badges.insert(f.at(1), {f.at(2), f.at(3)});
        }
        QCOMPARE(badges.size(), 2); // not the attendee, nor the crowd
        QVERIFY(badges.contains(QStringLiteral("demovol")));
        // A crowd worth managing, made once: shifts yesterday, a dozen on shift now (in the
        // shift state), and none for the people who sign in, so they can clock in.
        const auto demoCount = [this](const char *where) {
            return m_server->sql()
                .exec(QByteArray("SELECT count(*) FROM users u JOIN organisations o ON"
                                 " o.id = u.organisation_id WHERE o.name = 'Demo' AND ")
                    + where)
                .toInt(0, 0);
        };
        QCOMPARE(demoCount("u.login LIKE 'crowd%'"), 150);
        QVERIFY(demoCount("EXISTS (SELECT 1 FROM time_entries e WHERE e.user_id = u.id"
                          " AND e.stop_at IS NOT NULL)")
            > 100);
        QCOMPARE(demoCount("EXISTS (SELECT 1 FROM time_entries e WHERE e.user_id = u.id"
                           " AND e.stop_at IS NULL)"),
            12);
        QCOMPARE(demoCount("EXISTS (SELECT 1 FROM time_entries e WHERE e.user_id = u.id"
                           " AND e.stop_at IS NULL) AND u.state_id = (SELECT id FROM states s"
                           " WHERE s.organisation_id = u.organisation_id AND s.is_shift)"),
            12);
        // Two forgotten clock-outs waiting for a manager's decision (made once, too).
        QCOMPARE(demoCount("EXISTS (SELECT 1 FROM stop_corrections c WHERE c.user_id = u.id"
                           " AND c.status = 'pending')"),
            2);
        QCOMPARE(demoCount("u.login = 'demovol' AND EXISTS (SELECT 1 FROM time_entries e"
                           " WHERE e.user_id = u.id AND e.stop_at IS NULL)"),
            0);
        QCOMPARE(
            m_server->sql()
                .exec(
                    "SELECT count(*) FROM events e JOIN organisations o ON o.id = e.organisation_id"
                    " WHERE o.name = 'Demo'")
                .toInt(0, 0),
            1);
        // The anteroom to try has a logo: stored once, named by its hash.
        QCOMPARE(
            m_server->sql()
                .exec("SELECT count(*) FROM chat_logos l JOIN chat_settings s USING"
                      " (organisation_id) JOIN organisations o ON o.id = s.organisation_id"
                      " WHERE o.name = 'Demo' AND s.logo_sha256 = encode(sha256(l.data), 'hex')")
                .toInt(0, 0),
            1);

        TestClient lead;
        QVERIFY(lead.signIn(m_server->wsUrl(), QStringLiteral("demolead")));
        TestClient kiosk;
        QVERIFY(kiosk.open(m_server->wsUrl()));
        QVERIFY(!pairKiosk(kiosk, lead, QStringLiteral("Demo kiosk")).deviceToken.isEmpty());
        const QStringList vol = badges.value(QStringLiteral("demovol"));
        QVERIFY(kiosk
                    .call(QStringLiteral("kiosk.signIn"),
                        {{QStringLiteral("badge"), vol.at(0)}, {QStringLiteral("pin"), vol.at(1)}})
                    .contains(QStringLiteral("result")));
        const QJsonArray teams = resultOf(kiosk.call(QStringLiteral("teams.list")))
                                     .value(QStringLiteral("teams"))
                                     .toArray();
        QStringList names;
        for (const QJsonValue &t : teams)
            names << t[QStringLiteral("name")].toString();
        QVERIFY2(names.contains(QStringLiteral("Kitchen")), qPrintable(names.join(u',')));
        QVERIFY(!names.contains(QStringLiteral("Security"))); // hidden from volunteers
        QString kitchen;
        for (const QJsonValue &t : teams) {
            if (t[QStringLiteral("name")].toString() == QLatin1String("Kitchen"))
                kitchen = t[QStringLiteral("id")].toString();
        }
        QVERIFY(kiosk
                    .call(QStringLiteral("timeclock.clockIn"),
                        {{QStringLiteral("teamId"), kitchen},
                            {QStringLiteral("actionId"), newActionId()}})
                    .contains(QStringLiteral("result")));
        QCOMPARE(resultOf(kiosk.call(QStringLiteral("rewards.list")))
                     .value(QStringLiteral("rewards"))
                     .toArray()
                     .size(),
            3);
    }

    void migrateIsIdempotent()
    {
        const Run r = run({QStringLiteral("--migrate")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("up to date")));
    }
};

QTEST_GUILESS_MAIN(TestAdminCli)
#include "tst_admincli.moc"
