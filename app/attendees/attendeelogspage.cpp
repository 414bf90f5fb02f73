// See attendeelogspage.h.
#include "attendeelogspage.h"

#include "client/connection.h"
#include "common/errortext.h"
#include "domain/role.h"

#include <QComboBox>
#include <QCompleter>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Muster {

AttendeeLogsPage::AttendeeLogsPage(Connection &connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_client(&connection)
    , m_logList(new QListView(this))
    , m_new(new QPushButton(tr("&New log…"), this))
    , m_rename(new QPushButton(tr("Re&name…"), this))
    , m_delete(new QPushButton(tr("&Delete…"), this))
    , m_keepersBox(new QGroupBox(tr("Gatekeepers"), this))
    , m_keepers(new QListWidget(this))
    , m_keeperPicker(new QComboBox(this))
    , m_addKeeper(new QPushButton(tr("&Add"), this))
    , m_removeKeeper(new QPushButton(tr("Remove"), this))
    , m_door(new QGroupBox(this))
    , m_count(new QLabel(this))
    , m_badge(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_table(new QTableView(this))
    , m_removeAttendee(new QPushButton(tr("Take off the log"), this))
    , m_empty(new QLabel(this))
{
    // The logs, and for managers what makes them.
    m_logList->setObjectName(QStringLiteral("logs"));
    m_logList->setModel(&m_logs);
    m_logList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_logList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_new->setObjectName(QStringLiteral("newLog"));
    m_rename->setObjectName(QStringLiteral("renameLog"));
    m_delete->setObjectName(QStringLiteral("deleteLog"));
    auto *logButtons = new QHBoxLayout;
    logButtons->addWidget(m_new);
    logButtons->addWidget(m_rename);
    logButtons->addWidget(m_delete);
    m_keepers->setObjectName(QStringLiteral("gatekeepers"));
    m_keeperPicker->setObjectName(QStringLiteral("gatekeeperPicker"));
    m_keeperPicker->setModel(&m_people);
    m_keeperPicker->setEditable(true);
    m_keeperPicker->setInsertPolicy(QComboBox::NoInsert);
    m_keeperPicker->completer()->setFilterMode(Qt::MatchContains);
    m_keeperPicker->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_keeperPicker->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_keeperPicker->lineEdit()->setPlaceholderText(tr("Type a name"));
    m_keeperPicker->setCurrentIndex(-1);
    m_addKeeper->setObjectName(QStringLiteral("addGatekeeper"));
    m_removeKeeper->setObjectName(QStringLiteral("removeGatekeeper"));
    auto *keeperAdd = new QHBoxLayout;
    keeperAdd->addWidget(m_keeperPicker, 1);
    keeperAdd->addWidget(m_addKeeper);
    auto *keepersLayout = new QVBoxLayout(m_keepersBox);
    keepersLayout->addWidget(m_keepers);
    keepersLayout->addLayout(keeperAdd);
    keepersLayout->addWidget(m_removeKeeper, 0, Qt::AlignRight);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_logList, 2);
    leftLayout->addLayout(logButtons);
    leftLayout->addWidget(m_keepersBox, 1);

    // The door: the count, the badge field, who came.
    m_door->setObjectName(QStringLiteral("door"));
    m_count->setObjectName(QStringLiteral("count"));
    QFont big = m_count->font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    m_count->setFont(big);
    m_badge->setObjectName(QStringLiteral("badge"));
    m_badge->setPlaceholderText(tr("Scan or type a badge number, then Enter"));
    m_badge->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,8}")), m_badge));
    QFont badgeFont = m_badge->font();
    badgeFont.setPointSizeF(badgeFont.pointSizeF() * 1.5);
    m_badge->setFont(badgeFont);
    m_message->setObjectName(QStringLiteral("doorMessage"));
    m_message->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("attendees"));
    m_table->setModel(&m_attendees);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setFocusPolicy(Qt::ClickFocus); // Tab goes back to the badge field, not here
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_removeAttendee->setObjectName(QStringLiteral("removeAttendee"));
    auto *doorLayout = new QVBoxLayout(m_door);
    doorLayout->addWidget(m_count);
    doorLayout->addWidget(m_badge);
    doorLayout->addWidget(m_message);
    doorLayout->addWidget(m_table, 1);
    doorLayout->addWidget(m_removeAttendee, 0, Qt::AlignRight);
    m_empty->setObjectName(QStringLiteral("noLogs"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_door, 1);
    rightLayout->addWidget(m_empty, 1);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_new, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("New attendee log"),
            tr("What is it for (a panel, a meet-up)?"), QLineEdit::Normal, {}, &ok);
        if (ok)
            createLog(name);
    });
    connect(m_rename, &QPushButton::clicked, this, [this] {
        const AttendeeLog *log = selectedLog();
        if (!log)
            return;
        bool ok = false;
        const QString name = QInputDialog::getText(
            this, tr("Rename the log"), tr("New name:"), QLineEdit::Normal, log->name, &ok);
        if (ok)
            renameSelected(name);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const AttendeeLog *log = selectedLog();
        if (log
            && QMessageBox::question(this, tr("Delete this log?"),
                   tr("“%1” and the %2 people logged in it go. This cannot be undone.")
                       .arg(log->name, QString::number(log->attendees)))
                == QMessageBox::Yes)
            deleteSelected();
    });
    connect(m_addKeeper, &QPushButton::clicked, this, [this] {
        const int row = m_keeperPicker->currentIndex();
        if (row >= 0)
            addGatekeeper(m_people.index(row).data(PresenceModel::UserIdRole).toString());
    });
    connect(m_removeKeeper, &QPushButton::clicked, this, [this] {
        if (const QListWidgetItem *item = m_keepers->currentItem())
            removeGatekeeper(item->data(Qt::UserRole).toString());
    });
    connect(m_badge, &QLineEdit::returnPressed, this, [this] { addBadge(m_badge->text()); });
    connect(
        m_removeAttendee, &QPushButton::clicked, this, &AttendeeLogsPage::removeSelectedAttendee);
    connect(m_logList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &AttendeeLogsPage::showSelected);
    // The count, the gatekeepers and the buttons follow the list, live.
    connect(&m_logs, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_logList->currentIndex().isValid() && m_logs.rowCount() > 0)
            selectLog(0);
        showSelected();
    });
    connect(&m_logs, &QAbstractItemModel::rowsInserted, this, &AttendeeLogsPage::showSelected);
    connect(&m_logs, &QAbstractItemModel::rowsRemoved, this, &AttendeeLogsPage::showSelected);
    connect(&m_logs, &QAbstractItemModel::dataChanged, this, &AttendeeLogsPage::showSelected);
    connect(&m_connection, &Connection::userChanged, this, &AttendeeLogsPage::showSelected);

    m_logs.setConnection(&m_connection);
    m_attendees.setConnection(&m_connection);
    m_people.setConnection(&m_connection);
    showSelected();
}

