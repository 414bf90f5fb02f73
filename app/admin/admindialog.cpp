// See admindialog.h.
#include "admindialog.h"

#include "client/connection.h"
#include "domain/role.h"
#include "peoplepage.h"
#include "statespage.h"
#include "teamspage.h"

#include <QDialogButtonBox>
#include <QJsonArray>
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
    connect(&m_connection, &Connection::pushReceived, this, &AdminDialog::onPush);
    // After a reconnect, pushes may have been missed: start again from the server's truth.
    connect(&m_connection, &Connection::signedIn, this, &AdminDialog::reload);
    connect(&m_connection, &Connection::resyncRequested, this, &AdminDialog::reload);
    reload();
}

void AdminDialog::reload()
{
    m_connection.call(QStringLiteral("presence.list"), {}, this,
        [this](const QJsonValue &result, const RpcError &error) {
            if (!error.isValid())
                m_people.reset(result.toObject());
        });
    m_connection.call(QStringLiteral("teams.list"), {}, this,
        [this](const QJsonValue &result, const RpcError &error) {
            if (!error.isValid())
                m_teams.reset(result[QStringLiteral("teams")].toArray());
        });
}

void AdminDialog::onPush(const QString &method, const QJsonObject &params)
{
    if (method == QLatin1String("teams.changed"))
        m_teams.reset(params.value(QStringLiteral("teams")).toArray());
    else
        m_people.followPush(method, params);
}

} // namespace Muster
