// See peoplepage.h.
#include "peoplepage.h"

#include "board/peoplefiltermodel.h"
#include "client/connection.h"
#include "models/presencemodel.h"
#include "models/teamlistmodel.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace Muster {

namespace {
constexpr auto kDefaultHighlight = "#f5a623";

// The picker says what banning means.
QString roleChoice(Role role)
{
    return role == Role::Banned ? PeoplePage::tr("Banned (cannot sign in)") : roleTitle(role);
}
} // namespace

PeoplePage::PeoplePage(
    Connection &connection, PresenceModel &people, TeamListModel &teams, QWidget *parent)
    : AdminPage(connection, parent)
    , m_people(people)
    , m_teams(teams)
    , m_filter(new PeopleFilterModel(this))
    , m_search(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_name(new QLabel(this))
    , m_role(new QComboBox(this))
    , m_team(new QComboBox(this))
    , m_highlighted(new QCheckBox(tr("Highlight on the board"), this))
    , m_highlightColor(new QPushButton(this))
    , m_save(new QPushButton(tr("&Save changes"), this))
    , m_roleNote(new QLabel(this))
{
    setObjectName(QStringLiteral("peoplePage"));
    m_filter->setSourceModel(&m_people);
    m_filter->sort(0);
    m_list->setObjectName(QStringLiteral("people"));
    m_list->setModel(m_filter);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_search->setPlaceholderText(tr("Search people"));
    m_search->setClearButtonEnabled(true);
    m_role->setObjectName(QStringLiteral("role"));
    m_team->setObjectName(QStringLiteral("team"));
    m_highlighted->setObjectName(QStringLiteral("highlighted"));
    m_save->setObjectName(QStringLiteral("save"));
    m_roleNote->setWordWrap(true);
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    for (int r = int(Role::Banned); r <= int(myRole()); ++r)
        m_role->addItem(roleChoice(Role(r)), roleName(Role(r)));

    auto *left = new QVBoxLayout;
    left->addWidget(m_search);
    left->addWidget(m_list, 1);
    auto *highlight = new QHBoxLayout;
    highlight->addWidget(m_highlighted);
    highlight->addWidget(m_highlightColor);
    highlight->addStretch();
    auto *form = new QFormLayout;
    form->addRow(m_name);
    form->addRow(tr("&Role"), m_role);
    form->addRow(QString(), m_roleNote);
    form->addRow(tr("&Team"), m_team);
    form->addRow(tr("Highlight"), highlight);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addStretch();
    right->addWidget(m_save, 0, Qt::AlignRight);
    auto *row = new QHBoxLayout;
    row->addLayout(left, 1);
    row->addLayout(right, 1);
    content()->addLayout(row);

    connect(m_search, &QLineEdit::textChanged, m_filter, &PeopleFilterModel::setSearch);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &current) {
            m_userId = current.data(PresenceModel::UserIdRole).toString();
            loadForm();
        });
    connect(m_highlightColor, &QPushButton::clicked, this, [this] {
        const QColor chosen = QColorDialog::getColor(QColor(m_highlight), this, tr("Highlight"));
        if (chosen.isValid())
            setHighlight(chosen.name());
    });
    connect(m_highlighted, &QCheckBox::toggled, m_highlightColor, &QWidget::setEnabled);
    connect(m_save, &QPushButton::clicked, this, &PeoplePage::save);
    connect(&m_teams, &QAbstractItemModel::modelReset, this, &PeoplePage::fillTeams);
    // The person may change under us (a push from another manager): show what is true now.
    connect(&m_people, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &from, const QModelIndex &to) {
            const int row = m_people.rowOf(m_userId);
            if (row >= from.row() && row <= to.row())
                loadForm();
        });
    connect(&m_people, &QAbstractItemModel::modelReset, this, [this] { selectPerson(m_userId); });
    connect(this, &AdminPage::busyChanged, this,
        [this](bool busy) { m_save->setEnabled(!busy && !m_userId.isEmpty()); });
    fillTeams();
    loadForm();
}

Role PeoplePage::myRole() const
{
    return roleFromName(connection().user().value(QStringLiteral("role")).toString())
        .value_or(Role::Banned);
}

