// The desktop app's one window: a sidebar of places (Board, My time, Kiosks, Events,
// Chat, Administration, …), each offered only to the roles that may use it and following a role
// that changes while signed in; my own status always at hand on top, with Ctrl+1…9; the connection
// state said plainly in the status bar; a tray icon that keeps Muster running when closed.
#pragma once

#include "avatarcache.h"
#include "board/autoaway.h"
#include "chat/chatdesk.h"
#include "client/boardclient.h"
#include "common/idlemonitor.h"
#include "domain/role.h"
#include "models/attendeeloglistmodel.h"
#include "models/notificationlistmodel.h"
#include "models/presencemodel.h"

#include <QMainWindow>

#include <functional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QMenu;
class QStackedWidget;

namespace Muster {

class BoardPage;
class Connection;
class StateDecorationProxy;
class StatusTray;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Connection &connection, QWidget *parent = nullptr);
    ~MainWindow() override;

    PresenceModel &model() { return m_model; }
    // My notices: a new one is announced from the tray; one that waits for my confirmation
    // opens My time before anything else.
    NotificationListModel &notices() { return m_notices; }
    AvatarCache &avatars() { return m_avatars; }
    AutoAway &autoAway() { return m_autoAway; }
    StatusTray *tray() const { return m_tray; }
    // The consultant chat while the app runs (staff and up): what rings for a new client.
    ChatDesk &chatDesk() { return m_chatDesk; }
    // Sets my state to the one at this row of the state list, as the picker and shortcuts do.
    void chooseState(int row);

    // The places offered to me now, by name ("board", "mytime", "kiosks", …), in sidebar order.
    QStringList offeredPlaces() const;
    QString currentPlace() const;
    // Shows a place by name, if it is offered; its page is made the first time.
    bool showPlace(const QString &name);
    // The page of a place once it has been shown; nullptr before.
    QWidget *placePage(const QString &name) const;

Q_SIGNALS:
    void signOutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct Place
    {
        QString name;
        Role minimum;
        std::function<QWidget *()> make;
        std::function<bool()> alsoFor; // offered below `minimum` when this says so
        QListWidgetItem *item = nullptr;
        QWidget *page = nullptr;
    };

    void addPlace(const QString &name, const QString &title, Role minimum,
        std::function<QWidget *()> make, std::function<bool()> alsoFor = {});
    void offerPlaces();
    void onPlaceChosen();
    void setUpMenus();
    void onConnectionState();
    void syncMyState();
    void restoreLayout();
    void setUpAutoAway(QMenu *menu);
    void saveLayout();
    void refresh();
    void onNoticesLoaded();
    void onNoticesAdded(int first, int last);
    void onClientArrived(const QString &alias, const QString &topic);
    void showChatAttention();
    Role myRole() const;
    // When a state chosen now should clear itself, from the "clear after" choice.
    QDateTime chosenEnd() const;

    Connection &m_connection;
    PresenceModel m_model;
    NotificationListModel m_notices;
    AttendeeLogListModel
        m_keptLogs; // a gatekeeper below manager sees the place while they keep one
    ChatDesk m_chatDesk;
    BoardClient m_board;
    AvatarCache m_avatars;
    IdleMonitor m_idle;
    AutoAway m_autoAway;
    StateDecorationProxy *m_states;
    QListWidget *m_sidebar;
    QStackedWidget *m_pages;
    BoardPage *m_boardPage = nullptr;
    QComboBox *m_statePicker;
    QLineEdit *m_message;
    QComboBox *m_clearAfter;
    QLabel *m_connectionLabel;
    StatusTray *m_tray;
    std::vector<Place> m_places;
    int m_changesOnTheirWay = 0; // my presence.set calls not answered yet
    QString m_notifiedPlace; // where clicking the last desktop notification leads
};

} // namespace Muster
