// "Time since" wording on the board; lengths worked and times of day as the places show them.
#include "util/clocktext.h"
#include "util/durationtext.h"
#include "util/elapsedtext.h"

#include <QLocale>
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

    void durations_data()
    {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("none") << 0 << QStringLiteral("0 min");
        QTest::newRow("minutes") << 45 * 60 + 59 << QStringLiteral("45 min");
        QTest::newRow("hours, minutes in two digits")
            << 2 * 3600 + 5 * 60 << QStringLiteral("2 h 05 min");
        QTest::newRow("long") << 26 * 3600 << QStringLiteral("26 h 00 min"); // never "1 d"
        QTest::newRow("negative") << -60 << QStringLiteral("0 min");
    }
    void durations()
    {
        QFETCH(int, seconds);
        QFETCH(QString, text);
        QCOMPARE(durationText(seconds), text);
    }

    // Times of day without seconds, even in a locale whose short format has them (issue 12,
    // item 10: "times with seconds").
    void timesOfDayHaveNoSeconds()
    {
        const QLocale before;
        for (const QLocale::Language language : {QLocale::C, QLocale::English, QLocale::German}) {
            QLocale::setDefault(QLocale(language));
            const QDateTime t(QDate(2026, 12, 4), QTime(14, 5, 37));
            const QString text = clockText(t);
            QVERIFY2(!text.contains(QStringLiteral("37")), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("05")), qPrintable(text));
            QVERIFY(dateTimeText(t).endsWith(text));
        }
        QLocale::setDefault(before);
        QCOMPARE(hoursText(3.25), QLocale().toString(3.3, 'f', 1) + QStringLiteral(" h"));
    }
};

QTEST_GUILESS_MAIN(TestElapsedText)
#include "tst_elapsedtext.moc"
