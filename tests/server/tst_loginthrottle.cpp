// The sign-in throttle on its own: limits per account and address, the sliding window, success
// clearing an account, and memory that does not grow with a spray of made-up logins.
#include "services/loginthrottle.h"

#include <QTest>

using namespace Muster;

class TestLoginThrottle : public QObject
{
    Q_OBJECT
private:
    const QDateTime t0 {QDate(2026, 11, 25), QTime(9, 0), Qt::UTC};

private Q_SLOTS:
    void perAccountWithinTheWindow()
    {
        LoginThrottle throttle({3, 100, std::chrono::minutes(15)});
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(throttle.retryAfter(QStringLiteral("ada"), QStringLiteral("a1"), t0), 0);
            throttle.recordFailure(QStringLiteral("ada"), QStringLiteral("a1"), t0.addSecs(i * 60));
        }
        // Refused until the oldest failure leaves the window (09:15).
        QCOMPARE(
            throttle.retryAfter(QStringLiteral("ada"), QStringLiteral("a2"), t0.addSecs(300)), 600);
        QCOMPARE(
            throttle.retryAfter(QStringLiteral("ada"), QStringLiteral("a2"), t0.addSecs(15 * 60)),
            0);
        // Other accounts are not affected.
        QCOMPARE(
            throttle.retryAfter(QStringLiteral("bo"), QStringLiteral("a2"), t0.addSecs(300)), 0);
        throttle.recordSuccess(QStringLiteral("ada"));
        QCOMPARE(
            throttle.retryAfter(QStringLiteral("ada"), QStringLiteral("a2"), t0.addSecs(300)), 0);
    }

    void perAddress()
    {
        LoginThrottle throttle({100, 2, std::chrono::minutes(15)});
        throttle.recordFailure(QStringLiteral("x"), QStringLiteral("10.0.0.1"), t0);
        throttle.recordFailure(QStringLiteral("y"), QStringLiteral("10.0.0.1"), t0);
        QVERIFY(throttle.retryAfter(QStringLiteral("z"), QStringLiteral("10.0.0.1"), t0) > 0);
        QCOMPARE(throttle.retryAfter(QStringLiteral("z"), QStringLiteral("10.0.0.2"), t0), 0);
    }

    void forgetsOldKeys()
    {
        LoginThrottle throttle({5, 100000, std::chrono::minutes(15)});
        for (int i = 0; i < 10001; ++i)
            throttle.recordFailure(QStringLiteral("made-up-%1").arg(i), QStringLiteral("a"), t0);
        QVERIFY(throttle.trackedKeys() > 10000);
        throttle.recordFailure(QStringLiteral("late"), QStringLiteral("a"), t0.addSecs(16 * 60));
        QCOMPARE(throttle.trackedKeys(), 2); // "late" and the address
    }
};

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
