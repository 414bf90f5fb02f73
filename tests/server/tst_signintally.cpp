// What an operator reads of sign-ins: one line per interval with the count, not one per person.
#include "services/signintally.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTest>

using namespace Muster;

class TestSignInTally : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aBurstOfSignInsIsOneLine()
    {
        QStringList lines;
        static QStringList *sink = nullptr;
        sink = &lines;
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &context, const QString &message) {
                if (QByteArrayView(context.category) == "muster.auth")
                    sink->append(message);
            });
        SignInTally tally(std::chrono::milliseconds(1000));
        for (int i = 0; i < 500; ++i)
            tally.count(SignInTally::How::Resume);
        for (int i = 0; i < 3; ++i)
            tally.count(SignInTally::How::Password);
        QVERIFY(lines.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(lines.size(), 1, 3000);
        QCOMPARE(lines.first(),
            QStringLiteral(
                "503 sign-ins in the last 1 s (3 with a password, 500 resumed sessions)"));
        // Nothing more while nobody signs in.
        QTest::qWait(1500);
        QCOMPARE(lines.size(), 1);
        qInstallMessageHandler(previous);
    }
};

QTEST_GUILESS_MAIN(TestSignInTally)
#include "tst_signintally.moc"
