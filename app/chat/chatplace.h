// The Chat place, where consultants work the anteroom's clients: chat duty on or off (following
// my status: a state that is not available takes no new client, and the place says so), the
// clients waiting with how long and about what, my chats each in a tab with its intake beside
// it, and for managers every chat in progress and who is on duty. A client taken opens in a
// tab at once; a chat that ends or is handed over stays readable until its tab is closed.
#pragma once

#include <QHash>
#include <QTimer>
#include <QUuid>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace Muster {

struct Chat;
class ChatDesk;
class ChatView;
class PresenceModel;

class ChatPlace : public QWidget
{
    Q_OBJECT
public:
    ChatPlace(ChatDesk &desk, PresenceModel &presence, QWidget *parent = nullptr);

    ChatDesk &desk() { return m_desk; }
    // The open conversation of a chat, or nullptr.
    ChatView *viewOf(const QUuid &chatId) const;
    ChatView *currentView() const;
    // Takes the client in this row of the queue.
    void takeRow(int row);
    // Opens the dialog that hands the current chat over.
    void transferCurrent();
    // What the line under the duty switch says now.
    QString dutyText() const;

private:
    void syncTabs();
    ChatView *openTab(const Chat &chat);
    void closeTab(ChatView *view);
    void refreshTabTitles();
    void onDutyToggled(bool on);
    void refreshDuty();
    void showMessage(const QString &text, bool error = false);
    void onChatLeft(const Chat &chat);
    // Managers' lists shown or not, my name as the chat name's hint: after the desk's role.
    void followDesk();

    ChatDesk &m_desk;
    PresenceModel &m_presence;
    QCheckBox *m_duty;
    QLineEdit *m_chatName;
    QLabel *m_dutyState;
    QLabel *m_waitingTitle;
    QListView *m_queue;
    QLabel *m_nobodyWaiting;
    QPushButton *m_take;
    QLabel *m_mineTitle;
    QListView *m_mine;
    QLabel *m_liveTitle;
    QListView *m_live;
    QLabel *m_onDutyTitle;
    QListView *m_onDuty;
    QLabel *m_message;
    QStackedWidget *m_right;
    QTabWidget *m_tabs;
    QHash<QUuid, ChatView *> m_views;
    QTimer m_tick; // the waits shown grow by the minute
};

} // namespace Muster
