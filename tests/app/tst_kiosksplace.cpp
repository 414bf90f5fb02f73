// The Kiosks place driven offscreen against a real server, as a lead runs it: approving a kiosk
// that waits with its code (typed in lower case, as people do), a wrong code explained, renaming,
// renewing and revoking, and a second lead's screen following each change live. Which roles are
// offered the place at all, and refusals in words rather than protocol messages.
#include "client/connection.h"
#include "client/serverurl.h"
#include "common/errortext.h"
#include "desktophelpers.h"
#include "kiosks/kioskspage.h"
#include "shell/mainwindow.h"
#include "testclient.h"
#include "testserver.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

class TestKiosksPlace : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;

    // A kiosk that asks to be paired: what kiosk.register answered (the code it shows, the
    // device token it keeps), on the connection it waits on.
    QJsonObject registerKiosk(TestClient &kiosk)
    {
        if (!kiosk.open(m_server->wsUrl()))
            return {};
        return resultOf(kiosk.call(QStringLiteral("kiosk.register")));
    }

    static void typeApproval(KiosksPage &page, const QString &code, const QString &name,
        const QString &location = QString())
    {
        auto *codeField = page.findChild<QLineEdit *>(QStringLiteral("pairingCode"));
        auto *nameField = page.findChild<QLineEdit *>(QStringLiteral("kioskName"));
        auto *locationField = page.findChild<QLineEdit *>(QStringLiteral("kioskLocation"));
        codeField->clear();
        nameField->clear();
        locationField->clear();
        QTest::keyClicks(codeField, code);
        QTest::keyClicks(nameField, name);
        QTest::keyClicks(locationField, location);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Con")).isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("lena"), QStringLiteral("Con"), Role::Lead)
                     .isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("liam"), QStringLiteral("Con"), Role::Lead)
                     .isNull());
        QVERIFY(!m_server->createUser(QStringLiteral("sid"), QStringLiteral("Con"), Role::Staff)
                     .isNull());
        QVERIFY(
            !m_server->createUser(QStringLiteral("vera"), QStringLiteral("Con"), Role::Volunteer)
                 .isNull());
    }
    void cleanupTestCase() { m_server.reset(); }

    // A volunteer and a member of staff see no manager place; a lead sees Kiosks, and of the
    // manager places only Kiosks.
    void offeredByRole()
    {
        Connection vera;
        QVERIFY(signIn(vera, *m_server, QStringLiteral("vera")));
        MainWindow volunteerWindow(vera);
        QVERIFY(!volunteerWindow.offeredPlaces().contains(QStringLiteral("kiosks")));
        QVERIFY(!volunteerWindow.offeredPlaces().contains(QStringLiteral("administration")));
        QVERIFY(!volunteerWindow.showPlace(QStringLiteral("kiosks")));

        Connection sid;
        QVERIFY(signIn(sid, *m_server, QStringLiteral("sid")));
        MainWindow staffWindow(sid);
        QVERIFY(!staffWindow.offeredPlaces().contains(QStringLiteral("kiosks")));

        Connection lena;
        QVERIFY(signIn(lena, *m_server, QStringLiteral("lena")));
        MainWindow leadWindow(lena);
        QVERIFY(leadWindow.offeredPlaces().contains(QStringLiteral("kiosks")));
        QVERIFY(!leadWindow.offeredPlaces().contains(QStringLiteral("administration")));
        QVERIFY(leadWindow.showPlace(QStringLiteral("kiosks")));
        QVERIFY(qobject_cast<KiosksPage *>(leadWindow.placePage(QStringLiteral("kiosks"))));
    }

    void approveRenameRenewRevoke()
    {
        Connection lena;
        QVERIFY(signIn(lena, *m_server, QStringLiteral("lena")));
        Connection liam;
        QVERIFY(signIn(liam, *m_server, QStringLiteral("liam")));
        KiosksPage page(lena);
        page.resize(900, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        KiosksPage other(liam); // a second lead, side by side
        QTRY_VERIFY(page.kiosks().isLoaded());
        QTRY_VERIFY(other.kiosks().isLoaded());

        // Nothing yet: the list says what to do instead of standing empty.
        auto *stack = page.findChild<QStackedWidget *>();
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("noKiosks"));
        auto *approve = page.findChild<QPushButton *>(QStringLiteral("approve"));
        QVERIFY(!approve->isEnabled());

        // A wrong code says what to check, in words.
        typeApproval(page, QStringLiteral("zzzzzz"), QStringLiteral("Front desk"));
        QCOMPARE(page.findChild<QLineEdit *>(QStringLiteral("pairingCode"))->text(),
            QStringLiteral("ZZZZZZ"));
        QVERIFY(approve->isEnabled());
        QTest::mouseClick(approve, Qt::LeftButton);
        QTRY_VERIFY(
            page.message().contains(QStringLiteral("No kiosk is waiting with the code ZZZZZZ")));

        // The code as the kiosk shows it, typed in lower case; Enter approves.
        TestClient kiosk;
        const QJsonObject registration = registerKiosk(kiosk);
        const QString code = registration.value(QStringLiteral("pairingCode")).toString();
        QCOMPARE(code.size(), 6);
        typeApproval(page, code.toLower(), QStringLiteral("Front desk"), QStringLiteral("Hall B"));
        QTest::keyClick(
            page.findChild<QLineEdit *>(QStringLiteral("kioskLocation")), Qt::Key_Return);
        QTRY_COMPARE(page.kiosks().rowCount(), 1);
        QVERIFY(page.message().contains(QStringLiteral("“Front desk” is approved")));
        QVERIFY(!kiosk.waitForPush(QStringLiteral("kiosk.approved")).isEmpty());
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("kiosks"));
        QVERIFY(page.findChild<QLineEdit *>(QStringLiteral("pairingCode"))->text().isEmpty());
        const QString kioskId = page.selectedKiosk();
        QVERIFY(!kioskId.isEmpty());
        const QModelIndex row = page.kiosks().index(0, KioskListModel::StatusColumn);
        QCOMPARE(row.data().toString(), QStringLiteral("Approved"));
        QCOMPARE(page.kiosks().index(0, KioskListModel::LocationColumn).data().toString(),
            QStringLiteral("Hall B"));
        QCOMPARE(page.kiosks().index(0, KioskListModel::LastSeenColumn).data().toString(),
            QStringLiteral("Never connected"));
        // The other lead sees it at once.
        QTRY_COMPARE(other.kiosks().rowCount(), 1);
        // It connects: "last connected" moves on both screens.
        QVERIFY(resultOf(kiosk.call(QStringLiteral("kiosk.resume"),
                             {{QStringLiteral("deviceToken"),
                                 registration.value(QStringLiteral("deviceToken"))}}))
                    .contains(QStringLiteral("kiosk")));
        QTRY_COMPARE(page.kiosks().index(0, KioskListModel::LastSeenColumn).data().toString(),
            QStringLiteral("Just now"));
        QTRY_COMPARE(other.kiosks().index(0, KioskListModel::LastSeenColumn).data().toString(),
            QStringLiteral("Just now"));

        // A second kiosk may not take the first one's name: the clash is said plainly.
        TestClient second;
        const QString secondCode
            = registerKiosk(second).value(QStringLiteral("pairingCode")).toString();
        typeApproval(page, secondCode, QStringLiteral("front desk"));
        QTest::mouseClick(approve, Qt::LeftButton);
        QTRY_VERIFY(page.message().contains(QStringLiteral("already called")));
        typeApproval(page, secondCode, QStringLiteral("Cloakroom"));
        QTest::mouseClick(approve, Qt::LeftButton);
        QTRY_COMPARE(page.kiosks().rowCount(), 2);
        QTRY_COMPARE(other.kiosks().rowCount(), 2);
        // Sorted by name: the cloakroom first.
        QCOMPARE(page.kiosks().index(0, 0).data().toString(), QStringLiteral("Cloakroom"));
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(page.grab().save(QDir(shots).filePath(QStringLiteral("kiosks.png"))));

        // Rename the front desk through its dialog; the other lead's list follows.
        auto *table = page.findChild<QTableView *>(QStringLiteral("kiosks"));
        table->selectRow(page.kiosks().rowOf(kioskId));
        QCOMPARE(page.selectedKiosk(), kioskId);
        page.editSelected();
        auto *editor = page.findChild<QDialog *>(QStringLiteral("kioskEditor"));
        QVERIFY(editor);
        auto *name = editor->findChild<QLineEdit *>(QStringLiteral("name"));
        name->setText(QStringLiteral("Cloakroom"));
        editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        auto *problem = editor->findChild<QLabel *>(QStringLiteral("problem"));
        QTRY_VERIFY(problem->text().contains(QStringLiteral("already called")));
        QVERIFY(editor->isVisible());
        name->setText(QStringLiteral("Main entrance"));
        editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QTRY_VERIFY(!page.findChild<QDialog *>(QStringLiteral("kioskEditor")));
        QTRY_COMPARE(other.kiosks().index(other.kiosks().rowOf(kioskId), 0).data().toString(),
            QStringLiteral("Main entrance"));
        // The selection stays on the kiosk it was on, though it moved in the order.
        QCOMPARE(page.selectedKiosk(), kioskId);

        // Renew for a day: expiring within a day reads as "Expires soon".
        page.renewSelected();
        auto *renewal = page.findChild<QDialog *>(QStringLiteral("kioskRenewal"));
        QVERIFY(renewal);
        auto *lifetime = renewal->findChild<QComboBox *>(QStringLiteral("lifetime"));
        lifetime->setCurrentIndex(lifetime->findData(24));
        renewal->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QTRY_COMPARE(page.kiosks()
                         .index(page.kiosks().rowOf(kioskId), KioskListModel::StatusColumn)
                         .data()
                         .toString(),
            QStringLiteral("Expires soon"));
        QTRY_COMPARE(other.kiosks()
                         .index(other.kiosks().rowOf(kioskId), KioskListModel::StatusColumn)
                         .data()
                         .toString(),
            QStringLiteral("Expires soon"));

        // Revoke after a confirmation; the device is cut off and the kiosk cannot be changed.
        page.revokeSelected();
        auto *confirm = page.findChild<QMessageBox *>(QStringLiteral("confirmRevoke"));
        QVERIFY(confirm);
        QCOMPARE(confirm->defaultButton(), confirm->button(QMessageBox::Cancel));
        confirm->findChild<QPushButton *>(QStringLiteral("confirm"))->click();
        QVERIFY(kiosk.waitForDisconnect(5000));
        QTRY_COMPARE(page.kiosks()
                         .index(page.kiosks().rowOf(kioskId), KioskListModel::StatusColumn)
                         .data()
                         .toString(),
            QStringLiteral("Revoked"));
        QTRY_COMPARE(other.kiosks()
                         .index(other.kiosks().rowOf(kioskId), KioskListModel::StatusColumn)
                         .data()
                         .toString(),
            QStringLiteral("Revoked"));
        // Live kiosks first: the revoked one went to the end.
        QCOMPARE(page.kiosks().rowOf(kioskId), 1);
        QCOMPARE(page.selectedKiosk(), kioskId);
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("revoke"))->isEnabled());
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("edit"))->isEnabled());
    }

    // Refusals reach people in words, never as protocol messages (issue 12, item 7).
    void refusalsInWords()
    {
        RpcError invalid
            = RpcError::invalidParams(QStringLiteral("\"email\" is not an email address"));
        QCOMPARE(errorText(invalid), QStringLiteral("Email is not an email address."));
        QCOMPARE(errorText(invalid, {{QStringLiteral("email"), QStringLiteral("Your email")}}),
            QStringLiteral("Your email is not an email address."));
        QCOMPARE(
            errorText(RpcError::invalidParams(QStringLiteral("\"displayName\" must not be blank"))),
            QStringLiteral("Display name must not be blank."));
        QCOMPARE(errorText(RpcError::rateLimited(600)),
            QStringLiteral("Too many tries. Try again in 10 minutes."));
        const RpcError forbidden = RpcError::forbidden();
        QVERIFY(!errorText(forbidden).contains(forbidden.message));
    }
};

QTEST_MAIN(TestKiosksPlace)
#include "tst_kiosksplace.moc"
