// Where SQL may be written: in the server's stores (server/db/) and resources/ (migrations and
// function definitions), and in the kiosk's one local store (its SQLite outbox), nowhere else in
// the code that ships; and the audit trail is written by one function only.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

// A string literal that starts a statement. Words in prose ("select a state") never come right
// after a quote in upper case.
const QRegularExpression kStatement(
    QStringLiteral("\"\\s*(SELECT\\s|INSERT\\s+INTO\\s|UPDATE\\s+\\w+\\s+SET\\s|DELETE\\s+FROM\\s|"
                   "WITH\\s+\\w+\\s+AS\\s*\\(|CREATE\\s|ALTER\\s|DROP\\s|LISTEN\\s|NOTIFY\\s)"));

} // namespace

class TestSqlPlacement : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sqlLivesInStores()
    {
        const QString root = QStringLiteral(MUSTER_SOURCE_DIR);
        QStringList offenders;
        for (const QString &area : {QStringLiteral("server"), QStringLiteral("shared"),
                 QStringLiteral("app"), QStringLiteral("gui"), QStringLiteral("kiosk")}) {
            QDirIterator it(root + u'/' + area, {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                const QString relative = path.mid(root.size() + 1);
                if (relative.startsWith(QLatin1String("server/db/"))
                    || relative.startsWith(QLatin1String("kiosk/lib/outbox.")))
                    continue;
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadOnly));
                if (kStatement.match(QString::fromUtf8(f.readAll())).hasMatch())
                    offenders << relative;
            }
        }
        QVERIFY2(offenders.isEmpty(),
            qPrintable(QStringLiteral("SQL outside server/db/: ") + offenders.join(u' ')));
    }

    // Every change is recorded by muster_audit (resources/sql/02_audit.sql), so each record has
    // the same shape, old and new values included.
    void auditIsWrittenInOnePlace()
    {
        const QString root = QStringLiteral(MUSTER_SOURCE_DIR);
        static const QRegularExpression insert(QStringLiteral("INSERT\\s+INTO\\s+activities\\b"),
            QRegularExpression::CaseInsensitiveOption);
        QStringList writers;
        for (const QString &area : {QStringLiteral("server"), QStringLiteral("resources")}) {
            QDirIterator it(root + u'/' + area,
                {QStringLiteral("*.cpp"), QStringLiteral("*.h"), QStringLiteral("*.sql")},
                QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QString text = QString::fromUtf8(f.readAll());
                for (auto m = insert.globalMatch(text); m.hasNext(); m.next())
                    writers << path.mid(root.size() + 1);
            }
        }
        QCOMPARE(writers, QStringList {QStringLiteral("resources/sql/02_audit.sql")});
    }

    // The check itself finds what it must (a check that cannot fail is worth nothing).
    void theCheckSeesStatements()
    {
        QVERIFY(kStatement.match(QStringLiteral("q(\"SELECT id FROM users\")")).hasMatch());
        QVERIFY(kStatement.match(QStringLiteral("\" WITH k AS (UPDATE")).hasMatch());
        QVERIFY(kStatement.match(QStringLiteral("\"DELETE FROM kiosks\"")).hasMatch());
        QVERIFY(!kStatement.match(QStringLiteral("tr(\"Select a state\")")).hasMatch());
    }
};

QTEST_GUILESS_MAIN(TestSqlPlacement)
#include "tst_sqlplacement.moc"
