// The Shifts place driven offscreen against a real server, as a manager runs it: who is on shift
// now, live and filtered; a person's shifts; adding a forgotten shift; an overlap refused with
// the shift it runs into; a correction that needs a reason and shows old → new (and is audited);
// stopping and deleting shifts; a second manager's screen following. Leads are not offered it.
#include "client/connection.h"
#include "client/serverurl.h"
#include "desktophelpers.h"
#include "screenshots.h"
#include "shell/mainwindow.h"
#include "shifts/shifteditor.h"
#include "shifts/shiftspage.h"
#include "testclient.h"
#include "testserver.h"
#include "timeclockhelpers.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

class TestShiftsPlace : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    TestClient m_admin;
    QString m_registration;
    QString m_infoDesk;
    QHash<QString, QUuid> m_people;

    QString id(const QString &login) const
    {
        return m_people.value(login).toString(QUuid::WithoutBraces);
    }

    // Local wall-clock minutes, as the editor's fields hold them.
    static QDateTime minutesAgo(int minutes)
    {
        const QDateTime t = QDateTime::currentDateTime().addSecs(-60 * minutes);
        return QDateTime(t.date(), QTime(t.time().hour(), t.time().minute()));
    }

    static void setTimes(ShiftEditor *editor, const QDateTime &start, const QDateTime &stop)
    {
        editor->findChild<QDateTimeEdit *>(QStringLiteral("start"))->setDateTime(start);
        editor->findChild<QDateTimeEdit *>(QStringLiteral("stop"))->setDateTime(stop);
    }

    static void save(ShiftEditor *editor)
    {
        editor->findChild<QDialogButtonBox *>(QStringLiteral("buttons"))
            ->button(QDialogButtonBox::Save)
            ->click();
    }

    int entriesOf(const QString &login)
    {
        return m_server->sql()
            .exec("SELECT count(*) FROM time_entries WHERE user_id = $1",
                PgParams() << m_people.value(login))
            .toInt(0, 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Con")).isNull());
        const QList<std::tuple<QString, Role, QString>> people {
            {QStringLiteral("ada"), Role::Admin, QString()},
            {QStringLiteral("meg"), Role::Manager, QString()},
            {QStringLiteral("lou"), Role::Lead, QStringLiteral("300")},
            {QStringLiteral("vic"), Role::Volunteer, QStringLiteral("200")},
            {QStringLiteral("zoe"), Role::Volunteer, QStringLiteral("201")}};
        for (const auto &[login, role, badge] : people)
            m_people.insert(
                login, createBadgeHolder(*m_server, login, QStringLiteral("Con"), role, badge));
        QVERIFY(m_admin.signIn(m_server->wsUrl(), QStringLiteral("ada")));
        QVERIFY(!createActiveEvent(m_admin, QStringLiteral("Con 2026")).isEmpty());
        m_registration = createTeam(m_admin, QStringLiteral("Registration"));
        m_infoDesk = createTeam(m_admin, QStringLiteral("Info desk"));
        QVERIFY(!m_registration.isEmpty() && !m_infoDesk.isEmpty());
    }
    void cleanupTestCase() { m_server.reset(); }

    void offeredToManagers()
    {
        Connection lou;
        QVERIFY(signIn(lou, *m_server, QStringLiteral("lou")));
        MainWindow lead(lou);
        QVERIFY(!lead.offeredPlaces().contains(QStringLiteral("shifts")));
        Connection meg;
        QVERIFY(signIn(meg, *m_server, QStringLiteral("meg")));
        MainWindow manager(meg);
        QVERIFY(manager.offeredPlaces().contains(QStringLiteral("shifts")));
    }

    void managersRunShifts()
    {
        Connection meg;
        QVERIFY(signIn(meg, *m_server, QStringLiteral("meg")));
        Connection ada;
        QVERIFY(signIn(ada, *m_server, QStringLiteral("ada")));
        ShiftsPage page(meg);
        page.resize(1100, 750);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        ShiftsPage other(ada);
        QTRY_VERIFY(page.onShift().rowCount() == 0);

        // Vic is checked in elsewhere an hour ago: both managers see it at once.
        QVERIFY(!resultOf(m_admin.call(QStringLiteral("timeclock.addEntry"),
                              {{QStringLiteral("userId"), id(QStringLiteral("vic"))},
                                  {QStringLiteral("teamId"), m_registration},
                                  {QStringLiteral("start"),
                                      wireTime(QDateTime::currentDateTimeUtc().addSecs(-3600))},
                                  {QStringLiteral("actionId"), newActionId()}}))
                     .isEmpty());
        QTRY_COMPARE(page.onShift().rowCount(), 1);
        QTRY_COMPARE(other.onShift().rowCount(), 1);
        QCOMPARE(page.onShift().index(0, TimeEntryListModel::PersonColumn).data().toString(),
            QStringLiteral("vic (#200)"));
        QCOMPARE(page.onShift().index(0, TimeEntryListModel::WorkedColumn).data().toString(),
            QStringLiteral("1 h 00 min"));
        page.filterOnShift(QStringLiteral("zoe"));
        QCOMPARE(page.visibleOnShift(), 0);
        page.filterOnShift(QStringLiteral("registr"));
        QCOMPARE(page.visibleOnShift(), 1);
        page.filterOnShift(QStringLiteral("#200"));
        QCOMPARE(page.visibleOnShift(), 1);
        page.filterOnShift(QString());

        // Every time below is counted from one minute, so a minute turning mid-test moves none.
        const QDateTime base = minutesAgo(0);
        const auto ago = [&base](int minutes) { return base.addSecs(-60 * minutes); };

        // Her shifts: add one she forgot to clock, at the info desk, earlier today.
        page.showPerson(id(QStringLiteral("vic")));
        QTRY_COMPARE(page.personShifts().rowCount(), 1);
        QTRY_COMPARE(page.findChild<QComboBox *>(QStringLiteral("person"))->currentText(),
            QStringLiteral("vic"));
        ShiftEditor *editor = page.addShift();
        QVERIFY(editor);
        QVERIFY(!editor->findChild<QLineEdit *>(QStringLiteral("reason"))->isVisible());
        auto *team = editor->findChild<QComboBox *>(QStringLiteral("team"));
        QTRY_VERIFY(team->findText(QStringLiteral("Info desk")) >= 0);
        team->setCurrentIndex(team->findText(QStringLiteral("Info desk")));
        setTimes(editor, ago(300), ago(180));
        save(editor);
        QTRY_COMPARE(page.personShifts().rowCount(), 2);
        QTRY_VERIFY(!page.findChild<ShiftEditor *>());
        QCOMPARE(entriesOf(QStringLiteral("vic")), 2);
        QVERIFY(page.message().startsWith(QStringLiteral("Shift added for vic")));

        // Another one across it is refused, naming the shift it runs into.
        editor = page.addShift();
        setTimes(editor, ago(240), ago(120));
        save(editor);
        QTRY_VERIFY(
            editor->problem().contains(QStringLiteral("overlaps their shift at Info desk")));
        editor->reject();
        QCOMPARE(entriesOf(QStringLiteral("vic")), 2);

        // Correct the info desk shift: a reason is required, and the change shows old → new.
        const QString infoShift
            = page.personShifts().index(1, 0).data(TimeEntryListModel::IdRole).toString();
        page.selectShift(infoShift);
        editor = page.editSelected();
        QVERIFY(editor);
        editor->findChild<QDateTimeEdit *>(QStringLiteral("start"))->setDateTime(ago(330));
        QVERIFY(editor->changeSummary().startsWith(QStringLiteral("Start ")));
        QVERIFY(editor->changeSummary().contains(QStringLiteral("→")));
        QCOMPARE(editor->changes().keys(), QStringList({QStringLiteral("start")}));
        save(editor);
        QVERIFY(editor->problem().contains(QStringLiteral("Say why")));
        editor->findChild<QLineEdit *>(QStringLiteral("reason"))
            ->setText(QStringLiteral("Started before she found a kiosk"));
        save(editor);
        QTRY_VERIFY(
            page.message().startsWith(QStringLiteral("Corrected the shift of vic: Start ")));
        QCOMPARE(page.personShifts()
                     .index(page.personShifts().rowOf(infoShift), TimeEntryListModel::WorkedColumn)
                     .data()
                     .toString(),
            QStringLiteral("2 h 30 min"));
        QCOMPARE(m_server->auditCount(QStringLiteral("timeclock.update")), 1);
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty()) {
            page.selectShift(infoShift);
            ShiftEditor *shown = page.editSelected();
            shown->findChild<QComboBox *>(QStringLiteral("team"))
                ->setCurrentIndex(shown->findChild<QComboBox *>(QStringLiteral("team"))
                                      ->findText(QStringLiteral("Registration")));
            shown->findChild<QLineEdit *>(QStringLiteral("reason"))
                ->setText(QStringLiteral("Worked at Registration, not the info desk"));
            QVERIFY(QTest::qWaitForWindowExposed(shown));
            QVERIFY(saveScreenshots(*shown, QStringLiteral("shift-editor")));
            shown->reject();
            QVERIFY(saveScreenshots(page, QStringLiteral("shifts")));
        }

        // Stop the shift she is on: gone from "on shift now" on both screens.
        page.selectShift(page.onShift().index(0, 0).data(TimeEntryListModel::IdRole).toString());
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("stop"))->isEnabled());
        page.stopSelected();
        QTRY_COMPARE(page.onShift().rowCount(), 0);
        QTRY_COMPARE(other.onShift().rowCount(), 0);
        QVERIFY(page.message().startsWith(QStringLiteral("Stopped the shift of vic")));
        QTRY_VERIFY(
            !page.personShifts().index(0, 0).data(TimeEntryListModel::OngoingRole).toBool());

        // Delete the corrected one, with a reason.
        page.selectShift(infoShift);
        page.deleteSelected(QStringLiteral("Badge scanned twice"));
        QTRY_COMPARE(page.personShifts().rowCount(), 1);
        QCOMPARE(entriesOf(QStringLiteral("vic")), 1);
        QCOMPARE(m_server->auditCount(QStringLiteral("timeclock.delete")), 1);
    }
};

QTEST_MAIN(TestShiftsPlace)
#include "tst_shiftsplace.moc"
