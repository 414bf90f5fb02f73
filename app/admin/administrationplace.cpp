// See administrationplace.h.
#include "administrationplace.h"

#include "chatsettingspage.h"
#include "client/connection.h"
#include "domain/role.h"
#include "invitespage.h"
#include "peoplepage.h"
#include "statespage.h"
#include "teamspage.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace Muster {

AdministrationPlace::AdministrationPlace(Connection &connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_tabs(new QTabWidget(this))
{
    const Role role = roleFromName(connection.user().value(QStringLiteral("role")).toString())
                          .value_or(Role::Banned);
    if (roleAtLeast(role, Role::Manager)) {
        m_peoplePage = new PeoplePage(connection, m_people, m_teams, this);
        m_tabs->addTab(m_peoplePage, tr("&People"));
        m_chatSettingsPage = new ChatSettingsPage(connection, this);
        m_invitesPage = new InvitesPage(connection, this);
        m_tabs->addTab(m_invitesPage, tr("&Invitations"));
        m_tabs->addTab(m_chatSettingsPage, tr("&Anteroom"));
    }
    if (roleAtLeast(role, Role::Admin)) {
        m_teamsPage = new TeamsPage(connection, m_teams, this);
        m_statesPage = new StatesPage(connection, *m_people.states(), this);
        m_tabs->addTab(m_teamsPage, tr("&Teams"));
        m_tabs->addTab(m_statesPage, tr("&Statuses"));
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);

    // The lists load themselves, again after a reconnect or a resync, and follow pushes.
    m_people.setConnection(&m_connection);
    m_teams.setConnection(&m_connection);
}

} // namespace Muster
