// One conversation, as its consultant works it: the messages, whether the client is typing, a
// box to write in (Enter sends, Shift+Enter starts a new line) with the organisation's canned
// replies at hand, and Hand over… and End chat; beside it what the client said when they came
// (alias, topic, the intake's answers) and the note of whoever had the chat before. A chat that
// ended stays readable until its tab is closed.
#pragma once

#include "domain/chat.h"
#include "models/chatmessagemodel.h"

#include <QWidget>

class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace Muster {

class ChatDesk;

class ChatView : public QWidget
{
    Q_OBJECT
public:
    ChatView(ChatDesk &desk, const Chat &chat, QWidget *parent = nullptr);

    QUuid chatId() const { return m_chat.id; }
    QString alias() const { return m_chat.alias; }
    ChatMessageModel &messages() { return m_messages; }
    bool hasEnded() const { return m_ended; }
    // The chat as the lists know it now (a new note, the client away or back).
    void update(const Chat &chat);
    // It is no longer mine: ended, or handed over. The text box closes; the history stays.
    void setEnded(const QString &why);
    // Sends what is in the box; false when there is nothing to send.
    bool sendDraft();
    QPlainTextEdit *draft() const { return m_draft; }
    // The text of the intake pane, as shown.
    QString intakeText() const;

Q_SIGNALS:
    // Ask to close this chat's tab.
    void closeRequested();
    void transferRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void fillIntake();
    void endChat();
    void markReadIfSeen();
    void fillCannedMenu();

    ChatDesk &m_desk;
    Chat m_chat;
    ChatMessageModel m_messages;
    QListView *m_list;
    QLabel *m_typing;
    QLabel *m_endedBanner;
    QPlainTextEdit *m_draft;
    QToolButton *m_canned;
    QPushButton *m_send;
    QPushButton *m_transfer;
    QPushButton *m_end;
    QLabel *m_intake;
    bool m_ended = false;
};

} // namespace Muster
