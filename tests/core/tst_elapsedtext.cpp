// "Time since" wording on the board.
#include "util/elapsedtext.h"

#include <QTest>

using namespace Muster;

class TestElapsedText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wording_data()
    {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("now") << 5 << QStringLiteral("just now");
        QTest::newRow("future clock skew") << -30 << QStringLiteral("just now");
        QTest::newRow("minutes") << 12 * 60 + 40 << QStringLiteral("12 min");
        QTest::newRow("hours and minutes") << 3 * 3600 + 5 * 60 << QStringLiteral("3 h 5 min");
        QTest::newRow("whole hours") << 2 * 3600 << QStringLiteral("2 h");
        QTest::newRow("long day") << 15 * 3600 + 59 * 60 << QStringLiteral("15 h");
        QTest::newRow("days") << 3 * 86400 + 100 << QStringLiteral("3 d");
    }
    void wording()
    {
        QFETCH(int, seconds);
        QFETCH(QString, text);
        const QDateTime now(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
        QCOMPARE(elapsedText(now.addSecs(-seconds), now), text);
        QCOMPARE(elapsedText(QDateTime(), now), QString());
    }
};

QTEST_GUILESS_MAIN(TestElapsedText)
#include "tst_elapsedtext.moc"
