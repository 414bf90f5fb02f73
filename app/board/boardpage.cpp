// See boardpage.h.
#include "boardpage.h"

#include "avatarcache.h"
#include "client/connection.h"
#include "domain/role.h"
#include "models/presencemodel.h"
#include "peoplefiltermodel.h"
#include "personcard.h"
#include "persondelegate.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace Muster {

BoardPage::BoardPage(
    Connection &connection, PresenceModel &model, AvatarCache &avatars, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_model(model)
    , m_people(new PeopleFilterModel(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QListView(this))
    , m_empty(new QLabel(this))
    , m_teamPicker(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_countLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("boardPage"));
    m_people->setSourceModel(&m_model);
    m_view->setObjectName(QStringLiteral("people"));
    m_view->setModel(m_people);
    m_view->setItemDelegate(new PersonDelegate(avatars, m_view));
    connect(
        &avatars, &AvatarCache::pictureReady, m_view->viewport(), qOverload<>(&QWidget::update));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setUniformItemSizes(true);
    m_view->setSpacing(2);
    // An empty board says why, instead of a blank white pane.
    m_empty->setObjectName(QStringLiteral("emptyBoard"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    m_teamPicker->setObjectName(QStringLiteral("teamPicker"));
    m_teamPicker->setToolTip(tr("Whose board to show"));
    m_teamPicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search people"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(260);
    m_countLabel->setObjectName(QStringLiteral("onlineCount"));

    auto *bar = new QToolBar(tr("Board"), this);
    bar->setObjectName(QStringLiteral("boardToolBar"));
    bar->addWidget(m_teamPicker);
    bar->addSeparator();
    bar->addWidget(m_countLabel);
    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(m_search);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_stack, 1);

    // A person's card: double-click, or Enter on the selected one (both activate).
    connect(m_view, &QListView::activated, this, [this, &avatars](const QModelIndex &index) {
        const QString userId = index.data(PresenceModel::UserIdRole).toString();
        auto *card = new PersonCard(m_connection, m_model, m_teams, avatars, userId, this);
        card->setAttribute(Qt::WA_DeleteOnClose);
        card->show();
    });
    connect(m_search, &QLineEdit::textChanged, m_people, &PeopleFilterModel::setSearch);
    connect(m_search, &QLineEdit::textChanged, this, &BoardPage::showEmptyOrPeople);
    connect(&m_teams, &QAbstractItemModel::modelReset, this, &BoardPage::fillTeamPicker);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &BoardPage::openOnMyTeam);
    connect(m_teamPicker, &QComboBox::activated, this, [this] {
        m_teamChosen = true;
        m_model.setTeamId(shownTeam());
    });
    const auto follow = [this](auto signal) {
        connect(m_people, signal, this, &BoardPage::showEmptyOrPeople);
        connect(m_people, signal, this, &BoardPage::updateCount);
    };
    follow(&QAbstractItemModel::modelReset);
    follow(&QAbstractItemModel::rowsInserted);
    follow(&QAbstractItemModel::rowsRemoved);
    follow(&QAbstractItemModel::layoutChanged);
    connect(&m_model, &PresenceModel::onlineCountChanged, this, &BoardPage::updateCount);
    connect(&m_model, &PresenceModel::loadedChanged, this, &BoardPage::showEmptyOrPeople);
    connect(&m_connection, &Connection::stateChanged, this, &BoardPage::showEmptyOrPeople);
    connect(&m_connection, &Connection::stateChanged, this, &BoardPage::updateCount);

    // "Time since" moves on by itself.
    m_tick.setInterval(std::chrono::seconds(30));
    connect(&m_tick, &QTimer::timeout, m_view->viewport(), qOverload<>(&QWidget::update));
    m_tick.start();

    m_teams.setConnection(&m_connection);
    fillTeamPicker();
    openOnMyTeam();
    updateCount();
    showEmptyOrPeople();
}

QString BoardPage::shownTeam() const
{
    return m_teamPicker->currentData().toString();
}

void BoardPage::refresh()
{
    m_teams.reload();
    m_model.reload();
}

void BoardPage::openOnMyTeam()
{
    // The first board (everyone's) tells which team is mine: open on it, whatever my role.
    if (m_teamChosen || !m_myTeamId.isEmpty())
        return;
    const Person *me = m_model.person(m_connection.user().value(QStringLiteral("id")).toString());
    if (!me)
        return;
    m_myTeamId = me->teamId;
    const int row = m_teamPicker->findData(m_myTeamId);
    if (row >= 0)
        m_teamPicker->setCurrentIndex(row);
    m_model.setTeamId(shownTeam());
}

void BoardPage::fillTeamPicker()
{
    const QString current = shownTeam();
    const QSignalBlocker block(m_teamPicker);
    m_teamPicker->clear();
    // Everyone at once is the admins' view ("god mode").
    if (roleFromName(m_connection.user().value(QStringLiteral("role")).toString())
            .value_or(Role::Banned)
        >= Role::Admin)
        m_teamPicker->addItem(tr("Everyone"), QString());
    for (const Team &team : m_teams.activeTeams())
        m_teamPicker->addItem(team.name, team.id);
    const QString wanted = m_teamChosen || m_myTeamId.isEmpty() ? current : m_myTeamId;
    const int row = m_teamPicker->findData(wanted);
    m_teamPicker->setCurrentIndex(row >= 0 ? row : 0);
    m_teamPicker->setVisible(m_teamPicker->count() > 1);
    // Before the first board has said which team is mine, the board stays on everyone's.
    if (m_teamChosen || !m_myTeamId.isEmpty())
        m_model.setTeamId(shownTeam());
}

void BoardPage::updateCount()
{
    // While disconnected nobody's presence is known: saying "3 online" would be a guess.
    if (!m_connection.isReady()) {
        m_countLabel->setText(tr("Presence unknown while offline"));
        return;
    }
    const int everyone = m_model.rowCount();
    m_countLabel->setText(everyone == 1
            ? tr("%1 of 1 person online").arg(m_model.onlineCount())
            : tr("%1 of %2 people online").arg(m_model.onlineCount()).arg(everyone));
}

void BoardPage::showEmptyOrPeople()
{
    const bool ready = m_connection.isReady();
    // Offline, the last board stays readable but greyed: its dots are no longer live.
    m_view->setEnabled(ready);
    QString why;
    if (m_people->rowCount() == 0) {
        if (!m_model.isLoaded())
            why = ready ? tr("Loading the board…")
                        : tr("Not connected. The board appears once "
                             "Muster reaches the server.");
        else if (!m_search->text().trimmed().isEmpty())
            why = tr("Nobody matches “%1”.").arg(m_search->text().trimmed());
        else
            why = m_teamPicker->count() > 1 || !shownTeam().isEmpty()
                ? tr("Nobody is in %1 yet.\nManagers add people under Administration.")
                      .arg(m_teamPicker->currentText())
                : tr("Nobody is here yet.");
    }
    m_empty->setText(why);
    m_stack->setCurrentWidget(why.isEmpty() ? static_cast<QWidget *>(m_view) : m_empty);
}

} // namespace Muster
