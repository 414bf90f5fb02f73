// Generated avatars: the same person always gets the same picture, different people different
// ones, at any size and pixel ratio.
#include "avatargenerator.h"

#include <QSet>
#include <QTest>
#include <QUuid>

using namespace Muster;

class TestAvatarGenerator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deterministic()
    {
        const QString id = QStringLiteral("01a21015-b9c2-7434-8cb6-7cba2bc93827");
        QCOMPARE(AvatarGenerator::generate(id, 48), AvatarGenerator::generate(id, 48));
        const QImage hiDpi = AvatarGenerator::generate(id, 48, 2.0);
        QCOMPARE(hiDpi.size(), QSize(96, 96));
        QCOMPARE(hiDpi.devicePixelRatio(), 2.0);
    }

    void distinct()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 50; ++i) {
            const QImage image = AvatarGenerator::generate(QUuid::createUuid().toString(), 32);
            seen.insert(
                QByteArray(reinterpret_cast<const char *>(image.constBits()), image.sizeInBytes()));
        }
        QVERIFY(seen.size() >= 49);
    }

    void roundedCornersAreTransparent()
    {
        const QImage image = AvatarGenerator::generate(QStringLiteral("x"), 40);
        QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
        QCOMPARE(qAlpha(image.pixel(20, 20)), 255);
    }
};

QTEST_GUILESS_MAIN(TestAvatarGenerator)
#include "tst_avatargenerator.moc"