bool AttendeeLogsPage::isManager() const
{
    return roleAtLeast(roleFromName(m_connection.user().value(QStringLiteral("role")).toString())
                           .value_or(Role::Banned),
        Role::Manager);
}

QString AttendeeLogsPage::message() const
{
    return m_message->text();
}

QString AttendeeLogsPage::countText() const
{
    return m_count->text();
}

void AttendeeLogsPage::showMessage(const QString &text, bool problem)
{
    m_message->setText(problem ? u"⚠ " + text : text);
}

void AttendeeLogsPage::selectLog(int row)
{
    m_logList->setCurrentIndex(m_logs.index(row));
}

const AttendeeLog *AttendeeLogsPage::selectedLog() const
{
    return m_logs.logAt(m_logList->currentIndex().row());
}

QString AttendeeLogsPage::selectedLogId() const
{
    const AttendeeLog *log = selectedLog();
    return log ? log->id.toString(QUuid::WithoutBraces) : QString();
}

void AttendeeLogsPage::showSelected()
{
    const bool manager = isManager();
    const AttendeeLog *log = selectedLog();
    m_new->setVisible(manager);
    m_rename->setVisible(manager);
    m_delete->setVisible(manager);
    m_keepersBox->setVisible(manager && log);
    m_rename->setEnabled(log);
    m_delete->setEnabled(log);
    m_door->setVisible(log);
    m_empty->setVisible(!log);
    m_empty->setText(!m_logs.isLoaded() ? tr("Loading…")
            : manager ? tr("No attendee log in the active event yet: make one with New log.")
                      : tr("You keep no attendee log."));
    if (!log) {
        m_attendees.setLogId({});
        m_shownLog = {};
        return;
    }
    m_door->setTitle(log->name);
    m_count->setText(tr("%1 here").arg(log->attendees));
    m_attendees.setLogId(log->id.toString(QUuid::WithoutBraces));
    const QString current = m_keepers->currentItem()
        ? m_keepers->currentItem()->data(Qt::UserRole).toString()
        : QString();
    m_keepers->clear();
    for (const AttendeeLog::Gatekeeper &g : log->gatekeepers) {
        auto *item = new QListWidgetItem(g.displayName, m_keepers);
        item->setData(Qt::UserRole, g.userId.toString(QUuid::WithoutBraces));
        if (item->data(Qt::UserRole).toString() == current)
            m_keepers->setCurrentItem(item);
    }
    m_keepers->setToolTip(log->gatekeepers.isEmpty()
            ? tr("Nobody yet: only managers can log people here.")
            : QString());
    m_removeKeeper->setEnabled(!log->gatekeepers.isEmpty());
    // A new log on screen: ready for its first badge (a push must not take the focus away).
    if (std::exchange(m_shownLog, log->id) != log->id)
        m_badge->setFocus();
}

