// The wire threads' deadlines (wire/timerwheel): entries fire at their tick, in order, never
// early; the wait until the next one is what the epoll loop sleeps; entries past the wheel's
// reach fire at its edge for their owner to schedule again.
#include "wire/timerwheel.h"

#include <QTest>

#include <vector>

using namespace Muster;

class TestTimerWheel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void entriesFireAtTheirTickInOrder()
    {
        TimerWheel wheel(1000, 10, 64); // now 1000 ms, 10 ms ticks
        wheel.add(1, wheel.tickFor(1050));
        wheel.add(2, wheel.tickFor(1015)); // rounded up to 1020, never early
        wheel.add(3, wheel.tickFor(1050));
        QCOMPARE(wheel.size(), size_t(3));
        QCOMPARE(wheel.msUntilNext(1000), 20);
        std::vector<quint64> fired;
        const auto fire = [&](quint64 key, qint64) { fired.push_back(key); };
        wheel.expire(1019, fire);
        QVERIFY(fired.empty());
        wheel.expire(1020, fire);
        QCOMPARE(fired, std::vector<quint64>({2}));
        QCOMPARE(wheel.msUntilNext(1020), 30);
        wheel.expire(1100, fire);
        QCOMPARE(fired, std::vector<quint64>({2, 1, 3}));
        QCOMPARE(wheel.size(), size_t(0));
        QCOMPARE(wheel.msUntilNext(1100), -1); // nothing waits: the loop sleeps until woken
    }

    void aDueTimeInThePastFiresAtTheNextTick()
    {
        TimerWheel wheel(1000, 10, 64);
        const qint64 tick = wheel.tickFor(500);
        QCOMPARE(tick, 101); // the tick after now's, never one already expired
        wheel.add(7, tick);
        std::vector<quint64> fired;
        wheel.expire(1010, [&](quint64 key, qint64 at) {
            fired.push_back(key);
            QCOMPARE(at, tick);
        });
        QCOMPARE(fired, std::vector<quint64>({7}));
    }

    void entriesBeyondTheWheelFireAtItsEdge()
    {
        TimerWheel wheel(0, 10, 64); // reaches 630 ms ahead
        const qint64 tick = wheel.tickFor(60000);
        QCOMPARE(tick, 63);
        wheel.add(9, tick);
        // Rescheduled from the edge, it gets nearer each time and fires when due.
        qint64 now = 0;
        int hops = 0;
        bool due = false;
        while (!due && hops < 200) {
            now += qint64(wheel.msUntilNext(now));
            wheel.expire(now, [&](quint64 key, qint64) {
                ++hops;
                if (now >= 60000)
                    due = true;
                else
                    wheel.add(key, wheel.tickFor(60000));
            });
        }
        QVERIFY(due);
        QCOMPARE(now, qint64(60000));
        QVERIFY(hops < 100);
    }

    void callbacksMayAddEntries()
    {
        TimerWheel wheel(0, 10, 64);
        wheel.add(1, wheel.tickFor(10));
        int fired = 0;
        wheel.expire(10, [&](quint64 key, qint64) {
            ++fired;
            wheel.add(key + 1, wheel.tickFor(5)); // already past: the next tick
        });
        QCOMPARE(fired, 1);
        QCOMPARE(wheel.size(), size_t(1));
        QCOMPARE(wheel.msUntilNext(10), 10);
    }
};

QTEST_GUILESS_MAIN(TestTimerWheel)
#include "tst_timerwheel.moc"
