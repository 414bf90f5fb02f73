// The main window: the organisation's people live, a one-click (or Ctrl+1…9) control to set my
// own state, a search box, and the connection state shown plainly in the status bar.
#pragma once

#include "autoaway.h"
#include "avatarcache.h"
#include "client/boardclient.h"
#include "common/idlemonitor.h"
#include "models/presencemodel.h"
#include "models/teamlistmodel.h"

#include <QMainWindow>
#include <QTimer>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;

namespace Muster {

class Connection;
class PeopleFilterModel;
class StateDecorationProxy;
class StatusTray;

class BoardWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit BoardWindow(Connection &connection, QWidget *parent = nullptr);

    PresenceModel &model() { return m_model; }
    AvatarCache &avatars() { return m_avatars; }
    AutoAway &autoAway() { return m_autoAway; }
    StatusTray *tray() const { return m_tray; }
    // Sets my state to the one at this row of the state list, as the picker and shortcuts do.
    void chooseState(int row);

Q_SIGNALS:
    void signOutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void refresh();
    void fillTeamPicker();
    void openOnMyTeam();
    QString shownTeam() const; // "" for everyone
    void onConnectionState();
    void syncMyState();
    void restoreLayout();
    void setUpAutoAway(QMenu *menu);
    void saveLayout();
    // When a state chosen now should clear itself, from the "clear after" choice.
    QDateTime chosenEnd() const;

    Connection &m_connection;
    PresenceModel m_model;
    TeamListModel m_teams;
    BoardClient m_board;
    AvatarCache m_avatars;
    IdleMonitor m_idle;
    AutoAway m_autoAway;
    PeopleFilterModel *m_people;
    StateDecorationProxy *m_states;
    QListView *m_view;
    QComboBox *m_teamPicker;
    QComboBox *m_statePicker;
    QLineEdit *m_message;
    QComboBox *m_clearAfter;
    QLineEdit *m_search;
    QLabel *m_connectionLabel;
    QLabel *m_countLabel;
    StatusTray *m_tray;
    QTimer m_tick;
    quint64 m_generation = 0; // answers to older presence.list requests are dropped
    int m_changesOnTheirWay = 0; // my presence.set calls not answered yet
    QString m_myTeamId; // from the first board, which shows everyone
    bool m_teamChosen = false; // until then the board opens on my own team
};

} // namespace Muster
