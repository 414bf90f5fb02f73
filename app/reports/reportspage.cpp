// See reportspage.h.
#include "reportspage.h"

#include "client/connection.h"
#include "csvwriter.h"
#include "pdfwriter.h"
#include "reportdocument.h"
#include "spreadsheetwriter.h"
#include "totalsrowdelegate.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace Muster {

namespace {

constexpr int kPeopleCharted = 12; // more bars than this stop being readable

// Column indexes of the reports the charts read (reports.get's column order).
constexpr int kHoursName = 1;
constexpr int kHoursWorked = 2;
constexpr int kHoursEarned = 3;
constexpr int kTeamsName = 0;
constexpr int kTeamsHours = 1;
constexpr int kOnShiftHour = 0;
constexpr int kOnShiftPeople = 1;

} // namespace

ReportsPage::ReportsPage(Connection &connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_type(new QComboBox(this))
    , m_event(new QComboBox(this))
    , m_minHours(new QDoubleSpinBox(this))
    , m_minHoursLabel(new QLabel(tr("More than"), this))
    , m_table(new QTableView(this))
    , m_chart(new QChartView(this))
    , m_message(new QLabel(this))
{
    m_type->setObjectName(QStringLiteral("type"));
    for (const char *type : {"hours", "teams", "onshift", "unclocked", "rewards", "audit"}) {
        const QString t = QString::fromLatin1(type);
        m_type->addItem(ReportDocument::titleOf(t), t);
    }
    m_event->setObjectName(QStringLiteral("event"));
    m_event->setModel(&m_events);
    m_event->setMinimumContentsLength(20);
    m_minHours->setObjectName(QStringLiteral("minHours"));
    m_minHours->setRange(0, 1000);
    m_minHours->setDecimals(1);
    m_minHours->setSuffix(tr(" h worked"));
    m_minHours->setToolTip(tr("Only people who worked more than this"));
    auto *csv = new QPushButton(tr("Export &CSV…"), this);
    auto *xlsx = new QPushButton(tr("Export &XLSX…"), this);
    auto *pdf = new QPushButton(tr("Export &PDF…"), this);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_type);
    controls->addWidget(m_event, 1);
    controls->addWidget(m_minHoursLabel);
    controls->addWidget(m_minHours);
    controls->addStretch();
    controls->addWidget(csv);
    controls->addWidget(xlsx);
    controls->addWidget(pdf);

    m_table->setObjectName(QStringLiteral("reportTable"));
    m_table->setModel(&m_report);
    m_table->setItemDelegate(new TotalsRowDelegate(m_table));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_chart->setObjectName(QStringLiteral("chart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(fontMetrics().height() * 20);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    m_message->setObjectName(QStringLiteral("reportsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);

    connect(m_type, &QComboBox::activated, this, &ReportsPage::showChosen);
    connect(m_event, &QComboBox::activated, this, &ReportsPage::showChosen);
    connect(m_minHours, &QDoubleSpinBox::editingFinished, this, &ReportsPage::showChosen);
    connect(csv, &QPushButton::clicked, this, [this] { exportAs(QStringLiteral("csv")); });
    connect(xlsx, &QPushButton::clicked, this, [this] { exportAs(QStringLiteral("xlsx")); });
    connect(pdf, &QPushButton::clicked, this, [this] { exportAs(QStringLiteral("pdf")); });
    connect(&m_report, &ReportModel::loaded, this, [this] {
        m_table->resizeColumnsToContents();
        rebuildChart();
        showMessage({});
    });
    connect(&m_report, &ReportModel::loadFailed, this, [this](const QString &why) {
        showMessage(tr("Could not read the report: %1").arg(why), true);
    });
    // Opens on the active event once the events are known.
    connect(&m_events, &QAbstractItemModel::modelReset, this, [this] {
        const int active = m_events.rowOf(m_events.activeEventId());
        if (m_event->currentIndex() < 0 && active >= 0)
            m_event->setCurrentIndex(active);
    });

    m_events.setConnection(&m_connection);
    m_report.setConnection(&m_connection);
    showChosen();
}

void ReportsPage::showChosen()
{
    const QString type = m_type->currentData().toString();
    const bool hours = type == QLatin1String("hours");
    m_minHours->setVisible(hours);
    m_minHoursLabel->setVisible(hours);
    const Event *event = m_events.eventAt(m_event->currentIndex());
    m_report.show(type, event ? event->id.toString(QUuid::WithoutBraces) : QString(),
        hours && m_minHours->value() > 0 ? m_minHours->value() : -1);
}

void ReportsPage::showReport(const QString &type, const QString &eventId)
{
    m_type->setCurrentIndex(m_type->findData(type));
    const int row = m_events.rowOf(eventId);
    if (row >= 0)
        m_event->setCurrentIndex(row);
    showChosen();
}

QString ReportsPage::message() const
{
    return m_message->text();
}

void ReportsPage::showMessage(const QString &text, bool problem)
{
    m_message->setText(problem ? u"⚠ " + text : text);
    m_message->setVisible(!text.isEmpty());
}

void ReportsPage::exportAs(const QString &format)
{
    const ReportDocument document
        = ReportDocument::of(m_report.type(), m_report.coveredEvent(), m_report.report());
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
        + u'/' + m_report.coveredEvent().name + u" - " + document.title + u'.' + format;
    const QString filter = format == QLatin1String("csv") ? tr("CSV (*.csv)")
        : format == QLatin1String("xlsx")                 ? tr("Excel workbook (*.xlsx)")
                                                          : tr("PDF (*.pdf)");
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export the report"), suggested, filter);
    if (!path.isEmpty())
        exportTo(format, path);
}

bool ReportsPage::exportTo(const QString &format, const QString &path)
{
    if (!m_report.isLoaded()) {
        showMessage(tr("The report is still loading. Try again in a moment."), true);
        return false;
    }
    const ReportDocument document
        = ReportDocument::of(m_report.type(), m_report.coveredEvent(), m_report.report());
    QString error;
    bool written = false;
    if (format == QLatin1String("csv")) {
        const QByteArray csv = CsvWriter::write(document.table);
        QSaveFile file(path);
        written = file.open(QIODevice::WriteOnly) && file.write(csv) == csv.size() && file.commit();
        error = file.errorString();
    } else if (format == QLatin1String("xlsx")) {
        written = SpreadsheetWriter::write(document, path, &error);
    } else {
        written = PdfWriter::write(document, path, &error);
    }
    if (!written) {
        showMessage(tr("Could not write %1: %2").arg(path, error), true);
        return false;
    }
    showMessage(tr("Saved “%1”.").arg(path));
    return true;
}

void ReportsPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_report.isLoaded())
        rebuildChart();
}

