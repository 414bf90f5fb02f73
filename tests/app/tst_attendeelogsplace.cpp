// The Attendee logs place offscreen against a real server: a manager makes a log and names a
// volunteer its gatekeeper; the volunteer's window then offers the place (and not before); at
// the door badges are typed as a scanner types them, Enter after each, without touching anything
// else, and the count in the office follows; a badge twice, a badge nobody has, and taking
// someone off the log say what happened.
#include "attendees/attendeelogspage.h"
#include "client/connection.h"
#include "desktophelpers.h"
#include "shell/mainwindow.h"
#include "timeclockhelpers.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

class TestAttendeeLogsPlace : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    TestClient m_admin;
    QHash<QString, QUuid> m_people;

    static void typeBadge(QLineEdit *field, const QString &badge)
    {
        // Into whatever has the focus, as a scanner does.
        QWidget *focused = QApplication::focusWidget();
        QVERIFY(focused == field);
        QTest::keyClicks(focused, badge);
        QTest::keyClick(focused, Qt::Key_Return);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Con")).isNull());
        for (const auto &[login, role, badge] :
            {std::tuple {QStringLiteral("ada"), Role::Admin, QString()},
                std::tuple {QStringLiteral("mo"), Role::Manager, QStringLiteral("100")},
                std::tuple {QStringLiteral("gus"), Role::Volunteer, QStringLiteral("200")},
                std::tuple {QStringLiteral("ana"), Role::Volunteer, QStringLiteral("301")},
                std::tuple {QStringLiteral("ben"), Role::Volunteer, QStringLiteral("302")}})
            m_people.insert(
                login, createBadgeHolder(*m_server, login, QStringLiteral("Con"), role, badge));
        QVERIFY(m_admin.signIn(m_server->wsUrl(), QStringLiteral("ada")));
        QVERIFY(!createActiveEvent(m_admin, QStringLiteral("Con 2026")).isEmpty());
    }
    void cleanupTestCase() { m_server.reset(); }

    void aGatekeeperLogsBadgesAndTheOfficeCountFollows()
    {
        Connection gus;
        QVERIFY(signIn(gus, *m_server, QStringLiteral("gus")));
        MainWindow gusWindow(gus);
        gusWindow.resize(1100, 700);
        gusWindow.show();
        QVERIFY(QTest::qWaitForWindowExposed(&gusWindow));
        // A volunteer who keeps no log is not offered the place.
        QTRY_VERIFY(gusWindow.offeredPlaces().contains(QStringLiteral("board")));
        QVERIFY(!gusWindow.offeredPlaces().contains(QStringLiteral("attendees")));

        // The manager makes a log and names Gus its gatekeeper.
        Connection mo;
        QVERIFY(signIn(mo, *m_server, QStringLiteral("mo")));
        AttendeeLogsPage office(mo);
        office.resize(1100, 700);
        office.show();
        QVERIFY(QTest::qWaitForWindowExposed(&office));
        QTRY_VERIFY(office.logs().isLoaded());
        office.createLog(QStringLiteral("Panel: Costume 101"));
        QTRY_COMPARE(office.logs().rowCount(), 1);
        QTRY_COMPARE(office.selectedLogId(),
            office.logs().index(0).data(AttendeeLogListModel::IdRole).toString());
        QCOMPARE(office.countText(), QStringLiteral("0 here"));
        office.addGatekeeper(m_people.value(QStringLiteral("gus")).toString(QUuid::WithoutBraces));
        QTRY_COMPARE(office.logs().logAt(0)->gatekeepers.size(), 1);

        // Now Gus is offered the place, at once, and the door is ready for a badge.
        QTRY_VERIFY(gusWindow.offeredPlaces().contains(QStringLiteral("attendees")));
        QVERIFY(gusWindow.showPlace(QStringLiteral("attendees")));
        auto *door
            = qobject_cast<AttendeeLogsPage *>(gusWindow.placePage(QStringLiteral("attendees")));
        QVERIFY(door);
        QTRY_VERIFY(!door->selectedLogId().isEmpty());
        // Gus's window is the one in front of him (the office is another person's screen).
        gusWindow.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&gusWindow));
        QTRY_COMPARE(QApplication::focusWidget(), door->badgeField());

        // A queue of badges, scanned: the field keeps the focus, each Enter logs one.
        typeBadge(door->badgeField(), QStringLiteral("301"));
        typeBadge(door->badgeField(), QStringLiteral("302"));
        QTRY_COMPARE(door->attendees().rowCount(), 2);
        // A badge nobody has, last, so that its answer is the message shown (answers to scans a
        // moment apart may come in either order).
        typeBadge(door->badgeField(), QStringLiteral("9999"));
        QTRY_COMPARE(door->attendees().rowCount(), 3);
        QCOMPARE(door->badgeField()->text(), QString());
        QCOMPARE(QApplication::focusWidget(), door->badgeField());
        QTRY_COMPARE(door->countText(), QStringLiteral("3 here"));
        QVERIFY(door->message().contains(u"nobody has it yet"));
        // (Two scans a moment apart may be logged in either order.)
        QStringList names;
        for (int row = 0; row < door->attendees().rowCount(); ++row)
            names << door->attendees().index(row, AttendeeListModel::NameColumn).data().toString();
        names.sort();
        QCOMPARE(names,
            QStringList({QStringLiteral("Badge 9999 (nobody has this badge yet)"),
                QStringLiteral("ana"), QStringLiteral("ben")}));
        // The office sees the same, without doing anything.
        QTRY_COMPARE(office.countText(), QStringLiteral("3 here"));
        QTRY_COMPARE(office.attendees().rowCount(), 3);

        // Twice is refused, and says so.
        typeBadge(door->badgeField(), QStringLiteral("301"));
        QTRY_COMPARE(door->message(), QStringLiteral("⚠ Badge 301 is logged already."));
        QCOMPARE(door->countText(), QStringLiteral("3 here"));
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(door->grab().save(QDir(shots).filePath(QStringLiteral("attendee-log.png"))));

        // Taking someone off the log: the count follows in both places.
        auto *table = door->findChild<QTableView *>(QStringLiteral("attendees"));
        for (int row = 0; row < door->attendees().rowCount(); ++row) {
            if (door->attendees().index(row, AttendeeListModel::NameColumn).data().toString()
                == QLatin1String("ben"))
                table->selectRow(row);
        }
        door->removeSelectedAttendee();
        QTRY_COMPARE(door->message(), QStringLiteral("Took ben off the log."));
        QTRY_COMPARE(office.countText(), QStringLiteral("2 here"));
        QTRY_COMPARE(door->countText(), QStringLiteral("2 here"));

        // Gus no longer keeps it: the place goes from his window.
        office.removeGatekeeper(
            m_people.value(QStringLiteral("gus")).toString(QUuid::WithoutBraces));
        QTRY_VERIFY(!gusWindow.offeredPlaces().contains(QStringLiteral("attendees")));
    }
};

QTEST_MAIN(TestAttendeeLogsPlace)
#include "tst_attendeelogsplace.moc"
