// The Volunteers place (managers): everyone of the organisation in one searchable, sortable table
// (badge, name, role, team, hours worked and earned, on shift now), fast with thousands of people;
// a new volunteer from a badge number (the first password shown once, to hand over); and beside
// the table the person chosen: their role and team within the rules, a new password, and what they
// have done (PersonActivity): shifts, rewards handed over from here, notices and history.
#pragma once

#include "client/adminclient.h"
#include "client/rewardsclient.h"
#include "models/rostermodel.h"
#include "models/teamlistmodel.h"
#include "volunteers/personactivity.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Muster {

class Connection;

class VolunteersPage : public QWidget
{
    Q_OBJECT
public:
    explicit VolunteersPage(Connection &connection, QWidget *parent = nullptr);

    RosterModel &roster() { return m_roster; }
    PersonActivity &activity() { return *m_activity; }
    TimeEntryListModel &shifts() { return m_activity->shifts(); }
    RewardListModel &rewards() { return m_activity->rewards(); }
    QString message() const;
    QString summary() const; // "512 people · 37 on shift now"

    void search(const QString &text);
    int visibleCount() const;
    // Row `row` of what the table shows, as sorted and filtered.
    QString visibleUserId(int row) const;
    void sortBy(int column, Qt::SortOrder order);
    void selectPerson(const QString &userId);
    QString selectedPerson() const;

    // The new volunteer's first password on success ("" when refused; the message says why).
    void createVolunteer(const QString &badge, const QString &name, const QString &teamId);
    QString lastPassword() const { return m_lastPassword; }
    void saveRoleAndTeam(const QString &role, const QString &teamId);
    void resetPassword();
    void handOver(const QString &rewardId);

Q_SIGNALS:
    // A password to hand over appeared (a new volunteer's, or a reset one).
    void passwordShown(const QString &password);

private:
    void showMessage(const QString &text, bool problem = false);
    void showPerson();
    void updateSummary();
    void askNewVolunteer();
    void showPassword(const QString &title, const QString &text, const QString &password);
    Role myRole() const;

    Connection &m_connection;
    AdminClient m_admin;
    RewardsClient m_rewardsClient;
    RosterModel m_roster;
    TeamListModel m_teams;
    QSortFilterProxyModel *m_filter;
    QLineEdit *m_search;
    QLabel *m_summary;
    QPushButton *m_new;
    QTableView *m_table;
    QWidget *m_panel;
    QLabel *m_name;
    QLabel *m_identity;
    QComboBox *m_role;
    QComboBox *m_team;
    QLabel *m_roleNote;
    QPushButton *m_save;
    QPushButton *m_reset;
    PersonActivity *m_activity;
    QLabel *m_message;
    QString m_lastPassword;
    // What the panel's role and team pickers were last set to from the roster: a push about the
    // person shown (a clock-in) must not undo a choice not saved yet.
    QString m_shownUserId;
    Role m_shownRole = Role::Banned;
    QUuid m_shownTeam;
    QTimer m_tick; // "on shift now" durations
};

} // namespace Muster
