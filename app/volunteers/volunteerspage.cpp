// See volunteerspage.h.
#include "volunteerspage.h"

#include "client/connection.h"
#include "common/errortext.h"
#include "util/durationtext.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Muster {

VolunteersPage::VolunteersPage(Connection &connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_admin(&connection)
    , m_rewardsClient(&connection)
    , m_filter(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_new(new QPushButton(tr("&New volunteer…"), this))
    , m_table(new QTableView(this))
    , m_panel(new QWidget(this))
    , m_name(new QLabel(this))
    , m_identity(new QLabel(this))
    , m_role(new QComboBox(this))
    , m_team(new QComboBox(this))
    , m_roleNote(new QLabel(this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_reset(new QPushButton(tr("New &password…"), this))
    , m_activity(new PersonActivity(connection, m_teams, this))
    , m_message(new QLabel(this))
{
    m_roster.setTeams(&m_teams);
    m_filter->setSourceModel(&m_roster);
    m_filter->setSortRole(RosterModel::SortRole);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(-1);
    m_filter->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Find by name, badge, role or team"));
    m_search->setClearButtonEnabled(true);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_new->setObjectName(QStringLiteral("newVolunteer"));
    m_table->setObjectName(QStringLiteral("volunteers"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RosterModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // Thousands of rows: fixed row heights and column widths, never measured row by row.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(RosterModel::OnShiftColumn, QHeaderView::Stretch);
    const int ch = m_table->fontMetrics().averageCharWidth();
    m_table->setColumnWidth(RosterModel::BadgeColumn, ch * 8);
    m_table->setColumnWidth(RosterModel::RoleColumn, ch * 11);
    m_table->setColumnWidth(RosterModel::TeamColumn, ch * 16);
    m_table->setColumnWidth(RosterModel::WorkedColumn, ch * 12);
    m_table->setColumnWidth(RosterModel::EarnedColumn, ch * 12);
    m_table->setColumnWidth(RosterModel::NameColumn, ch * 26);

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_new);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(top);
    leftLayout->addWidget(m_summary);
    leftLayout->addWidget(m_table, 1);

    // The person chosen.
    m_panel->setObjectName(QStringLiteral("person"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setWordWrap(true);
    m_identity->setForegroundRole(QPalette::PlaceholderText);
    m_identity->setWordWrap(true);
    m_identity->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_role->setObjectName(QStringLiteral("role"));
    m_team->setObjectName(QStringLiteral("team"));
    m_team->setModel(&m_teams);
    m_roleNote->setObjectName(QStringLiteral("roleNote"));
    m_roleNote->setWordWrap(true);
    m_roleNote->setForegroundRole(QPalette::PlaceholderText);
    m_save->setObjectName(QStringLiteral("save"));
    m_reset->setObjectName(QStringLiteral("resetPassword"));
    for (int r = int(Role::Banned); r <= int(myRole()); ++r)
        m_role->addItem(roleTitle(Role(r)), roleName(Role(r)));
    auto *form = new QFormLayout;
    form->addRow(tr("&Role:"), m_role);
    form->addRow(QString(), m_roleNote);
    form->addRow(tr("&Team:"), m_team);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_save);
    actions->addWidget(m_reset);
    actions->addStretch();
    auto *panelLayout = new QVBoxLayout(m_panel);
    panelLayout->setContentsMargins(0, 0, 0, 0);
    panelLayout->addWidget(m_name);
    panelLayout->addWidget(m_identity);
    panelLayout->addLayout(form);
    panelLayout->addLayout(actions);
    panelLayout->addWidget(m_activity, 1);
    m_panel->hide();

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_panel);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    // The table is what a manager works in; the person beside it needs a column, not half.
    m_panel->setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    m_panel->setMaximumWidth(fontMetrics().averageCharWidth() * 72);
    splitter->setChildrenCollapsible(false);
    m_message->setObjectName(QStringLiteral("volunteersMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);

    connect(m_search, &QLineEdit::textChanged, this, &VolunteersPage::search);
    connect(m_new, &QPushButton::clicked, this, &VolunteersPage::askNewVolunteer);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &VolunteersPage::showPerson);
    connect(m_save, &QPushButton::clicked, this, [this] {
        saveRoleAndTeam(m_role->currentData().toString(),
            m_team->currentData(TeamListModel::IdRole).toString());
    });
    connect(m_reset, &QPushButton::clicked, this, [this] {
        const RosterEntry *p = m_roster.entry(selectedPerson());
        if (!p)
            return;
        auto *confirm = new QMessageBox(QMessageBox::Question,
            tr("A new password for %1?").arg(p->displayName),
            tr("%1 is signed out everywhere, and signs in again with the password shown next.")
                .arg(p->displayName),
            QMessageBox::Cancel, this);
        confirm->setObjectName(QStringLiteral("confirmReset"));
        confirm->setAttribute(Qt::WA_DeleteOnClose);
        QPushButton *yes = confirm->addButton(tr("New password"), QMessageBox::AcceptRole);
        yes->setObjectName(QStringLiteral("confirm"));
        connect(yes, &QPushButton::clicked, this, &VolunteersPage::resetPassword);
        confirm->open();
    });
    connect(&m_roster, &QAbstractItemModel::modelReset, this, &VolunteersPage::updateSummary);
    connect(&m_roster, &QAbstractItemModel::rowsInserted, this, &VolunteersPage::updateSummary);
    connect(&m_roster, &RosterModel::onShiftCountChanged, this, &VolunteersPage::updateSummary);
    connect(&m_roster, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &from, const QModelIndex &to) {
            // The person shown changed (another manager, a clock action): the panel follows.
            const int shown = m_roster.rowOf(selectedPerson());
            if (shown >= from.row() && shown <= to.row())
                showPerson();
        });
    connect(&m_roster, &RosterModel::loadFailed, this, [this](const QString &why) {
        showMessage(tr("Could not load the people: %1").arg(why), true);
    });
    connect(m_activity, &PersonActivity::handOverWanted, this, &VolunteersPage::handOver);

    m_tick.setInterval(std::chrono::seconds(30));
    connect(&m_tick, &QTimer::timeout, m_table->viewport(), qOverload<>(&QWidget::update));
    m_tick.start();

    m_teams.setOfferedOnly(true);
    m_teams.setConnection(&m_connection);
    m_roster.setConnection(&m_connection);
    updateSummary();
}

Role VolunteersPage::myRole() const
{
    return roleFromName(m_connection.user().value(QStringLiteral("role")).toString())
        .value_or(Role::Banned);
}

QString VolunteersPage::message() const
{
    return m_message->text();
}

void VolunteersPage::showMessage(const QString &text, bool problem)
{
    m_message->setText(problem ? u"⚠ " + text : text);
}

QString VolunteersPage::summary() const
{
    return m_summary->text();
}

void VolunteersPage::updateSummary()
{
    if (!m_roster.isLoaded()) {
        m_summary->setText(tr("Loading the people…"));
        return;
    }
    const int shown = m_filter->rowCount();
    const int all = m_roster.rowCount();
    QString text = tr("%n people", nullptr, all);
    if (shown != all)
        text = tr("%1 of %2 shown").arg(shown).arg(all);
    m_summary->setText(
        text + QStringLiteral(" · ") + tr("%n on shift now", nullptr, m_roster.onShiftCount()));
}

void VolunteersPage::search(const QString &text)
{
    if (m_search->text() != text)
        m_search->setText(text);
    m_filter->setFilterFixedString(text.trimmed());
    updateSummary();
}

int VolunteersPage::visibleCount() const
{
    return m_filter->rowCount();
}

QString VolunteersPage::visibleUserId(int row) const
{
    return m_filter->index(row, 0).data(RosterModel::UserIdRole).toString();
}

void VolunteersPage::sortBy(int column, Qt::SortOrder order)
{
    m_table->sortByColumn(column, order);
}

void VolunteersPage::selectPerson(const QString &userId)
{
    const int row = m_roster.rowOf(userId);
    if (row < 0)
        return;
    const QModelIndex shown = m_filter->mapFromSource(m_roster.index(row, 0));
    if (!shown.isValid()) {
        search(QString()); // hidden by the search: show everyone again
        return selectPerson(userId);
    }
    m_table->selectRow(shown.row());
    m_table->scrollTo(shown);
}

QString VolunteersPage::selectedPerson() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(RosterModel::UserIdRole).toString();
}

void VolunteersPage::showPerson()
{
    const QString userId = selectedPerson();
    const RosterEntry *p = m_roster.entry(userId);
    m_panel->setVisible(p != nullptr);
    if (!p) {
        m_activity->showPerson(QString());
        m_shownUserId.clear();
        return;
    }
    m_name->setText(p->displayName);
    QStringList identity {tr("login %1").arg(p->login)};
    if (!p->badge.isEmpty())
        identity.prepend(tr("badge %1").arg(p->badge));
    identity.append(tr("%1 worked, %2 earned in %n shift(s)", nullptr, p->entries)
                        .arg(durationText(p->workedSeconds), durationText(p->earnedSeconds)));
    m_identity->setText(identity.join(QStringLiteral(" · ")));

    // The role rules, said before anyone tries: not one's own, not someone above.
    const bool self = userId == m_connection.user().value(QStringLiteral("id")).toString();
    const bool above = !roleAtLeast(myRole(), p->role);
    const bool samePerson = userId == m_shownUserId;
    if (!samePerson || p->role != m_shownRole)
        m_role->setCurrentIndex(m_role->findData(roleName(p->role)));
    m_role->setEnabled(!self && !above);
    m_reset->setEnabled(!self && !above);
    m_roleNote->setText(self ? tr("Your own role is changed by someone above you.")
            : above          ? tr("%1 is above you: only they or someone above them change it.")
                          .arg(roleTitle(p->role))
                    : QString());
    m_roleNote->setVisible(!m_roleNote->text().isEmpty());
    if (!samePerson || p->teamId != m_shownTeam)
        m_team->setCurrentIndex(
            m_team->findData(p->teamId.toString(QUuid::WithoutBraces), TeamListModel::IdRole));
    m_shownUserId = userId;
    m_shownRole = p->role;
    m_shownTeam = p->teamId;

    // The same person again: a push changed their row (a clock-out, a new role), and what has
    // no pushes of its own follows.
    if (samePerson)
        m_activity->refresh();
    else
        m_activity->showPerson(userId);
}

void VolunteersPage::handOver(const QString &rewardId)
{
    const QString userId = selectedPerson();
    const RosterEntry *p = m_roster.entry(userId);
    if (!p)
        return;
    const QString name = p->displayName;
    m_rewardsClient.handOver(rewardId, userId)
        ->then(this, [this, name](const QJsonValue &result, const RpcError &error) {
            if (error.isValid())
                return showMessage(errorText(error), true);
            showMessage(
                tr("“%1” handed over to %2.")
                    .arg(
                        result[QStringLiteral("reward")][QStringLiteral("name")].toString(), name));
            m_activity->refresh();
        });
}

void VolunteersPage::saveRoleAndTeam(const QString &role, const QString &teamId)
{
    const QString userId = selectedPerson();
    const RosterEntry *p = m_roster.entry(userId);
    if (!p)
        return;
    QJsonObject changes;
    if (role != roleName(p->role))
        changes.insert(QStringLiteral("role"), role);
    if (!teamId.isEmpty() && teamId != p->teamId.toString(QUuid::WithoutBraces))
        changes.insert(QStringLiteral("teamId"), teamId);
    if (changes.isEmpty())
        return showMessage(tr("Nothing to save: that is how it is."));
    const QString name = p->displayName;
    m_save->setEnabled(false);
    m_admin.updateUser(userId, changes)
        ->then(this, [this, name](const QJsonValue &, const RpcError &error) {
            m_save->setEnabled(true);
            if (error.isValid())
                return showMessage(errorText(error), true);
            // The roster follows by profile.changed, here and on every manager's screen.
            showMessage(tr("Saved for %1.").arg(name));
        });
}

void VolunteersPage::resetPassword()
{
    const QString userId = selectedPerson();
    const RosterEntry *p = m_roster.entry(userId);
    if (!p)
        return;
    const QString name = p->displayName;
    const QString login = p->login;
    m_admin.resetPassword(userId)->then(
        this, [this, name, login](const QJsonValue &result, const RpcError &error) {
            if (error.isValid())
                return showMessage(errorText(error), true);
            const QString password = result[QStringLiteral("password")].toString();
            showMessage(tr("%1 has a new password and was signed out everywhere.").arg(name));
            showPassword(tr("New password for %1").arg(name),
                tr("Give %1 this password. They sign in as “%2” and should choose their own in "
                   "My profile.")
                    .arg(name, login),
                password);
        });
}

void VolunteersPage::askNewVolunteer()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("newVolunteerDialog"));
    dialog->setWindowTitle(tr("New volunteer"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *badge = new QLineEdit(dialog);
    badge->setObjectName(QStringLiteral("badge"));
    badge->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,8}")), badge));
    badge->setPlaceholderText(tr("scan or type the badge"));
    auto *name = new QLineEdit(dialog);
    name->setObjectName(QStringLiteral("name"));
    name->setMaxLength(200);
    auto *team = new QComboBox(dialog);
    team->setObjectName(QStringLiteral("team"));
    team->setModel(&m_teams);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    auto *form = new QFormLayout(dialog);
    form->addRow(tr("&Badge number:"), badge);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Team:"), team);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, badge, name, team] {
        createVolunteer(
            badge->text(), name->text(), team->currentData(TeamListModel::IdRole).toString());
        dialog->accept();
    });
    dialog->open();
}

void VolunteersPage::createVolunteer(
    const QString &badge, const QString &name, const QString &teamId)
{
    m_lastPassword.clear();
    if (badge.trimmed().isEmpty() || name.trimmed().isEmpty())
        return showMessage(tr("A new volunteer needs a badge number and a name."), true);
    m_admin.createVolunteer(badge.trimmed(), name.trimmed(), teamId)
        ->then(this, [this](const QJsonValue &result, const RpcError &error) {
            if (error.isValid()) {
                return showMessage(errorText(error,
                                       {{QStringLiteral("badge"), tr("The badge number")},
                                           {QStringLiteral("displayName"), tr("The name")}}),
                    true);
            }
            const QJsonObject user = result[QStringLiteral("user")].toObject();
            RosterEntry entry;
            entry.userId = QUuid(user.value(QStringLiteral("userId")).toString());
            entry.login = user.value(QStringLiteral("login")).toString();
            entry.displayName = user.value(QStringLiteral("displayName")).toString();
            entry.role = roleFromName(user.value(QStringLiteral("role")).toString())
                             .value_or(Role::Volunteer);
            entry.teamId = QUuid(user.value(QStringLiteral("teamId")).toString());
            entry.badge = user.value(QStringLiteral("badge")).toString();
            m_roster.upsert(entry);
            selectPerson(entry.userId.toString(QUuid::WithoutBraces));
            showMessage(
                tr("%1 is a volunteer now, with badge %2.").arg(entry.displayName, entry.badge));
            showPassword(tr("First password for %1").arg(entry.displayName),
                tr("Give %1 this password with their login “%2”. It is shown only now; they "
                   "choose their own after signing in. At kiosks they use their badge.")
                    .arg(entry.displayName, entry.login),
                result[QStringLiteral("initialPassword")].toString());
        });
}

void VolunteersPage::showPassword(
    const QString &title, const QString &text, const QString &password)
{
    m_lastPassword = password;
    auto *box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("passwordShown"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    // Large and selectable: read out loud, or copied into a message.
    box->setInformativeText(QStringLiteral("<p style=\"font-size:x-large; font-family:monospace\">"
                                           "%1</p>")
                                .arg(password.toHtmlEscaped()));
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
    Q_EMIT passwordShown(password);
}

} // namespace Muster
