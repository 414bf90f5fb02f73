// The Shifts place (managers): the forgotten clock-outs people asked to correct (CorrectionsPanel),
// who is on shift now, live, and any person's shifts of the active event: add a forgotten one,
// correct one with a reason (audited old → new), delete one, stop one still running. A refused
// overlap says which shift it runs into.
#pragma once

#include "client/shiftsclient.h"
#include "models/presencemodel.h"
#include "models/teamlistmodel.h"
#include "models/timeentrylistmodel.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Muster {

class Connection;
class CorrectionsPanel;
class ShiftEditor;

class ShiftsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ShiftsPage(Connection &connection, QWidget *parent = nullptr);

    TimeEntryListModel &onShift() { return m_ongoing; }
    TimeEntryListModel &personShifts() { return m_person; }
    CorrectionsPanel &corrections() { return *m_corrections; }
    QString message() const;

    // Whose shifts the lower list shows.
    void showPerson(const QString &userId);
    QString shownPerson() const;
    void filterOnShift(const QString &text);
    int visibleOnShift() const;
    // Selects a shift in the person's list, or in "on shift now" when it is there.
    void selectShift(const QString &entryId);

    ShiftEditor *addShift();
    ShiftEditor *editSelected();
    void deleteSelected(const QString &reason);
    void stopSelected();

private:
    void save(ShiftEditor *editor);
    void applyAnswer(const QString &change, const TimeEntry &entry);
    void showPickedName();
    void showMessage(const QString &text, bool problem = false);
    QString overlapText(const ShiftEditor *editor) const;
    void updateButtons();
    const TimeEntry *selectedOngoing() const;
    const TimeEntry *selectedPersonShift() const;
    // The shift to act on: the person's selected one, else the selected ongoing one.
    const TimeEntry *selected() const;

    Connection &m_connection;
    ShiftsClient m_shifts;
    TimeEntryListModel m_ongoing;
    TimeEntryListModel m_person;
    PresenceModel m_people;
    TeamListModel m_teams;
    QSortFilterProxyModel *m_ongoingFilter;
    CorrectionsPanel *m_corrections;
    QGroupBox *m_ongoingBox;
    QLineEdit *m_filter;
    QTableView *m_ongoingTable;
    QPushButton *m_stop;
    QComboBox *m_personPicker;
    QTableView *m_personTable;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QLabel *m_message;
    QTimer m_tick; // running shifts' durations
    QString m_wantedShift; // to select once the person's shifts are in
};

} // namespace Muster
