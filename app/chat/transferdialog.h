// Handing a chat to a colleague: whom (the consultants on duty, each with their load and whether
// they take a client now) and a note the colleague reads beside the chat ("Worried about her
// exam tomorrow; has not said her age"). The dialog closes once the server has handed the chat
// over, and stays open with the reason when it refused (that person just went off duty).
#pragma once

#include <QDialog>
#include <QUuid>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Muster {

class ChatClient;
class ConsultantListModel;

class TransferDialog : public QDialog
{
    Q_OBJECT
public:
    TransferDialog(ChatClient &client, ConsultantListModel &consultants, const QUuid &me,
        const QUuid &chatId, const QString &alias, QWidget *parent = nullptr);

    QUuid chosen() const;
    QString note() const;

private:
    void fill();
    void handOver();
    void showRefusal(const QString &message);

    ChatClient &m_client;
    ConsultantListModel &m_consultants;
    QUuid m_chatId;
    QUuid m_me;
    QComboBox *m_who;
    QPlainTextEdit *m_note;
    QLabel *m_message;
    QPushButton *m_ok;
};

} // namespace Muster
