// The desktop app's flow: resume the remembered session or ask to sign in, show the board, keep
// the token in the secret store when asked to, and go back to sign-in when the session ends.
#pragma once

#include "client/connection.h"
#include "tokenstore.h"

#include <QObject>
#include <QPointer>

namespace Muster {

class MainWindow;
class LoginDialog;

class DesktopSession : public QObject
{
    Q_OBJECT
public:
    explicit DesktopSession(QObject *parent = nullptr);
    ~DesktopSession() override;

    // Starts the flow. serverOverride (from --server) wins over the remembered server.
    void start(const QString &serverOverride = {});

    Connection &connection() { return m_connection; }
    MainWindow *board() const;
    LoginDialog *loginDialog() const;

private:
    void showLogin(const QString &message = {});
    void showBoard();
    void signOut();
    QString account() const;

    Connection m_connection;
    TokenStore m_tokens;
    QPointer<MainWindow> m_board;
    QPointer<LoginDialog> m_login;
    QString m_server;
    QString m_loginName;
    bool m_remember = false;
};

} // namespace Muster
