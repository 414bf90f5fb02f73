// "I have an invitation": the code a manager gave (or mailed), and the account it becomes: a
// login, the name colleagues see, and a password the server's policy accepts, typed twice. The
// dialog opens a connection of its own, not signed in, for invites.accept; once the account
// exists, the sign-in window signs in with it as with any other.
#pragma once

#include "client/connection.h"

#include <QDialog>
#include <QTimer>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Muster {

class InvitationDialog : public QDialog
{
    Q_OBJECT
public:
    InvitationDialog(const QUrl &server, QWidget *parent = nullptr);

    QString login() const;
    QString password() const;
    QString message() const;

Q_SIGNALS:
    // The account exists: sign in with it.
    void joined(const QString &login, const QString &password);

private:
    void join();
    void send();
    void fail(const QString &message);
    void updateButton();

    QUrl m_server;
    Connection m_open;
    QTimer m_patience;
    bool m_sending = false;
    QLineEdit *m_code;
    QLineEdit *m_name;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QLineEdit *m_again;
    QLabel *m_message;
    QPushButton *m_join;
};

} // namespace Muster
