// The Reports place driven offscreen against a real server: the hours report with its totals row
// and chart, following new shifts live; the teams report's chart; the filter by hours worked; and
// the three exports opened the way people's tools open them (the CSV parsed, the XLSX unzipped and
// its sheet read, the PDF's text extracted with pdftotext).
#include "client/connection.h"
#include "client/serverurl.h"
#include "desktophelpers.h"
#include "reports/reportspage.h"
#include "screenshots.h"
#include "testclient.h"
#include "testserver.h"
#include "timeclockhelpers.h"

#include <QApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

class TestReportsPlace : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    TestClient m_admin;
    QString m_registration;
    QString m_infoDesk;
    QHash<QString, QUuid> m_people;

    bool addShift(const QString &login, const QString &team, int hoursAgo, int hours)
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        return !resultOf(
            m_admin.call(QStringLiteral("timeclock.addEntry"),
                {{QStringLiteral("userId"), m_people.value(login).toString(QUuid::WithoutBraces)},
                    {QStringLiteral("teamId"), team},
                    {QStringLiteral("start"), wireTime(now.addSecs(-3600 * hoursAgo))},
                    {QStringLiteral("stop"), wireTime(now.addSecs(-3600 * (hoursAgo - hours)))},
                    {QStringLiteral("actionId"), newActionId()}}))
                    .isEmpty();
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
            {QStringLiteral("ana"), Role::Volunteer, QStringLiteral("101")},
            {QStringLiteral("ben"), Role::Volunteer, QStringLiteral("102")},
            {QStringLiteral("cleo"), Role::Volunteer, QStringLiteral("103")}};
        for (const auto &[login, role, badge] : people)
            m_people.insert(
                login, createBadgeHolder(*m_server, login, QStringLiteral("Con"), role, badge));
        QVERIFY(m_admin.signIn(m_server->wsUrl(), QStringLiteral("ada")));
        QVERIFY(!createActiveEvent(m_admin, QStringLiteral("Spring Con")).isEmpty());
        m_registration = createTeam(m_admin, QStringLiteral("Registration"));
        m_infoDesk = createTeam(m_admin, QStringLiteral("Info desk"));
        QVERIFY(addShift(QStringLiteral("ana"), m_registration, 20, 5));
        QVERIFY(addShift(QStringLiteral("ben"), m_registration, 20, 2));
        QVERIFY(addShift(QStringLiteral("ben"), m_infoDesk, 10, 1));
    }
    void cleanupTestCase() { m_server.reset(); }

    void hoursAndTeamsLiveWithCharts()
    {
        Connection meg;
        QVERIFY(signIn(meg, *m_server, QStringLiteral("meg")));
        ReportsPage page(meg);
        page.resize(1100, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_VERIFY(page.report().isLoaded());
        QCOMPARE(page.report().type(), QStringLiteral("hours"));
        QTRY_COMPARE(page.report().rowCount(), 3); // ana, ben and the totals row
        QVERIFY(page.report().index(2, 0).data(ReportModel::IsTotalsRole).toBool());
        QCOMPARE(page.report().index(0, 1).data().toString(), QStringLiteral("ana"));
        QCOMPARE(page.report().index(2, 2).data().toString(), QStringLiteral("8"));
        QCOMPARE(page.chartSummary(),
            QStringList({QStringLiteral("Worked: 2"), QStringLiteral("Earned with bonuses: 2")}));

        // Cleo works a shift: the report follows without anyone asking.
        QVERIFY(addShift(QStringLiteral("cleo"), m_infoDesk, 8, 3));
        QTRY_COMPARE_WITH_TIMEOUT(page.report().rowCount(), 4, 10000);
        QCOMPARE(page.report().index(3, 2).data().toString(), QStringLiteral("11"));

        // Only people who worked more than 2.5 hours.
        auto *minHours = page.findChild<QDoubleSpinBox *>(QStringLiteral("minHours"));
        minHours->setValue(2.5);
        Q_EMIT minHours->editingFinished();
        QTRY_COMPARE(page.report().rowCount(), 4); // ana 5 h, ben 3 h, cleo 3 h: all above
        minHours->setValue(4);
        Q_EMIT minHours->editingFinished();
        QTRY_COMPARE(page.report().rowCount(), 2); // ana, and the totals
        minHours->setValue(0);
        Q_EMIT minHours->editingFinished();
        QTRY_COMPARE(page.report().rowCount(), 4);
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(saveScreenshots(page, QStringLiteral("report-hours")));

        page.showReport(QStringLiteral("teams"));
        QTRY_COMPARE(page.report().type(), QStringLiteral("teams"));
        QTRY_COMPARE(page.chartSummary(), QStringList({QStringLiteral("Hours: 2")}));

        // People on shift through the day: an hour a row, a step a row on the chart.
        page.showReport(QStringLiteral("onshift"));
        QTRY_COMPARE(page.report().type(), QStringLiteral("onshift"));
        QTRY_COMPARE(page.report().headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("Hour"));
        const int hours = page.report().rowCount() - 1; // less the totals row
        QVERIFY(hours >= 15); // from 20 hours ago to 5 hours ago
        QCOMPARE(page.chartSummary(), QStringList({QStringLiteral("On shift: %1").arg(hours)}));
        QCOMPARE(page.report().index(hours, 1).data().toString(), QStringLiteral("2"));
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(page.grab().save(QDir(shots).filePath(QStringLiteral("report-onshift.png"))));
    }

    void exportsOpenInPeoplesTools()
    {
        Connection meg;
        QVERIFY(signIn(meg, *m_server, QStringLiteral("meg")));
        ReportsPage page(meg);
        QTRY_VERIFY(page.report().isLoaded());
        QTRY_COMPARE(page.report().rowCount(), 4);
        QTemporaryDir dir;

        // CSV: parsed line by line, the totals row kept last.
        const QString csv = dir.filePath(QStringLiteral("hours.csv"));
        QVERIFY(page.exportTo(QStringLiteral("csv"), csv));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csvFile.readAll())
                                      .split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines.first(), QStringLiteral("Badge,Name,Hours worked,Hours earned,Teams"));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("101,ana,5,5,Registration")));
        QVERIFY(lines.last().startsWith(QStringLiteral(",Total (3 people),11,11")));

        // XLSX: the sheet holds the names, the titles and the totals.
        const QString xlsx = dir.filePath(QStringLiteral("hours.xlsx"));
        QVERIFY(page.exportTo(QStringLiteral("xlsx"), xlsx));
        const QString strings = toolOutput(QStringLiteral("unzip"),
            {QStringLiteral("-p"), xlsx, QStringLiteral("xl/sharedStrings.xml")});
        for (const QString &expected :
            {QStringLiteral("Hours"), QStringLiteral("Spring Con"), QStringLiteral("cleo"),
                QStringLiteral("Hours earned"), QStringLiteral("Total (3 people)")})
            QVERIFY2(strings.contains(expected), qPrintable(expected));
        const QString sheet = toolOutput(QStringLiteral("unzip"),
            {QStringLiteral("-p"), xlsx, QStringLiteral("xl/worksheets/sheet1.xml")});
        QVERIFY2(sheet.contains(QStringLiteral("<v>11</v>")), qPrintable(sheet.left(2000)));

        // PDF: its text, as pdftotext reads it.
        const QString pdf = dir.filePath(QStringLiteral("hours.pdf"));
        QVERIFY(page.exportTo(QStringLiteral("pdf"), pdf));
        const QString text = toolOutput(
            QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        for (const QString &expected : {QStringLiteral("Hours"), QStringLiteral("Spring Con"),
                 QStringLiteral("times in Europe/Berlin"), QStringLiteral("ana"),
                 QStringLiteral("Total (3 people)"), QStringLiteral("page 1")})
            QVERIFY2(text.contains(expected), qPrintable(text));
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty())
            QFile::copy(pdf, QDir(shots).filePath(QStringLiteral("report-hours.pdf")));

        // A place that cannot be written says so.
        QVERIFY(!page.exportTo(QStringLiteral("xlsx"), QStringLiteral("/proc/nope/hours.xlsx")));
        QVERIFY(page.message().startsWith(QStringLiteral("⚠ Could not write")));
    }
};

QTEST_MAIN(TestReportsPlace)
#include "tst_reportsplace.moc"
