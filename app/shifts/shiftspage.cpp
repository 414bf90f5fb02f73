// See shiftspage.h.
#include "shiftspage.h"

#include "client/connection.h"
#include "common/errortext.h"
#include "correctionspanel.h"
#include "shifteditor.h"
#include "util/clocktext.h"
#include "util/durationtext.h"

#include <QComboBox>
#include <QCompleter>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Muster {

namespace {

void setUpTable(QTableView *table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    QHeaderView *header = table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(TimeEntryListModel::DetailsColumn, QHeaderView::Stretch);
}

} // namespace

ShiftsPage::ShiftsPage(Connection &connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_shifts(&connection)
    , m_ongoingFilter(new QSortFilterProxyModel(this))
    , m_corrections(new CorrectionsPanel(connection, this))
    , m_ongoingBox(new QGroupBox(this))
    , m_filter(new QLineEdit(this))
    , m_ongoingTable(new QTableView(this))
    , m_stop(new QPushButton(tr("S&top shift"), this))
    , m_personPicker(new QComboBox(this))
    , m_personTable(new QTableView(this))
    , m_add(new QPushButton(tr("&Add shift…"), this))
    , m_edit(new QPushButton(tr("&Correct…"), this))
    , m_delete(new QPushButton(tr("&Delete…"), this))
    , m_message(new QLabel(this))
{
    // On shift now: a filter for a big convention, and stopping a shift someone forgot.
    m_ongoing.setOngoingOnly(true);
    m_ongoingFilter->setSourceModel(&m_ongoing);
    m_ongoingFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_ongoingFilter->setFilterKeyColumn(-1);
    m_ongoingTable->setObjectName(QStringLiteral("onShift"));
    m_ongoingTable->setModel(m_ongoingFilter);
    setUpTable(m_ongoingTable);
    m_ongoingTable->hideColumn(TimeEntryListModel::StopColumn);
    m_ongoingTable->hideColumn(TimeEntryListModel::EarnedColumn);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Find by name, badge or team"));
    m_filter->setClearButtonEnabled(true);
    m_stop->setObjectName(QStringLiteral("stop"));
    auto *ongoingTop = new QHBoxLayout;
    ongoingTop->addWidget(m_filter, 1);
    ongoingTop->addWidget(m_stop);
    auto *ongoingLayout = new QVBoxLayout(m_ongoingBox);
    ongoingLayout->addLayout(ongoingTop);
    ongoingLayout->addWidget(m_ongoingTable);

    // A person's shifts.
    auto *personBox = new QGroupBox(tr("A person's shifts in the active event"), this);
    m_personPicker->setObjectName(QStringLiteral("person"));
    m_personPicker->setModel(&m_people);
    m_personPicker->setEditable(true);
    m_personPicker->setInsertPolicy(QComboBox::NoInsert);
    m_personPicker->completer()->setFilterMode(Qt::MatchContains);
    m_personPicker->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_personPicker->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_personPicker->lineEdit()->setPlaceholderText(tr("Type a name"));
    m_personPicker->setMinimumContentsLength(24);
    m_personPicker->setCurrentIndex(-1);
    m_personTable->setObjectName(QStringLiteral("shifts"));
    m_personTable->setModel(&m_person);
    setUpTable(m_personTable);
    m_personTable->hideColumn(TimeEntryListModel::PersonColumn);
    m_add->setObjectName(QStringLiteral("add"));
    m_edit->setObjectName(QStringLiteral("edit"));
    m_delete->setObjectName(QStringLiteral("delete"));
    auto *personTop = new QHBoxLayout;
    personTop->addWidget(m_personPicker, 1);
    personTop->addWidget(m_add);
    personTop->addWidget(m_edit);
    personTop->addWidget(m_delete);
    auto *personLayout = new QVBoxLayout(personBox);
    personLayout->addLayout(personTop);
    personLayout->addWidget(m_personTable);

    m_message->setObjectName(QStringLiteral("shiftsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_corrections);
    layout->addWidget(m_ongoingBox, 1);
    layout->addWidget(m_message);
    layout->addWidget(personBox, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &ShiftsPage::filterOnShift);
    connect(m_stop, &QPushButton::clicked, this, &ShiftsPage::stopSelected);
    connect(m_add, &QPushButton::clicked, this, &ShiftsPage::addShift);
    connect(m_edit, &QPushButton::clicked, this, &ShiftsPage::editSelected);
    connect(m_personTable, &QTableView::doubleClicked, this, &ShiftsPage::editSelected);
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const TimeEntry *e = selected();
        if (!e)
            return;
        bool ok = false;
        const QString reason = QInputDialog::getText(this, tr("Delete this shift?"),
            tr("%1, %2 at %3: it no longer counts. Why?")
                .arg(e->userName, dateTimeText(e->start.toLocalTime()), e->teamName),
            QLineEdit::Normal, QString(), &ok);
        if (ok)
            deleteSelected(reason);
    });
    // Double-clicking someone on shift shows all their shifts below.
    connect(m_ongoingTable, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
        showPerson(i.data(TimeEntryListModel::UserIdRole).toString());
    });
    connect(m_personPicker, &QComboBox::activated, this, [this](int row) {
        showPerson(m_people.index(row).data(PresenceModel::UserIdRole).toString());
    });
    for (QTableView *table : {m_ongoingTable, m_personTable})
        connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ShiftsPage::updateButtons);
    // One selection at a time: the buttons act on what was picked last.
    connect(m_ongoingTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this](const QItemSelection &selectedNow) {
            if (!selectedNow.isEmpty())
                m_personTable->clearSelection();
        });
    connect(m_personTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this](const QItemSelection &selectedNow) {
            if (!selectedNow.isEmpty())
                m_ongoingTable->clearSelection();
        });
    for (QAbstractItemModel *model :
        std::initializer_list<QAbstractItemModel *> {&m_ongoing, &m_person}) {
        connect(model, &QAbstractItemModel::modelReset, this, &ShiftsPage::updateButtons);
        connect(model, &QAbstractItemModel::rowsInserted, this, &ShiftsPage::updateButtons);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &ShiftsPage::updateButtons);
    }
    // A request double-clicked: the person's shifts, with the one in question selected.
    connect(m_corrections, &CorrectionsPanel::personWanted, this,
        [this](const QString &userId, const QString &entryId) {
            m_wantedShift = entryId;
            showPerson(userId);
            if (m_person.rowOf(entryId) >= 0)
                selectShift(std::exchange(m_wantedShift, {}));
        });
    connect(&m_person, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_wantedShift.isEmpty() && m_person.rowOf(m_wantedShift) >= 0)
            selectShift(std::exchange(m_wantedShift, {}));
    });
    // The people arrive after a person may have been chosen (from "on shift now"): show the name.
    connect(&m_people, &QAbstractItemModel::modelReset, this, &ShiftsPage::showPickedName);
    connect(&m_ongoing, &TimeEntryListModel::loadFailed, this, [this](const QString &why) {
        showMessage(tr("Could not load who is on shift: %1").arg(why), true);
    });

    // Running shifts count up on screen.
    m_tick.setInterval(std::chrono::seconds(30));
    connect(&m_tick, &QTimer::timeout, m_ongoingTable->viewport(), qOverload<>(&QWidget::update));
    m_tick.start();

    m_teams.setOfferedOnly(true);
    m_teams.setConnection(&m_connection);
    m_people.setConnection(&m_connection);
    m_ongoing.setConnection(&m_connection);
    m_person.setLoadOnSignIn(false); // nobody is chosen yet
    m_person.setConnection(&m_connection);
    updateButtons();
}

