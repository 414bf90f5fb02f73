// Asks for the server, login and password, signs in through the shared Connection, and explains
// plainly what went wrong (wrong password, too many attempts, server unreachable).
#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Muster {

class Connection;
struct RpcError;

class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    LoginDialog(Connection &connection, QWidget *parent = nullptr);

    void setServer(const QString &server);
    void setLogin(const QString &login);
    void setRememberAvailable(bool available, const QString &why = {});
    void showMessage(const QString &message);

    QString server() const;
    QString login() const;
    bool remember() const;

private:
    void submit();
    void setBusy(bool busy);
    void onSignInFailed(const RpcError &error);
    void onStateChanged();
    void updateButton();

    Connection &m_connection;
    QLineEdit *m_server;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

} // namespace Muster
