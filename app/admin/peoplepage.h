// Administration: people's role, home team and highlight (managers and above), within the role
// rules the server enforces — shown up front, so nobody is offered what will be refused.
#pragma once

#include "adminpage.h"
#include "domain/role.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace Muster {

class PeopleFilterModel;
class PresenceModel;
class TeamListModel;

class PeoplePage : public AdminPage
{
    Q_OBJECT
public:
    PeoplePage(Connection &connection, PresenceModel &people, TeamListModel &teams,
        QWidget *parent = nullptr);

    void selectPerson(const QString &userId);
    QString selectedPerson() const { return m_userId; }
    // Sends what the form changed for the selected person.
    void save();

private:
    void loadForm();
    void fillTeams();
    void setHighlight(const QString &color);
    Role myRole() const;

    PresenceModel &m_people;
    TeamListModel &m_teams;
    PeopleFilterModel *m_filter;
    QLineEdit *m_search;
    QListView *m_list;
    QLabel *m_name;
    QComboBox *m_role;
    QComboBox *m_team;
    QCheckBox *m_highlighted;
    QPushButton *m_highlightColor;
    QPushButton *m_save;
    QLabel *m_roleNote;
    QString m_userId;
    QString m_highlight; // "#rrggbb" chosen in the form
};

} // namespace Muster
