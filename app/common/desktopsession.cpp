// See desktopsession.h.
#include "desktopsession.h"

#include "client/serverurl.h"
#include "common/errortext.h"
#include "login/logindialog.h"
#include "shell/mainwindow.h"

#include <QApplication>
#include <QSettings>

namespace Muster {

DesktopSession::DesktopSession(QObject *parent)
    : QObject(parent)
{
    connect(&m_connection, &Connection::tokenChanged, this, [this](const QString &token) {
        if (m_remember && !token.isEmpty())
            m_tokens.save(account(), token);
    });
    connect(&m_connection, &Connection::signInFailed, this, [this](const RpcError &error) {
        // A remembered session that the server no longer accepts: forget it and ask again.
        if (!m_login) {
            m_tokens.erase(account());
            showLogin(error.reason == QStringLiteral("session_expired")
                    ? tr("Your session has ended. Please sign in again.")
                    : errorText(error));
        }
    });
}

DesktopSession::~DesktopSession()
{
    delete m_board;
    delete m_login;
}

MainWindow *DesktopSession::board() const
{
    return m_board;
}

LoginDialog *DesktopSession::loginDialog() const
{
    return m_login;
}

QString DesktopSession::account() const
{
    return m_loginName + u'@' + webSocketUrl(m_server).authority();
}

void DesktopSession::start(const QString &serverOverride)
{
    QSettings settings;
    m_server = serverOverride.isEmpty()
        ? settings.value(QStringLiteral("server/address"), QStringLiteral("127.0.0.1:8440"))
              .toString()
        : serverOverride;
    m_loginName = settings.value(QStringLiteral("account/login")).toString();
    m_remember = settings.value(QStringLiteral("account/remember"), false).toBool();
    if (m_loginName.isEmpty() || !m_remember) {
        showLogin();
        m_tokens.probe(); // so "stay signed in" is offered only where it can work
        return;
    }
    connect(
        &m_tokens, &TokenStore::loaded, this,
        [this](const QString &token) {
            if (token.isEmpty()) {
                showLogin();
                return;
            }
            m_connection.resume(webSocketUrl(m_server), token);
            showBoard();
        },
        Qt::SingleShotConnection);
    connect(
        &m_tokens, &TokenStore::unavailable, this, [this] { showLogin(); },
        Qt::SingleShotConnection);
    m_tokens.load(account());
}

void DesktopSession::showLogin(const QString &message)
{
    if (m_board)
        m_board->hide();
    if (!m_login) {
        m_login = new LoginDialog(m_connection);
        m_login->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_login, &QDialog::accepted, this, [this] {
            m_server = m_login->server();
            m_loginName = m_login->login();
            m_remember = m_login->remember();
            QSettings settings;
            settings.setValue(QStringLiteral("server/address"), m_server);
            settings.setValue(QStringLiteral("account/login"), m_loginName);
            settings.setValue(QStringLiteral("account/remember"), m_remember);
            if (m_remember)
                m_tokens.save(account(), m_connection.token());
            showBoard();
        });
        connect(m_login, &QDialog::rejected, this, [this] {
            if (!m_board || !m_board->isVisible())
                QApplication::quit();
        });
        connect(&m_tokens, &TokenStore::unavailable, m_login,
            [this](const QString &why) { m_login->setRememberAvailable(false, why); });
        if (!m_tokens.isAvailable())
            m_login->setRememberAvailable(false);
    }
    m_login->setServer(m_server);
    m_login->setLogin(m_loginName);
    m_login->showMessage(message);
    m_login->show();
    m_login->raise();
    m_login->activateWindow();
}

void DesktopSession::showBoard()
{
    if (!m_board) {
        m_board = new MainWindow(m_connection);
        connect(m_board, &MainWindow::signOutRequested, this, &DesktopSession::signOut);
    }
    m_board->show();
}

void DesktopSession::signOut()
{
    m_tokens.erase(account());
    m_connection.signOut();
    showLogin();
}

} // namespace Muster
