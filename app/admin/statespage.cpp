// See statespage.h.
#include "statespage.h"

#include "board/statedecorationproxy.h"
#include "models/statelistmodel.h"
#include "stateeditdialog.h"

#include <QJsonArray>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>

namespace Muster {

StatesPage::StatesPage(Connection &connection, StateListModel &states, QWidget *parent)
    : AdminPage(connection, parent)
    , m_states(states)
    , m_decorated(new StateDecorationProxy(this))
    , m_list(new QListView(this))
    , m_add(new QPushButton(tr("&Add status…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_up(new QPushButton(tr("Move &up"), this))
    , m_down(new QPushButton(tr("Move &down"), this))
    , m_default(new QPushButton(tr("Make de&fault"), this))
    , m_delete(new QPushButton(tr("De&lete…"), this))
{
    setObjectName(QStringLiteral("statesPage"));
    m_decorated->setSourceModel(&m_states);
    m_decorated->setShowFlags(true);
    m_list->setObjectName(QStringLiteral("states"));
    m_list->setModel(m_decorated);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_default->setToolTip(tr("Where people start, and return to when a status clears itself"));
    setListWithButtons(m_list, {m_add, m_edit, m_up, m_down, m_default, m_delete});

    connect(m_add, &QPushButton::clicked, this, [this] {
        StateEditDialog dialog(this);
        dialog.setWindowTitle(tr("Add status"));
        if (dialog.exec() == QDialog::Accepted)
            addState(dialog.label(), dialog.color(), dialog.available());
    });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        const StatusState *s = m_states.stateById(idAt(selectedRow()));
        if (!s)
            return;
        StateEditDialog dialog(this);
        dialog.setWindowTitle(tr("Edit status"));
        dialog.setValues(s->label, QColor(s->color), s->available);
        if (dialog.exec() == QDialog::Accepted)
            editState(s->id, dialog.label(), dialog.color(), dialog.available());
    });
    connect(m_up, &QPushButton::clicked, this, [this] { moveState(selectedRow(), -1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveState(selectedRow(), +1); });
    connect(m_default, &QPushButton::clicked, this, [this] { makeDefault(idAt(selectedRow())); });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const StatusState *s = m_states.stateById(idAt(selectedRow()));
        if (!s)
            return;
        const auto answer = QMessageBox::question(this, tr("Delete status"),
            tr("Delete \"%1\"? Everyone in it moves to the default status.").arg(s->label));
        if (answer == QMessageBox::Yes)
            deleteState(s->id);
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &StatesPage::updateButtons);
    connect(&m_states, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (m_keepSelected.isEmpty())
            m_keepSelected = idAt(selectedRow());
    });
    connect(&m_states, &QAbstractItemModel::modelReset, this, [this] {
        selectRow(m_states.rowOf(m_keepSelected));
        m_keepSelected.clear();
    });
    connect(this, &AdminPage::busyChanged, this, &StatesPage::updateButtons);
    updateButtons();
}

int StatesPage::selectedRow() const
{
    return m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
}

void StatesPage::selectRow(int row)
{
    m_list->setCurrentIndex(row >= 0 ? m_decorated->index(row, 0) : QModelIndex());
    updateButtons();
}

QString StatesPage::idAt(int row) const
{
    return row < 0 ? QString() : m_states.index(row).data(StateListModel::IdRole).toString();
}

void StatesPage::addState(const QString &label, const QColor &color, bool available)
{
    run(admin().createState(label, color.name(), available), [this](const QJsonValue &result) {
        // The states.changed push that lists it may come after this reply.
        m_keepSelected = result[QStringLiteral("state")][QStringLiteral("id")].toString();
        if (const int row = m_states.rowOf(m_keepSelected); row >= 0) {
            selectRow(row);
            m_keepSelected.clear();
        }
    });
}

void StatesPage::editState(
    const QString &stateId, const QString &label, const QColor &color, bool available)
{
    run(admin().updateState(stateId, label, color.name(), available));
}

void StatesPage::moveState(int row, int delta)
{
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_states.rowCount())
        return;
    QStringList ids;
    for (int i = 0; i < m_states.rowCount(); ++i)
        ids << idAt(i);
    ids.move(row, target);
    m_keepSelected = ids.at(target);
    run(admin().reorderStates(ids));
}

void StatesPage::makeDefault(const QString &stateId)
{
    run(admin().makeDefaultState(stateId));
}

void StatesPage::deleteState(const QString &stateId)
{
    run(admin().deleteState(stateId), [this](const QJsonValue &result) {
        const int moved = result[QStringLiteral("moved")].toInt();
        if (moved > 0)
            showMessage(tr("%n person(s) moved to the default status.", nullptr, moved));
    });
}

void StatesPage::updateButtons()
{
    const int row = selectedRow();
    const StatusState *s = m_states.stateById(idAt(row));
    const bool idle = !isBusy();
    m_add->setEnabled(idle);
    m_edit->setEnabled(idle && s);
    m_up->setEnabled(idle && s && row > 0);
    m_down->setEnabled(idle && s && row + 1 < m_states.rowCount());
    m_default->setEnabled(idle && s && !s->isDefault);
    m_delete->setEnabled(idle && s && !s->isDefault);
    m_delete->setToolTip(s && s->isDefault ? tr("The default status cannot be deleted; make "
                                                "another one the default first")
                                           : QString());
}

} // namespace Muster
