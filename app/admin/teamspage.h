// Administration: the organisation's teams — add, rename, archive and restore (admins).
#pragma once

#include "adminpage.h"

class QListView;
class QPushButton;

namespace Muster {

class TeamListModel;

class TeamsPage : public AdminPage
{
    Q_OBJECT
public:
    TeamsPage(Connection &connection, TeamListModel &teams, QWidget *parent = nullptr);

    void addTeam(const QString &name);
    void renameTeam(const QString &teamId, const QString &name);
    void setArchived(const QString &teamId, bool archived);
    // The team selected in the list, "" when none.
    QString selectedTeam() const;
    void selectTeam(const QString &teamId);

private:
    void updateButtons();

    TeamListModel &m_teams;
    QListView *m_list;
    QPushButton *m_add;
    QPushButton *m_rename;
    QPushButton *m_archive;
    QString m_keepSelected; // to select after the next model reset
};

} // namespace Muster
