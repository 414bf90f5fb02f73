// The server's folders are its layers: wire/ (sockets, frames) under net/ (connections, pushes)
// and db/ (stores), all below the services and never including them, so a new area (the chat)
// builds on them without a cycle.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

// What each lower layer may include from the server's own folders.
const QList<QPair<QString, QStringList>> kLayers {
    {QStringLiteral("server/db"), {QStringLiteral("db"), QStringLiteral("net")}},
    {QStringLiteral("server/net"), {QStringLiteral("net"), QStringLiteral("wire")}},
    {QStringLiteral("server/wire"), {QStringLiteral("wire")}},
};
const QStringList kServerFolders {QStringLiteral("app"), QStringLiteral("cli"),
    QStringLiteral("cluster"), QStringLiteral("db"), QStringLiteral("net"),
    QStringLiteral("reports"), QStringLiteral("services"), QStringLiteral("timeclock"),
    QStringLiteral("wire")};

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lowerLayersDoNotIncludeHigherOnes()
    {
        static const QRegularExpression include(
            QStringLiteral("^#include \"(\\w+)/"), QRegularExpression::MultilineOption);
        const QString root = QStringLiteral(MUSTER_SOURCE_DIR);
        QStringList offenders;
        int files = 0;
        for (const auto &[folder, allowed] : kLayers) {
            QDirIterator it(root + u'/' + folder, {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadOnly));
                ++files;
                for (auto m = include.globalMatch(QString::fromUtf8(f.readAll())); m.hasNext();) {
                    const QString target = m.next().captured(1);
                    if (kServerFolders.contains(target) && !allowed.contains(target))
                        offenders << path.mid(root.size() + 1) + QStringLiteral(" → ") + target;
                }
            }
        }
        QVERIFY(files > 20); // the walk found the layers at all
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