QString ShiftsPage::message() const
{
    return m_message->text();
}

void ShiftsPage::showMessage(const QString &text, bool problem)
{
    m_message->setText(problem ? u"⚠ " + text : text);
}

void ShiftsPage::filterOnShift(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_ongoingFilter->setFilterFixedString(text.trimmed());
}

int ShiftsPage::visibleOnShift() const
{
    return m_ongoingFilter->rowCount();
}

void ShiftsPage::showPerson(const QString &userId)
{
    if (userId.isEmpty())
        return;
    if (userId != m_person.userId()) {
        m_person.clear();
        m_person.setUserId(userId);
        m_person.reload();
    }
    showPickedName();
    updateButtons();
}

void ShiftsPage::showPickedName()
{
    // An editable combo box empties its text when its model is reset, even when the current
    // row stays: put the name back (the people may arrive after the person was chosen).
    const int row = m_people.rowOf(m_person.userId());
    m_personPicker->setCurrentIndex(row);
    m_personPicker->setEditText(row >= 0 ? m_people.index(row).data().toString() : QString());
}

QString ShiftsPage::shownPerson() const
{
    return m_person.userId();
}

void ShiftsPage::selectShift(const QString &entryId)
{
    const int row = m_person.rowOf(entryId);
    if (row >= 0) {
        m_personTable->selectRow(row);
        return;
    }
    const int ongoing = m_ongoing.rowOf(entryId);
    if (ongoing >= 0)
        m_ongoingTable->selectRow(
            m_ongoingFilter->mapFromSource(m_ongoing.index(ongoing, 0)).row());
}

const TimeEntry *ShiftsPage::selectedOngoing() const
{
    const QModelIndexList rows = m_ongoingTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr
                          : m_ongoing.entryAt(m_ongoingFilter->mapToSource(rows.first()).row());
}

const TimeEntry *ShiftsPage::selectedPersonShift() const
{
    const QModelIndexList rows = m_personTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_person.entryAt(rows.first().row());
}

const TimeEntry *ShiftsPage::selected() const
{
    if (const TimeEntry *e = selectedPersonShift())
        return e;
    return selectedOngoing();
}

void ShiftsPage::updateButtons()
{
    m_ongoingBox->setTitle(tr("On shift now (%1)").arg(m_ongoing.rowCount()));
    const TimeEntry *e = selected();
    m_stop->setEnabled(e && e->isOngoing());
    m_edit->setEnabled(e != nullptr);
    m_delete->setEnabled(e != nullptr);
    m_add->setEnabled(!m_person.userId().isEmpty());
}

