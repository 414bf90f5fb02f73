// The password rules app and server share: what a person choosing a password is told, and what
// is let through.
#include "domain/passwordpolicy.h"

#include <QTest>

using namespace Muster;

class TestPasswordPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void judged_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("problem"); // the start of it; "" when acceptable

        QTest::newRow("short") << QStringLiteral("2short")
                               << QStringLiteral("A password has at least");
        // Characters, not UTF-16 units: four emoji are four characters, not eight.
        QTest::newRow("four emoji")
            << QStringLiteral("🐱🐶🐭🐹") << QStringLiteral("A password has at least");
        QTest::newRow("too long") << QString(201, u'x') + u'y'
                                  << QStringLiteral("A password has at most");
        QTest::newRow("one character")
            << QStringLiteral("zzzzzzzzzz") << QStringLiteral("That password is a plain run");
        QTest::newRow("counting up")
            << QStringLiteral("3456789:;<") << QStringLiteral("That password is a plain run");
        QTest::newRow("letters down")
            << QStringLiteral("hgfedcba") << QStringLiteral("That password is a plain run");
        QTest::newRow("common") << QStringLiteral("password")
                                << QStringLiteral("That is one of the passwords");
        QTest::newRow("common, other case")
            << QStringLiteral("PassWord") << QStringLiteral("That is one of the passwords");
        QTest::newRow("common with digits")
            << QStringLiteral("Sunshine2024!") << QStringLiteral("That is one of the passwords");
        QTest::newRow("keyboard") << QStringLiteral("qwertyuiop")
                                  << QStringLiteral("That is one of the passwords");
        QTest::newRow("not German either")
            << QStringLiteral("Passwort123") << QStringLiteral("That is one of the passwords");
        QTest::newRow("login inside")
            << QStringLiteral("my-Zelda-2026") << QStringLiteral("A password must not contain");
        QTest::newRow("organisation inside")
            << QStringLiteral("acmecon rocks") << QStringLiteral("A password must not contain");
        QTest::newRow("a phrase") << QStringLiteral("correct horse") << QString();
        QTest::newRow("eight that mean nothing") << QStringLiteral("k7#Rq2!x") << QString();
        QTest::newRow("common word inside a phrase")
            << QStringLiteral("dragon over the hill") << QString();
        QTest::newRow("accented") << QStringLiteral("Fête à Noël") << QString();
    }
    void judged()
    {
        QFETCH(QString, password);
        QFETCH(QString, problem);
        const QString said = PasswordPolicy::problem(
            password, {QStringLiteral("zelda"), QStringLiteral("Zel"), QStringLiteral("Acme Con")});
        if (problem.isEmpty())
            QVERIFY2(said.isEmpty(), qPrintable(said));
        else
            QVERIFY2(said.startsWith(problem), qPrintable(said));
    }

    void theRulesAreSaidBeforehand()
    {
        QCOMPARE(PasswordPolicy::rules(),
            QStringLiteral(
                "At least 8 characters; not a common password, nor your login or name."));
    }
};

QTEST_GUILESS_MAIN(TestPasswordPolicy)
#include "tst_passwordpolicy.moc"
