// One report of the time clock as a table, kept current: the columns and rows reports.get gives,
// with the totals row last. Given a connection, a type and an event, it loads the report and reads
// it again shortly after the time it counts changes (entries, bonus windows, rewards), so a
// manager's screen follows the convention as it happens. A table for the desktop, roles for QML.
#pragma once

#include "client/reportsclient.h"
#include "domain/event.h"
#include "domain/report.h"
#include "models/connectionfeed.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <memory>

namespace Muster {

class ReportModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Roles {
        ValueRole = Qt::UserRole + 1, // the cell as reports.get gives it (number, text, null)
        IsTotalsRole, // bool: the totals row
        IsNumberRole, // bool: the cell holds a number
    };
    Q_ENUM(Roles)

    explicit ReportModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConnection(Connection *connection);
    // What to show: a report type and an event ("" for the active one); loads it.
    void show(const QString &type, const QString &eventId = QString(), double minHours = -1);
    QString type() const { return m_type; }
    bool isLoaded() const { return m_loaded; }
    const Report &report() const { return m_report; }
    // The event the report covers, as the server answered it.
    const Event &coveredEvent() const { return m_event; }

    void reset(const QString &type, const Event &event, const Report &report);

public Q_SLOTS:
    void reload();
    void clear();

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &message);

private:
    ConnectionFeed m_feed;
    std::unique_ptr<ReportsClient> m_client;
    QString m_type;
    QString m_eventId;
    double m_minHours = -1;
    Report m_report;
    Event m_event;
    bool m_loaded = false;
    QTimer m_refresh; // a burst of clock actions reads the report once
};

} // namespace Muster
