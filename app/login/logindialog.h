// Asks for the server, login and password, signs in through the shared Connection, and explains
// plainly what went wrong (wrong password, too many attempts, server unreachable). Someone who
// was invited turns their code into an account from here ("I have an invitation…").
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
    // A line under the form; a problem (the default) is shown in a colour that reads as one and
    // keeps its contrast on light and dark palettes alike.
    enum class Tone { Problem, Progress };
    void showMessage(const QString &message, Tone tone = Tone::Problem);

    QString server() const;
    QString login() const;
    bool remember() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTone();

    void submit();
    void setBusy(bool busy);
    void onSignInFailed(const RpcError &error);
    void onStateChanged();
    void updateButton();
    void openInvitation();

    Connection &m_connection;
    QLineEdit *m_server;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_rememberNote;
    QLabel *m_message;
    Tone m_tone = Tone::Problem;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

} // namespace Muster
