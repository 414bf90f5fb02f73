// The Events place (managers see it, administrators run it): the organisation's conventions and
// seasons, which one the time clock counts in, and making, changing, archiving and activating
// them. Live: another administrator's change appears at once.
#pragma once

#include "client/eventsclient.h"
#include "models/eventlistmodel.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace Muster {

class Connection;
class EventEditor;
class EventSetup;

class EventsPage : public QWidget
{
    Q_OBJECT
public:
    explicit EventsPage(Connection &connection, QWidget *parent = nullptr);

    EventListModel &events() { return m_events; }
    // The selected event's bonus windows and rewards.
    EventSetup *setup() const { return m_setup; }
    QString message() const;
    QString selectedEvent() const; // "" when none
    void selectEvent(const QString &eventId);

    // Each opens its editor (or asks first) for the selected event, as the buttons do.
    EventEditor *newEvent();
    EventEditor *editSelected();
    void activateSelected();
    void archiveSelected(); // archives, or unarchives an archived one

private:
    void save(EventEditor *editor);
    void showMessage(const QString &text, bool problem = false);
    void updateButtons();
    bool mayChange() const; // administrators
    const Event *selected() const;

    Connection &m_connection;
    EventsClient m_client;
    EventListModel m_events;
    QTableView *m_table;
    QPushButton *m_new;
    QPushButton *m_edit;
    QPushButton *m_activate;
    QPushButton *m_archive;
    QLabel *m_message;
    EventSetup *m_setup;
    QString m_keepSelected; // across a reload of the list
};

} // namespace Muster
