// The Reports place (managers): any report of any event as a table that follows the convention
// live, with a chart where a picture says more (hours per team; worked against earned for the
// people who earned most), exported as CSV, XLSX or PDF with the totals row and the event's times.
#pragma once

#include "domain/report.h"
#include "models/eventlistmodel.h"
#include "models/reportmodel.h"

#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableView;

namespace Muster {

class Connection;

class ReportsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ReportsPage(Connection &connection, QWidget *parent = nullptr);

    ReportModel &report() { return m_report; }
    EventListModel &events() { return m_events; }
    // Shows a report: "hours", "teams", "unclocked", "rewards", "audit"; "" event: the active one.
    void showReport(const QString &type, const QString &eventId = QString());
    // Writes what is shown: format "csv", "xlsx" or "pdf". False and a message when it cannot.
    bool exportTo(const QString &format, const QString &path);
    QString message() const;
    // The chart's series titles and bar counts, for a test: "Hours: 3".
    QStringList chartSummary() const;

protected:
    // A light or dark desktop theme chosen while Muster runs: the chart is drawn anew in it.
    void changeEvent(QEvent *event) override;

private:
    void showChosen();
    void exportAs(const QString &format);
    void rebuildChart();
    // People on shift hour by hour, as a step line over the event's clock.
    void showOnShiftChart(QChart *chart, const Report &report);
    void showMessage(const QString &text, bool problem = false);

    Connection &m_connection;
    ReportModel m_report;
    EventListModel m_events;
    QComboBox *m_type;
    QComboBox *m_event;
    QDoubleSpinBox *m_minHours;
    QLabel *m_minHoursLabel;
    QTableView *m_table;
    QChartView *m_chart;
    QLabel *m_message;
};

} // namespace Muster