void AttendeeLogsPage::createLog(const QString &name)
{
    if (name.trimmed().isEmpty())
        return;
    m_client.create(name)->then(this, [this](const QJsonValue &result, const RpcError &error) {
        if (error.isValid())
            return showMessage(error.reason == QLatin1String("conflict")
                    ? tr("The active event has a log of that name already.")
                    : errorText(error, {{QStringLiteral("name"), tr("The name")}}),
                true);
        const AttendeeLog log = AttendeeLog::fromJson(result[QStringLiteral("log")].toObject());
        m_logs.upsert(log);
        selectLog(m_logs.rowOf(log.id));
        showMessage(tr("“%1” is ready: add its gatekeepers, or log people here.").arg(log.name));
    });
}

void AttendeeLogsPage::renameSelected(const QString &name)
{
    const QString logId = selectedLogId();
    if (logId.isEmpty() || name.trimmed().isEmpty())
        return;
    m_client.rename(logId, name)
        ->then(this, [this](const QJsonValue &result, const RpcError &error) {
            if (error.isValid())
                return showMessage(
                    errorText(error, {{QStringLiteral("name"), tr("The name")}}), true);
            const AttendeeLog log = AttendeeLog::fromJson(result[QStringLiteral("log")].toObject());
            m_logs.upsert(log);
            selectLog(m_logs.rowOf(log.id));
        });
}

void AttendeeLogsPage::deleteSelected()
{
    const QString logId = selectedLogId();
    if (logId.isEmpty())
        return;
    m_client.remove(logId)->then(this, [this, logId](const QJsonValue &, const RpcError &error) {
        if (error.isValid())
            return showMessage(errorText(error), true);
        m_logs.removeLog(QUuid::fromString(logId));
    });
}

void AttendeeLogsPage::addGatekeeper(const QString &userId)
{
    const QString logId = selectedLogId();
    if (logId.isEmpty() || userId.isEmpty())
        return;
    m_client.addGatekeeper(logId, userId)
        ->then(this, [this](const QJsonValue &result, const RpcError &error) {
            if (error.isValid())
                return showMessage(errorText(error), true);
            m_logs.upsert(AttendeeLog::fromJson(result[QStringLiteral("log")].toObject()));
            m_keeperPicker->setCurrentIndex(-1);
        });
}

void AttendeeLogsPage::removeGatekeeper(const QString &userId)
{
    const QString logId = selectedLogId();
    if (logId.isEmpty() || userId.isEmpty())
        return;
    m_client.removeGatekeeper(logId, userId)
        ->then(this, [this](const QJsonValue &result, const RpcError &error) {
            if (error.isValid())
                return showMessage(errorText(error), true);
            m_logs.upsert(AttendeeLog::fromJson(result[QStringLiteral("log")].toObject()));
        });
}

void AttendeeLogsPage::addBadge(const QString &badge)
{
    const QString logId = selectedLogId();
    const QString typed = badge.trimmed();
    if (logId.isEmpty() || typed.isEmpty())
        return;
    // Ready for the next badge at once: a scanner does not wait for the answer.
    m_badge->clear();
    m_badge->setFocus();
    m_client.addAttendee(logId, typed)
        ->then(this, [this, typed, logId](const QJsonValue &result, const RpcError &error) {
            if (error.isValid()) {
                if (error.reason == QLatin1String("already_logged"))
                    return showMessage(tr("Badge %1 is logged already.").arg(typed), true);
                if (error.reason == QLatin1String("event_closed"))
                    return showMessage(tr("The event is over: the log is read-only."), true);
                return showMessage(
                    errorText(error, {{QStringLiteral("badge"), tr("The badge")}}), true);
            }
            const Attendee a = Attendee::fromJson(result[QStringLiteral("attendee")].toObject());
            if (m_attendees.logId() == logId) {
                m_attendees.append(a);
                m_table->scrollToBottom();
            }
            showMessage(a.placeholder
                    ? tr("Logged badge %1: nobody has it yet, so no name.").arg(a.badge)
                    : tr("Logged %1 (#%2).").arg(a.displayName, a.badge));
        });
}

void AttendeeLogsPage::removeSelectedAttendee()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const QString logId = selectedLogId();
    if (rows.isEmpty() || logId.isEmpty())
        return;
    const Attendee *a = m_attendees.attendeeAt(rows.first().row());
    if (!a)
        return;
    const QUuid userId = a->userId;
    const QString name = a->displayName;
    m_client.removeAttendee(logId, userId.toString(QUuid::WithoutBraces))
        ->then(this, [this, userId, name](const QJsonValue &, const RpcError &error) {
            if (error.isValid())
                return showMessage(errorText(error), true);
            m_attendees.removeAttendee(userId);
            showMessage(tr("Took %1 off the log.").arg(name));
        });
}

} // namespace Muster
