// Administration: the statuses people choose from — add, edit, reorder, make default, delete
// (admins). Deleting moves the people in that state to the default one.
#pragma once

#include "adminpage.h"

#include <QColor>

class QListView;
class QPushButton;

namespace Muster {

class StateDecorationProxy;
class StateListModel;

class StatesPage : public AdminPage
{
    Q_OBJECT
public:
    StatesPage(Connection &connection, StateListModel &states, QWidget *parent = nullptr);

    void addState(const QString &label, const QColor &color, bool available);
    void editState(
        const QString &stateId, const QString &label, const QColor &color, bool available);
    // Moves the state at row by delta places (-1 up, +1 down).
    void moveState(int row, int delta);
    void makeDefault(const QString &stateId);
    void deleteState(const QString &stateId);
    int selectedRow() const;
    void selectRow(int row);

private:
    void updateButtons();
    QString idAt(int row) const;

    StateListModel &m_states;
    StateDecorationProxy *m_decorated;
    QListView *m_list;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_up;
    QPushButton *m_down;
    QPushButton *m_default;
    QPushButton *m_delete;
    QString m_keepSelected; // to select after the next model reset
};

} // namespace Muster
