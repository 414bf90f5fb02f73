// The Administration place: People, Invitations and the chat Anteroom for managers, Teams and
// Statuses for admins too. Keeps its own organisation-wide copy of people, teams and states (the
// board may show one team); the models keep it live.
#pragma once

#include "models/presencemodel.h"
#include "models/teamlistmodel.h"

#include <QWidget>

class QTabWidget;

namespace Muster {

class Connection;
class ChatSettingsPage;
class InvitesPage;
class PeoplePage;
class StatesPage;
class TeamsPage;

class AdministrationPlace : public QWidget
{
    Q_OBJECT
public:
    explicit AdministrationPlace(Connection &connection, QWidget *parent = nullptr);

    // Null when the signed-in role may not use that page.
    PeoplePage *peoplePage() const { return m_peoplePage; }
    ChatSettingsPage *chatSettingsPage() const { return m_chatSettingsPage; }
    InvitesPage *invitesPage() const { return m_invitesPage; }
    TeamsPage *teamsPage() const { return m_teamsPage; }
    StatesPage *statesPage() const { return m_statesPage; }
    PresenceModel &people() { return m_people; }
    TeamListModel &teams() { return m_teams; }

private:
    Connection &m_connection;
    PresenceModel m_people;
    TeamListModel m_teams;
    QTabWidget *m_tabs;
    PeoplePage *m_peoplePage = nullptr;
    ChatSettingsPage *m_chatSettingsPage = nullptr;
    InvitesPage *m_invitesPage = nullptr;
    TeamsPage *m_teamsPage = nullptr;
    StatesPage *m_statesPage = nullptr;
};

} // namespace Muster
