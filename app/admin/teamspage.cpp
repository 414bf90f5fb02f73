// See teamspage.h.
#include "teamspage.h"

#include "models/teamlistmodel.h"

#include <QInputDialog>
#include <QListView>
#include <QPushButton>

namespace Muster {

TeamsPage::TeamsPage(Connection &connection, TeamListModel &teams, QWidget *parent)
    : AdminPage(connection, parent)
    , m_teams(teams)
    , m_list(new QListView(this))
    , m_add(new QPushButton(tr("&Add team…"), this))
    , m_rename(new QPushButton(tr("&Rename…"), this))
    , m_archive(new QPushButton(tr("Ar&chive"), this))
{
    setObjectName(QStringLiteral("teamsPage"));
    m_list->setObjectName(QStringLiteral("teams"));
    m_list->setModel(&m_teams);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_archive->setObjectName(QStringLiteral("archiveTeam"));
    m_archive->setToolTip(tr("Archived teams keep their members and history but are no longer "
                             "offered on the board"));
    setListWithButtons(m_list, {m_add, m_rename, m_archive});

    connect(m_add, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(
            this, tr("Add team"), tr("Name of the new team:"), QLineEdit::Normal, {}, &ok);
        if (ok && !name.trimmed().isEmpty())
            addTeam(name.trimmed());
    });
    connect(m_rename, &QPushButton::clicked, this, [this] {
        const Team *team = m_teams.teamById(selectedTeam());
        if (!team)
            return;
        bool ok = false;
        const QString name = QInputDialog::getText(
            this, tr("Rename team"), tr("New name:"), QLineEdit::Normal, team->name, &ok);
        if (ok && !name.trimmed().isEmpty() && name.trimmed() != team->name)
            renameTeam(team->id, name.trimmed());
    });
    connect(m_archive, &QPushButton::clicked, this, [this] {
        if (const Team *team = m_teams.teamById(selectedTeam()))
            setArchived(team->id, !team->archived);
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &TeamsPage::updateButtons);
    // A teams.changed push resets the model: keep the selection on the same team.
    connect(&m_teams, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (m_keepSelected.isEmpty())
            m_keepSelected = selectedTeam();
    });
    connect(&m_teams, &QAbstractItemModel::modelReset, this, [this] {
        selectTeam(m_keepSelected);
        m_keepSelected.clear();
    });
    connect(this, &AdminPage::busyChanged, this, &TeamsPage::updateButtons);
    updateButtons();
}

QString TeamsPage::selectedTeam() const
{
    return m_list->currentIndex().data(TeamListModel::IdRole).toString();
}

void TeamsPage::selectTeam(const QString &teamId)
{
    const int row = m_teams.rowOf(teamId);
    m_list->setCurrentIndex(row >= 0 ? m_teams.index(row) : QModelIndex());
    updateButtons();
}

void TeamsPage::addTeam(const QString &name)
{
    run(admin().createTeam(name), [this](const QJsonValue &result) {
        // The teams.changed push that lists it may come after this reply.
        m_keepSelected = result[QStringLiteral("team")][QStringLiteral("id")].toString();
        if (m_teams.rowOf(m_keepSelected) >= 0) {
            selectTeam(m_keepSelected);
            m_keepSelected.clear();
        }
    });
}

void TeamsPage::renameTeam(const QString &teamId, const QString &name)
{
    run(admin().renameTeam(teamId, name));
}

void TeamsPage::setArchived(const QString &teamId, bool archived)
{
    run(admin().setTeamArchived(teamId, archived));
}

void TeamsPage::updateButtons()
{
    const Team *team = m_teams.teamById(selectedTeam());
    m_add->setEnabled(!isBusy());
    m_rename->setEnabled(!isBusy() && team);
    m_archive->setEnabled(!isBusy() && team);
    m_archive->setText(team && team->archived ? tr("Res&tore") : tr("Ar&chive"));
}

} // namespace Muster