ShiftEditor *ShiftsPage::addShift()
{
    const QString userId = m_person.userId();
    if (userId.isEmpty())
        return nullptr;
    TimeEntry fresh;
    fresh.userId = QUuid::fromString(userId);
    const Person *p = m_people.person(userId);
    auto *editor = new ShiftEditor(fresh, p ? p->displayName : QString(), &m_teams, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &ShiftEditor::saveRequested, this, [this, editor] { save(editor); });
    editor->open();
    return editor;
}

ShiftEditor *ShiftsPage::editSelected()
{
    const TimeEntry *e = selected();
    if (!e)
        return nullptr;
    // The person's own list is what an overlap is checked against.
    showPerson(e->userId.toString(QUuid::WithoutBraces));
    auto *editor = new ShiftEditor(*e, e->userName, &m_teams, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &ShiftEditor::saveRequested, this, [this, editor] { save(editor); });
    editor->open();
    return editor;
}

QString ShiftsPage::overlapText(const ShiftEditor *editor) const
{
    const TimeEntry *other = m_person.overlapping(editor->start(), editor->stop(),
        editor->isNew() ? QString() : editor->entry().id.toString(QUuid::WithoutBraces));
    if (!other)
        return tr("That time overlaps another of their shifts.");
    if (other->isOngoing())
        return tr("That time overlaps the shift they are on now, at %1 since %2.")
            .arg(other->teamName, dateTimeText(other->start.toLocalTime()));
    return tr("That time overlaps their shift at %1 from %2 to %3.")
        .arg(other->teamName, dateTimeText(other->start.toLocalTime()),
            dateTimeText(other->stop.toLocalTime()));
}

void ShiftsPage::save(ShiftEditor *editor)
{
    editor->setBusy(true);
    const auto done = [this, editor](const QJsonValue &result, const RpcError &error) {
        editor->setBusy(false);
        if (error.isValid()) {
            if (error.reason == QLatin1String("overlap"))
                return editor->showProblem(overlapText(editor));
            if (error.reason == QLatin1String("already_clocked_in"))
                return editor->showProblem(
                    tr("They are on shift already: stop that shift first, or enter this one "
                       "with its stop time."));
            return editor->showProblem(errorText(error,
                {{QStringLiteral("stop"), tr("The stop")},
                    {QStringLiteral("start"), tr("The start")},
                    {QStringLiteral("reason"), tr("The reason")},
                    {QStringLiteral("notes"), tr("The notes")}}));
        }
        const TimeEntry saved = TimeEntry::fromJson(result[QStringLiteral("entry")].toObject());
        applyAnswer(QStringLiteral("updated"), saved);
        showMessage(editor->isNew() ? tr("Shift added for %1.").arg(saved.userName)
                                    : tr("Corrected the shift of %1: %2.")
                                          .arg(saved.userName, editor->changeSummary()));
        selectShift(saved.id.toString(QUuid::WithoutBraces));
        editor->accept();
    };
    if (editor->isNew()) {
        m_shifts
            .add(m_person.userId(), editor->teamId(), editor->start(), editor->stop(),
                editor->notes())
            ->then(editor, done);
        return;
    }
    m_shifts
        .update(
            editor->entry().id.toString(QUuid::WithoutBraces), editor->changes(), editor->reason())
        ->then(editor, done);
}

void ShiftsPage::applyAnswer(const QString &change, const TimeEntry &entry)
{
    // The answer shows the change at once; the push that follows changes nothing.
    m_ongoing.applyChange(change, entry);
    if (entry.userId.toString(QUuid::WithoutBraces) == m_person.userId())
        m_person.applyChange(change, entry);
}

void ShiftsPage::deleteSelected(const QString &reason)
{
    const TimeEntry *e = selected();
    if (!e)
        return;
    const QString name = e->userName;
    m_shifts.remove(e->id.toString(QUuid::WithoutBraces), reason.trimmed())
        ->then(this, [this, name](const QJsonValue &result, const RpcError &error) {
            if (error.isValid())
                return showMessage(errorText(error), true);
            const TimeEntry gone = TimeEntry::fromJson(result[QStringLiteral("entry")].toObject());
            applyAnswer(QStringLiteral("deleted"), gone);
            showMessage(tr("Deleted the shift of %1 from %2.")
                            .arg(name, dateTimeText(gone.start.toLocalTime())));
        });
}

void ShiftsPage::stopSelected()
{
    const TimeEntry *e = selected();
    if (!e || !e->isOngoing())
        return;
    const QString name = e->userName;
    m_shifts.stop(e->userId.toString(QUuid::WithoutBraces))
        ->then(this, [this, name](const QJsonValue &result, const RpcError &error) {
            if (error.isValid())
                return showMessage(errorText(error), true);
            const TimeEntry stopped
                = TimeEntry::fromJson(result[QStringLiteral("entry")].toObject());
            applyAnswer(QStringLiteral("stopped"), stopped);
            showMessage(tr("Stopped the shift of %1: %2 worked.")
                            .arg(name, durationText(stopped.workedSeconds)));
        });
}

} // namespace Muster
