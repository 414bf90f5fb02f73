// See eventspage.h.
#include "eventspage.h"

#include "client/connection.h"
#include "common/errortext.h"
#include "domain/role.h"
#include "eventeditor.h"
#include "eventsetup.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Muster {

EventsPage::EventsPage(Connection &connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_client(&connection)
    , m_table(new QTableView(this))
    , m_new(new QPushButton(tr("&New event…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_activate(new QPushButton(tr("Make &active"), this))
    , m_archive(new QPushButton(tr("A&rchive"), this))
    , m_message(new QLabel(this))
    , m_setup(new EventSetup(connection, m_client, this))
{
    m_table->setObjectName(QStringLiteral("events"));
    m_table->setModel(&m_events);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(EventListModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(EventListModel::DatesColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(EventListModel::TimeZoneColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(EventListModel::DayStartColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(EventListModel::StatusColumn, QHeaderView::ResizeToContents);

    m_new->setObjectName(QStringLiteral("newEvent"));
    m_edit->setObjectName(QStringLiteral("edit"));
    m_activate->setObjectName(QStringLiteral("activate"));
    m_archive->setObjectName(QStringLiteral("archive"));
    m_message->setObjectName(QStringLiteral("eventsMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    auto *intro = new QLabel(tr("The time clock counts shifts in the active event. Times are shown "
                                "in each event's own time zone."),
        this);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);
    auto *readOnly = new QLabel(tr("Only administrators create and change events."), this);
    readOnly->setObjectName(QStringLiteral("readOnlyNote"));
    readOnly->setVisible(!mayChange());

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_activate);
    buttons->addWidget(m_archive);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(buttons);
    layout->addWidget(readOnly);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_setup, 1);

    connect(m_new, &QPushButton::clicked, this, &EventsPage::newEvent);
    connect(m_edit, &QPushButton::clicked, this, &EventsPage::editSelected);
    connect(m_activate, &QPushButton::clicked, this, &EventsPage::activateSelected);
    connect(m_archive, &QPushButton::clicked, this, &EventsPage::archiveSelected);
    connect(m_table, &QTableView::doubleClicked, this, &EventsPage::editSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &EventsPage::updateButtons);
    // events.changed brings the whole list: the selection stays on the same event.
    // A new event saved a moment ago is selected once its push brings it.
    connect(&m_events, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (m_keepSelected.isEmpty())
            m_keepSelected = selectedEvent();
    });
    connect(&m_events, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_keepSelected.isEmpty() && m_events.rowOf(m_keepSelected) >= 0) {
            selectEvent(m_keepSelected);
            m_keepSelected.clear();
        }
        updateButtons();
    });
    connect(&m_events, &EventListModel::loadFailed, this, [this](const QString &why) {
        showMessage(tr("Could not load the events: %1").arg(why), true);
    });
    connect(&m_connection, &Connection::userChanged, this, &EventsPage::updateButtons);

    m_events.setConnection(&m_connection);
    updateButtons();
}

bool EventsPage::mayChange() const
{
    return roleAtLeast(roleFromName(m_connection.user().value(QStringLiteral("role")).toString())
                           .value_or(Role::Banned),
        Role::Admin);
}

const Event *EventsPage::selected() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_events.eventAt(rows.first().row());
}

QString EventsPage::selectedEvent() const
{
    const Event *e = selected();
    return e ? e->id.toString(QUuid::WithoutBraces) : QString();
}

void EventsPage::selectEvent(const QString &eventId)
{
    const int row = m_events.rowOf(eventId);
    if (row >= 0)
        m_table->selectRow(row);
}

void EventsPage::updateButtons()
{
    const bool admin = mayChange();
    const Event *e = selected();
    m_setup->setEvent(e ? *e : Event(), admin);
    m_new->setVisible(admin);
    m_activate->setVisible(admin);
    m_archive->setVisible(admin);
    m_edit->setText(admin && !(e && e->readOnly) ? tr("&Edit…") : tr("&Details…"));
    m_edit->setEnabled(e != nullptr);
    m_activate->setEnabled(e && !e->active && !e->archived);
    m_archive->setEnabled(e != nullptr);
    m_archive->setText(e && e->archived ? tr("Un&archive") : tr("A&rchive"));
}

QString EventsPage::message() const
{
    return m_message->text();
}

void EventsPage::showMessage(const QString &text, bool problem)
{
    m_message->setText(problem ? u"⚠ " + text : text);
    m_message->setVisible(!text.isEmpty());
}

EventEditor *EventsPage::newEvent()
{
    if (!mayChange())
        return nullptr;
    QList<Event> earlier;
    for (int row = 0; row < m_events.rowCount(); ++row)
        earlier.append(*m_events.eventAt(row));
    auto *editor = new EventEditor(Event(), earlier, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &EventEditor::saveRequested, this, [this, editor] { save(editor); });
    editor->open();
    return editor;
}

EventEditor *EventsPage::editSelected()
{
    const Event *e = selected();
    if (!e)
        return nullptr;
    Event shown = *e;
    if (!mayChange())
        shown.readOnly = true; // managers look, administrators change
    auto *editor = new EventEditor(shown, {}, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &EventEditor::saveRequested, this, [this, editor] { save(editor); });
    editor->open();
    return editor;
}

void EventsPage::save(EventEditor *editor)
{
    editor->setBusy(true);
    const auto done = [this, editor](const QJsonValue &result, const RpcError &error) {
        editor->setBusy(false);
        if (error.isValid()) {
            if (error.reason == QLatin1String("conflict"))
                return editor->showProblem(
                    tr("Another event is already called “%1”.").arg(editor->name()));
            return editor->showProblem(errorText(error,
                {{QStringLiteral("name"), tr("The name")},
                    {QStringLiteral("timeZone"), tr("The time zone")},
                    {QStringLiteral("end"), tr("The end")}}));
        }
        const QString id = result[QStringLiteral("event")][QStringLiteral("id")].toString();
        showMessage(editor->isNew() ? tr("“%1” is created.").arg(editor->name())
                                    : tr("“%1” is saved.").arg(editor->name()));
        if (m_events.rowOf(id) >= 0)
            selectEvent(id);
        else
            m_keepSelected = id; // its push is still on the way
        editor->accept();
    };
    if (editor->isNew()) {
        m_client
            .create(editor->name(), editor->timeZone(), editor->start(), editor->end(),
                editor->dayBoundaryHour(), editor->activate(), editor->copySetupFrom())
            ->then(editor, done);
        return;
    }
    const QJsonObject changes = editor->changes();
    if (changes.isEmpty()) {
        editor->accept();
        return;
    }
    m_client.update(selectedEvent(), changes)->then(editor, done);
}

void EventsPage::activateSelected()
{
    const Event *e = selected();
    if (!e || e->active || e->archived || !mayChange())
        return;
    const QString id = e->id.toString(QUuid::WithoutBraces);
    const QString name = e->name;
    const Event *current = m_events.activeEvent();
    const auto run = [this, id, name] {
        m_client.activate(id)->then(this, [this, name](const QJsonValue &, const RpcError &error) {
            if (error.isValid())
                return showMessage(errorText(error), true);
            showMessage(tr("“%1” is the active event: kiosks clock time into it now.").arg(name));
        });
    };
    if (!current)
        return run();
    // Switching while people are on shift in the other event is worth a second thought.
    auto *confirm = new QMessageBox(QMessageBox::Question, tr("Make “%1” active?").arg(name),
        tr("The time clock stops counting in “%1” and counts in “%2” from now on. Shifts under way "
           "stay in “%1”.")
            .arg(current->name, name),
        QMessageBox::Cancel, this);
    confirm->setObjectName(QStringLiteral("confirmActivate"));
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = confirm->addButton(tr("Make active"), QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("confirm"));
    connect(yes, &QPushButton::clicked, this, run);
    confirm->open();
}

void EventsPage::archiveSelected()
{
    const Event *e = selected();
    if (!e || !mayChange())
        return;
    const QString id = e->id.toString(QUuid::WithoutBraces);
    const QString name = e->name;
    const bool archive = !e->archived;
    m_client.setArchived(id, archive)
        ->then(this, [this, name, archive](const QJsonValue &, const RpcError &error) {
            if (error.isValid())
                return showMessage(errorText(error), true);
            showMessage(archive ? tr("“%1” is archived: read-only, kept for its reports.").arg(name)
                                : tr("“%1” is no longer archived.").arg(name));
        });
}

} // namespace Muster