void PeoplePage::selectPerson(const QString &userId)
{
    const int row = m_people.rowOf(userId);
    const QModelIndex index
        = row < 0 ? QModelIndex() : m_filter->mapFromSource(m_people.index(row));
    m_list->setCurrentIndex(index);
    m_userId = index.isValid() ? userId : QString();
    loadForm();
}

void PeoplePage::fillTeams()
{
    // Only the team list changes: the choice in the form (edited or not) stays, and the rest of
    // the form is left alone, so a teams.changed push never undoes an edit in progress.
    const QString current = m_team->currentData().toString();
    const QSignalBlocker block(m_team);
    m_team->clear();
    for (const Team &t : m_teams.activeTeams())
        m_team->addItem(t.name, t.id);
    int row = m_team->findData(current);
    if (row < 0) {
        const Person *p = m_people.person(m_userId);
        row = p ? m_team->findData(p->teamId) : -1;
    }
    m_team->setCurrentIndex(row);
}

void PeoplePage::setHighlight(const QString &color)
{
    m_highlight = color;
    QPixmap swatch(32, 16);
    swatch.fill(QColor(color));
    m_highlightColor->setIcon(swatch);
    m_highlightColor->setText(color);
}

void PeoplePage::loadForm()
{
    const Person *p = m_people.person(m_userId);
    const bool have = p != nullptr;
    for (QWidget *w : std::initializer_list<QWidget *> {m_role, m_team, m_highlighted, m_save})
        w->setEnabled(have && !isBusy());
    if (!have) {
        m_name->setText(tr("Choose someone on the left."));
        m_roleNote->clear();
        m_roleNote->hide();
        m_highlightColor->setEnabled(false);
        // Nobody's role or team, rather than the first of the list ("Banned").
        m_role->setCurrentIndex(-1);
        m_role->setPlaceholderText(tr("—"));
        m_team->setCurrentIndex(-1);
        m_team->setPlaceholderText(tr("—"));
        return;
    }
    m_name->setText(tr("%1 (%2)").arg(p->displayName, p->login));
    const Role theirs = roleFromName(p->role).value_or(Role::Banned);
    m_role->setCurrentIndex(m_role->findData(p->role));
    // The server's rules, said before anyone tries.
    QString note;
    if (m_userId == connection().user().value(QStringLiteral("id")).toString())
        note = tr("Nobody changes their own role.");
    else if (!roleAtLeast(myRole(), theirs))
        note = tr("Their role is above yours.");
    m_role->setEnabled(note.isEmpty() && !isBusy());
    if (m_role->currentIndex() < 0) // someone above me: show it without offering it
        m_role->setPlaceholderText(roleChoice(theirs));
    m_roleNote->setText(note);
    m_roleNote->setVisible(!note.isEmpty());
    m_team->setCurrentIndex(m_team->findData(p->teamId));
    const QSignalBlocker block(m_highlighted);
    m_highlighted->setChecked(!p->highlight.isEmpty());
    m_highlightColor->setEnabled(!p->highlight.isEmpty() && !isBusy());
    setHighlight(p->highlight.isEmpty() ? QString::fromLatin1(kDefaultHighlight) : p->highlight);
}

void PeoplePage::save()
{
    const Person *p = m_people.person(m_userId);
    if (!p)
        return;
    QJsonObject changes;
    const QString role = m_role->currentData().toString();
    if (m_role->isEnabled() && !role.isEmpty() && role != p->role)
        changes.insert(QStringLiteral("role"), role);
    const QString team = m_team->currentData().toString();
    if (!team.isEmpty() && team != p->teamId)
        changes.insert(QStringLiteral("teamId"), team);
    const QString highlight = m_highlighted->isChecked() ? m_highlight : QString();
    if (highlight != p->highlight)
        changes.insert(QStringLiteral("highlight"), highlight);
    if (changes.isEmpty()) {
        showMessage(tr("Nothing to save."));
        return;
    }
    run(admin().updateUser(m_userId, changes),
        [this](const QJsonValue &) { showMessage(tr("Saved.")); });
}

} // namespace Muster
