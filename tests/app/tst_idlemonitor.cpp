// The desktop's idle time: under X11 (run this under Xvfb with QT_QPA_PLATFORM=xcb) it must be
// read and must fall back to zero after input; offscreen, with no desktop to ask, it must say
// "not supported" rather than invent a number.
#include "common/idlemonitor.h"

#include <QGuiApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Muster;

class TestIdleMonitor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void answersOrSaysItCannot()
    {
        IdleMonitor monitor;
        QSignalSpy idle(&monitor, &IdleMonitor::idleTime);
        QSignalSpy support(&monitor, &IdleMonitor::supportChanged);
        monitor.start(std::chrono::milliseconds(100));
        QTRY_VERIFY(idle.count() > 0 || support.count() > 0);
        const bool x11 = QGuiApplication::platformName() == QLatin1String("xcb");
        if (!monitor.isSupported()) {
            QVERIFY2(!x11, "X11 offers the screensaver extension: idle time must be read");
            QCOMPARE(support.count(), 1);
            QCOMPARE(support.first().first().toBool(), false);
            return;
        }
        QTRY_VERIFY(idle.count() > 0);
        const auto first = idle.last().first().value<std::chrono::milliseconds>();
        QVERIFY(first < std::chrono::hours(24 * 365));
        if (x11 && QStandardPaths::findExecutable(QStringLiteral("xdotool")).size()) {
            // Idle time grows while nobody touches anything, and input resets it.
            QTest::qWait(1200);
            QTRY_VERIFY(idle.last().first().value<std::chrono::milliseconds>()
                >= std::chrono::milliseconds(1000));
            QCOMPARE(QProcess::execute(QStringLiteral("xdotool"),
                         {QStringLiteral("mousemove"), QStringLiteral("5"), QStringLiteral("5")}),
                0);
            QTRY_VERIFY(idle.last().first().value<std::chrono::milliseconds>()
                < std::chrono::milliseconds(500));
        }
    }
};

QTEST_MAIN(TestIdleMonitor)
#include "tst_idlemonitor.moc"
