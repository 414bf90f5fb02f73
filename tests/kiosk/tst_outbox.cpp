// The kiosk's outbox on its own: what is queued is on disk in order and survives a reopen (a
// power cut), refused actions stay apart from the queue, nothing is stored that a PIN could be
// checked against, and the model keeps the QAbstractItemModel contract throughout.
#include "outbox.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Muster;

namespace {

Outbox::Action action(const QString &kind, const QString &badge, const QDateTime &at,
    const QString &teamId = QString())
{
    return {QUuid::createUuid().toString(QUuid::WithoutBraces), kind, badge, at, teamId,
        teamId.isEmpty() ? QString() : QStringLiteral("Kitchen"), false, QString(), QString()};
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void queuesInOrderAndSurvivesAReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("outbox.sqlite"));
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-600);
        QString firstId;
        {
            Outbox outbox;
            QAbstractItemModelTester tester(
                &outbox, QAbstractItemModelTester::FailureReportingMode::QtTest);
            QVERIFY2(outbox.open(path), qPrintable(outbox.errorString()));
            QSignalSpy counts(&outbox, &Outbox::countsChanged);
            const Outbox::Action in = action(QStringLiteral("clockIn"), QStringLiteral("1001"), t0,
                QStringLiteral("0190c2a4-0000-7000-8000-000000000001"));
            firstId = in.actionId;
            QVERIFY(outbox.enqueue(in));
            // A clock-out has no team: stored as empty text, not refused as NULL.
            QVERIFY(outbox.enqueue(
                action(QStringLiteral("clockOut"), QStringLiteral("1001"), t0.addSecs(300))));
            QVERIFY(outbox.enqueue(action(QStringLiteral("clockIn"), QStringLiteral("1002"),
                t0.addSecs(60), QStringLiteral("0190c2a4-0000-7000-8000-000000000001"))));
            QCOMPARE(outbox.queuedCount(), 3);
            QCOMPARE(counts.size(), 3);
            // The same action id twice is one action.
            QVERIFY(outbox.enqueue(in));
            QCOMPARE(outbox.queuedCount(), 3);
            QCOMPARE(outbox.lastQueuedKind(QStringLiteral("1001")), QStringLiteral("clockOut"));
            outbox.remember(QStringLiteral("teams"), {{QStringLiteral("teams"), 3}});
        }
        Outbox reopened;
        QAbstractItemModelTester tester(
            &reopened, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(reopened.open(path));
        const QList<Outbox::Action> queued = reopened.queued();
        QCOMPARE(queued.size(), 3);
        // In the order they were taken at the kiosk, each with its own time to the millisecond.
        QCOMPARE(queued.at(0).actionId, firstId);
        QCOMPARE(queued.at(0).at, t0);
        QCOMPARE(queued.at(1).kind, QStringLiteral("clockOut"));
        QCOMPARE(queued.at(2).badge, QStringLiteral("1002"));
        QCOMPARE(Outbox::toReplay(queued.at(0)).value(QStringLiteral("teamId")).toString(),
            QStringLiteral("0190c2a4-0000-7000-8000-000000000001"));
        QVERIFY(!Outbox::toReplay(queued.at(1)).contains(QStringLiteral("teamId")));
        QCOMPARE(
            reopened.recall(QStringLiteral("teams")).value(QStringLiteral("teams")).toInt(), 3);
        QCOMPARE(reopened.queued(2).size(), 2);
    }

    void refusedActionsLeaveTheQueueButStay()
    {
        QTemporaryDir dir;
        Outbox outbox;
        QAbstractItemModelTester tester(
            &outbox, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(outbox.open(dir.filePath(QStringLiteral("outbox.sqlite"))));
        const Outbox::Action stale = action(QStringLiteral("clockOut"), QStringLiteral("7"),
            QDateTime::currentDateTimeUtc().addSecs(-13 * 3600));
        const Outbox::Action placed = action(
            QStringLiteral("clockOut"), QStringLiteral("8"), QDateTime::currentDateTimeUtc());
        QVERIFY(outbox.enqueue(stale));
        QVERIFY(outbox.enqueue(placed));
        outbox.markRefused(stale.actionId, QStringLiteral("stale_action"), QString());
        outbox.remove(placed.actionId);
        QCOMPARE(outbox.queuedCount(), 0);
        QCOMPARE(outbox.refusedCount(), 1);
        QVERIFY(outbox.queued().isEmpty());
        QCOMPARE(outbox.rowCount(), 1);
        QCOMPARE(
            outbox.index(0).data(Outbox::ReasonRole).toString(), QStringLiteral("stale_action"));
        QVERIFY(outbox.index(0).data(Outbox::RefusedRole).toBool());
        outbox.clearRefused();
        QCOMPARE(outbox.rowCount(), 0);
    }

    // A stolen kiosk gives nothing away: the file holds badges and times, never a PIN.
    void holdsNoSecret()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("outbox.sqlite"));
        {
            Outbox outbox;
            QVERIFY(outbox.open(path));
            QVERIFY(outbox.enqueue(action(QStringLiteral("clockIn"), QStringLiteral("4242"),
                QDateTime::currentDateTimeUtc())));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll() + QFile(path + u"-wal").readAll();
        QVERIFY(!bytes.contains("pin"));
        QVERIFY(!bytes.contains("argon2"));
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
