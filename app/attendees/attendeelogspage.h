// The Attendee logs place: a panel's or a meet-up's door. Gatekeepers (any role) and managers
// see the logs they keep with a live count, and log people by badge number: the badge field
// keeps the focus and Enter adds, so a barcode scanner works through a queue without a touch;
// an unknown badge is logged as a placeholder. Managers also make, rename and delete logs and
// choose their gatekeepers.
#pragma once

#include "client/attendeelogsclient.h"
#include "models/attendeelistmodel.h"
#include "models/attendeeloglistmodel.h"
#include "models/presencemodel.h"

#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QPushButton;
class QTableView;

namespace Muster {

class Connection;

class AttendeeLogsPage : public QWidget
{
    Q_OBJECT
public:
    explicit AttendeeLogsPage(Connection &connection, QWidget *parent = nullptr);

    AttendeeLogListModel &logs() { return m_logs; }
    AttendeeListModel &attendees() { return m_attendees; }
    QLineEdit *badgeField() const { return m_badge; }
    // The line under the badge field: what the last badge did.
    QString message() const;
    QString countText() const;

    void selectLog(int row);
    QString selectedLogId() const;
    // What the buttons do once their question is answered.
    void createLog(const QString &name);
    void renameSelected(const QString &name);
    void deleteSelected();
    void addGatekeeper(const QString &userId);
    void removeGatekeeper(const QString &userId);
    void addBadge(const QString &badge);
    void removeSelectedAttendee();

private:
    void showSelected();
    void showMessage(const QString &text, bool problem = false);
    bool isManager() const;
    const AttendeeLog *selectedLog() const;

    Connection &m_connection;
    AttendeeLogsClient m_client;
    AttendeeLogListModel m_logs;
    AttendeeListModel m_attendees;
    PresenceModel m_people;
    QListView *m_logList;
    QPushButton *m_new;
    QPushButton *m_rename;
    QPushButton *m_delete;
    QGroupBox *m_keepersBox;
    QListWidget *m_keepers;
    QComboBox *m_keeperPicker;
    QPushButton *m_addKeeper;
    QPushButton *m_removeKeeper;
    QGroupBox *m_door;
    QLabel *m_count;
    QLineEdit *m_badge;
    QLabel *m_message;
    QTableView *m_table;
    QPushButton *m_removeAttendee;
    QLabel *m_empty;
    QUuid m_shownLog;
};

} // namespace Muster
