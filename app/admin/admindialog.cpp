// See admindialog.h.
#include "admindialog.h"

#include "client/connection.h"
#include "domain/role.h"
#include "peoplepage.h"
#include "statespage.h"
#include "teamspage.h"

#include <QDialogButtonBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Muster {

AdminDialog::AdminDialog(Connection &connection, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_tabs(new QTabWidget(this))
{
    setWindowTitle(
        tr("Administration — %1")
            .arg(connection.user().value(QStringLiteral("organisationName")).toString()));
    setObjectName(QStringLiteral("adminDialog"));
    const Role role = roleFromName(connection.user().value(QStringLiteral("role")).toString())
                          .value_or(Role::Banned);
    if (roleAtLeast(role, Role::Manager)) {
        m_peoplePage = new PeoplePage(connection, m_people, m_teams, this);
        m_tabs->addTab(m_peoplePage, tr("&People"));
    }
    if (roleAtLeast(role, Role::Admin)) {
        m_teamsPage = new TeamsPage(connection, m_teams, this);
        m_statesPage = new StatesPage(connection, *m_people.states(), this);
        m_tabs->addTab(m_teamsPage, tr("&Teams"));
        m_tabs->addTab(m_statesPage, tr("&Statuses"));
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    resize(640, 460);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The lists load themselves, again after a reconnect or a resync, and follow pushes.
    m_people.setConnection(&m_connection);
    m_teams.setConnection(&m_connection);
}

} // namespace Muster
