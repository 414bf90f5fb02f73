// The real muster-server on its embedded PostgreSQL when PostgreSQL dies: it is started again,
// the server serves again, /healthz answers at once all along, and a shutdown in any of those
// states is clean.
#include "postmaster.h"
#include "testclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Muster;
using namespace Muster::Test;

namespace {

struct Probe
{
    int status = 0; // 0: no answer
    qint64 elapsedMs = 0;
};

Probe probeHealth(QNetworkAccessManager &manager, quint16 port)
{
    QElapsedTimer timer;
    timer.start();
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/healthz").arg(port)));
    request.setTransferTimeout(5000);
    QNetworkReply *reply = manager.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        (void)finished.wait(6000);
    const Probe p {
        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), timer.elapsed()};
    reply->deleteLater();
    return p;
}

} // namespace

class TestDatabaseRecovery : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir {QStringLiteral("/tmp/muster-recovery-XXXXXX")};
    QString binary() const { return qEnvironmentVariable("MUSTER_SERVER_BINARY"); }
    QString logFile() const { return m_dir.path() + QStringLiteral("/server.log"); }
    QByteArray logTail() const
    {
        QFile f(logFile());
        return f.open(QIODevice::ReadOnly) ? f.readAll().right(3000) : QByteArray();
    }

    int runCommand(const QStringList &args)
    {
        QProcess p;
        p.start(binary(), QStringList {QStringLiteral("--data-dir"), m_dir.path()} + args);
        if (!p.waitForFinished(120000))
            return -1;
        return p.exitCode();
    }

    // Starts the server on a free port; returns the port, or 0.
    quint16 startServer(QProcess &server)
    {
        // Its log goes to a file, so a full pipe never stalls it (and the file tells what
        // happened).
        server.setStandardErrorFile(logFile(), QIODevice::Append);
        server.start(binary(),
            {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("--port"),
                QStringLiteral("0")});
        static const QRegularExpression listening(QStringLiteral("listening on [^:]+:(\\d+)"));
        QByteArray out;
        quint16 port = 0;
        (void)QTest::qWaitFor(
            [&] {
                out += server.readAllStandardOutput();
                const auto m = listening.match(QString::fromLatin1(out));
                port = m.hasMatch() ? quint16(m.captured(1).toUInt()) : 0;
                return port != 0 || server.state() == QProcess::NotRunning;
            },
            120000);
        return port;
    }

    bool stopServer(QProcess &server)
    {
        ::kill(pid_t(server.processId()), SIGTERM);
        return server.waitForFinished(30000) && server.exitStatus() == QProcess::NormalExit
            && server.exitCode() == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFile::exists(binary()));
        QCOMPARE(runCommand({QStringLiteral("--create-org"), QStringLiteral("Acme")}), 0);
        QProcess create;
        create.start(binary(),
            {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("--create-user"),
                QStringLiteral("ada"), QStringLiteral("--org"), QStringLiteral("Acme"),
                QStringLiteral("--role"), QStringLiteral("staff"),
                QStringLiteral("--password-stdin")});
        create.write("correct horse\n");
        create.closeWriteChannel();
        QVERIFY(create.waitForFinished(60000));
        QCOMPARE(create.exitCode(), 0);
    }

    void aKilledPostmasterIsBroughtBack()
    {
        QProcess server;
        const quint16 port = startServer(server);
        QVERIFY(port != 0);
        QNetworkAccessManager manager;
        // Listening comes before the pool's first connections are up: healthy within moments.
        QTRY_COMPARE_WITH_TIMEOUT(probeHealth(manager, port).status, 200, 10000);
        const qint64 before = postmasterPid(m_dir.path());
        QVERIFY(processAlive(before));

        ::kill(pid_t(before), SIGKILL);
        QElapsedTimer sinceKill;
        sinceKill.start();
        qint64 slowest = 0;
        int unavailable = 0;
        bool back = false;
        // Probed every 50 ms until it is healthy again: every probe is answered, quickly.
        while (sinceKill.elapsed() < 30000) {
            const Probe p = probeHealth(manager, port);
            QVERIFY2(p.status == 200 || p.status == 503, qPrintable(QString::number(p.status)));
            slowest = std::max(slowest, p.elapsedMs);
            unavailable += p.status == 503 ? 1 : 0;
            if (p.status == 200 && postmasterPid(m_dir.path()) != before) {
                back = true;
                break;
            }
            QTest::qWait(50);
        }
        qInfo() << "healthy again after" << sinceKill.elapsed() << "ms;" << unavailable
                << "probes said unavailable; slowest probe" << slowest << "ms";
        QVERIFY2(back, logTail().constData());
        // Generous against a busy machine; the figure above is what it really took.
        QVERIFY2(slowest < 1000, qPrintable(QString::number(slowest)));
        QVERIFY(processAlive(postmasterPid(m_dir.path())));

        // And it serves: the pool reconnected.
        QVERIFY(QTest::qWaitFor(
            [&] {
                TestClient c;
                return c.signIn(
                    QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)), QStringLiteral("ada"));
            },
            20000));
        const qint64 after = postmasterPid(m_dir.path());
        QVERIFY(stopServer(server));
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(after), 10000);
    }

    void aShutdownWhileTheDatabaseIsDownIsClean()
    {
        QProcess server;
        const quint16 port = startServer(server);
        QVERIFY(port != 0);
        const qint64 pid = postmasterPid(m_dir.path());
        ::kill(pid_t(pid), SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), 10000);
        QVERIFY2(stopServer(server), logTail().constData());
        // Nothing is left running on the data directory.
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(postmasterPid(m_dir.path())), 10000);
    }
};

QTEST_GUILESS_MAIN(TestDatabaseRecovery)
#include "tst_databaserecovery.moc"