void ReportsPage::rebuildChart()
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setBackgroundBrush(palette().base());
    chart->setTitleBrush(palette().text());
    chart->legend()->setLabelBrush(palette().text());
    const Report &report = m_report.report();
    const QString type = m_report.type();
    QStringList categories;
    QAbstractBarSeries *series = nullptr;
    if (type == QLatin1String("teams")) {
        chart->setTitle(tr("Hours per team"));
        auto *hours = new QBarSet(tr("Hours"));
        // The biggest team at the top.
        QList<QJsonArray> rows = report.rows;
        std::sort(rows.begin(), rows.end(), [](const QJsonArray &a, const QJsonArray &b) {
            return a.at(kTeamsHours).toDouble() < b.at(kTeamsHours).toDouble();
        });
        for (const QJsonArray &row : rows) {
            categories.append(row.at(kTeamsName).toString());
            *hours << row.at(kTeamsHours).toDouble();
        }
        series = new QHorizontalBarSeries;
        series->append(hours);
    } else if (type == QLatin1String("hours")) {
        chart->setTitle(report.rows.size() > kPeopleCharted
                ? tr("Worked and earned: the %1 who earned most").arg(kPeopleCharted)
                : tr("Worked and earned"));
        auto *worked = new QBarSet(tr("Worked"));
        auto *earned = new QBarSet(tr("Earned with bonuses"));
        // reports.get orders the hours report by earned time, most first.
        for (qsizetype i = 0; i < std::min<qsizetype>(kPeopleCharted, report.rows.size()); ++i) {
            const QJsonArray &row = report.rows.at(i);
            categories.append(row.at(kHoursName).toString());
            *worked << row.at(kHoursWorked).toDouble();
            *earned << row.at(kHoursEarned).toDouble();
        }
        series = new QBarSeries;
        series->append(worked);
        series->append(earned);
    } else if (type == QLatin1String("onshift")) {
        return showOnShiftChart(chart, report);
    }
    m_chart->setVisible(series != nullptr && !categories.isEmpty());
    if (series) {
        chart->addSeries(series);
        auto *names = new QBarCategoryAxis;
        names->append(categories);
        names->setLabelsBrush(palette().text());
        auto *values = new QValueAxis;
        values->setLabelFormat(QStringLiteral("%.0f"));
        values->setTitleText(tr("Hours"));
        values->setTitleBrush(palette().text());
        values->setLabelsBrush(palette().text());
        const bool horizontal = type == QLatin1String("teams");
        chart->addAxis(names, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
        chart->addAxis(values, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
        series->attachAxis(names);
        series->attachAxis(values);
        // From zero to a round number above the tallest bar, in a few steps.
        double most = 0;
        for (QBarSet *set : series->barSets()) {
            for (int i = 0; i < set->count(); ++i)
                most = std::max(most, set->at(i));
        }
        values->setRange(0, std::max(1.0, most * 1.15));
        values->setTickCount(5);
        values->applyNiceNumbers();
    }
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}

void ReportsPage::showOnShiftChart(QChart *chart, const Report &report)
{
    chart->setTitle(tr("People on shift through the day"));
    chart->legend()->hide();
    auto *line = new QLineSeries;
    line->setName(tr("On shift"));
    int most = 0;
    for (const QJsonArray &row : report.rows) {
        // The hour as the event's clocks read it. The axis of Qt 6.4 draws in this machine's
        // zone, so the same wall-clock time there is what it is given.
        const QDateTime hour = QDateTime::fromString(
            row.at(kOnShiftHour).toString(), QStringLiteral("yyyy-MM-dd HH:mm"));
        const int people = row.at(kOnShiftPeople).toInt();
        most = std::max(most, people);
        // A step: the count holds for the whole hour.
        line->append(double(hour.toMSecsSinceEpoch()), people);
        line->append(double(hour.addSecs(3600).toMSecsSinceEpoch()), people);
    }
    m_chart->setVisible(!report.rows.isEmpty());
    chart->addSeries(line);
    auto *hours = new QDateTimeAxis;
    hours->setFormat(
        report.rows.size() > 30 ? QStringLiteral("ddd HH:mm") : QStringLiteral("HH:mm"));
    hours->setTickCount(std::min<int>(9, int(report.rows.size()) + 1));
    hours->setLabelsBrush(palette().text());
    auto *people = new QValueAxis;
    people->setLabelFormat(QStringLiteral("%.0f"));
    people->setTitleText(tr("People"));
    people->setTitleBrush(palette().text());
    people->setLabelsBrush(palette().text());
    people->setRange(0, std::max(1.0, most * 1.15));
    people->setTickCount(5);
    people->applyNiceNumbers();
    chart->addAxis(hours, Qt::AlignBottom);
    chart->addAxis(people, Qt::AlignLeft);
    line->attachAxis(hours);
    line->attachAxis(people);
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}

QStringList ReportsPage::chartSummary() const
{
    QStringList summary;
    if (m_chart->isHidden())
        return summary;
    for (QAbstractSeries *s : m_chart->chart()->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(s)) {
            for (QBarSet *set : bars->barSets())
                summary.append(QStringLiteral("%1: %2").arg(set->label()).arg(set->count()));
        } else if (auto *line = qobject_cast<QLineSeries *>(s)) {
            // Two points a step: one per hour.
            summary.append(QStringLiteral("%1: %2").arg(line->name()).arg(line->count() / 2));
        }
    }
    return summary;
}

} // namespace Muster
