// See logindialog.h.
#include "logindialog.h"

#include "client/connection.h"
#include "client/serverurl.h"
#include "common/errortext.h"
#include "invitationdialog.h"
#include "login/invitationdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Muster {

LoginDialog::LoginDialog(Connection &connection, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_server(new QLineEdit(this))
    , m_login(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("Stay signed in on this computer"), this))
    , m_rememberNote(new QLabel(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(tr("Sign in to Muster"));
    setObjectName(QStringLiteral("loginDialog"));
    m_server->setObjectName(QStringLiteral("server"));
    m_login->setObjectName(QStringLiteral("login"));
    m_password->setObjectName(QStringLiteral("password"));
    m_message->setObjectName(QStringLiteral("message"));
    m_server->setPlaceholderText(QStringLiteral("muster.example.org:8440"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember->setChecked(true);
    m_message->setWordWrap(true);
    m_message->setVisible(false);

    auto *heading = new QLabel(
        tr("<b>Muster</b><br>Sign in with the login your organisation gave you."), this);
    heading->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Server"), m_server);
    form->addRow(tr("&Login"), m_login);
    form->addRow(tr("&Password"), m_password);
    form->addRow(QString(), m_remember);
    // Why it cannot be ticked, in a line that wraps (a checkbox's own text does not).
    m_rememberNote->setObjectName(QStringLiteral("rememberNote"));
    m_rememberNote->setWordWrap(true);
    m_rememberNote->setVisible(false);
    m_rememberNote->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_rememberNote);

    QPushButton *signIn = m_buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    signIn->setObjectName(QStringLiteral("signIn"));
    signIn->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    QPushButton *invited
        = m_buttons->addButton(tr("I have an invitation…"), QDialogButtonBox::ActionRole);
    invited->setObjectName(QStringLiteral("haveInvitation"));
    connect(invited, &QPushButton::clicked, this, &LoginDialog::openInvitation);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    setMinimumWidth(380);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_server, m_login, m_password})
        connect(edit, &QLineEdit::textChanged, this, &LoginDialog::updateButton);
    connect(&m_connection, &Connection::signedIn, this, [this] {
        if (m_busy) {
            setBusy(false);
            accept();
        }
    });
    connect(&m_connection, &Connection::signInFailed, this, &LoginDialog::onSignInFailed);
    connect(&m_connection, &Connection::stateChanged, this, &LoginDialog::onStateChanged);
    updateButton();
}

void LoginDialog::setServer(const QString &server)
{
    m_server->setText(server);
    if (!server.isEmpty() && m_login->text().isEmpty())
        m_login->setFocus();
}

void LoginDialog::setLogin(const QString &login)
{
    m_login->setText(login);
    if (!login.isEmpty())
        m_password->setFocus();
}

void LoginDialog::setRememberAvailable(bool available, const QString &why)
{
    m_remember->setEnabled(available);
    if (!available) {
        m_remember->setChecked(false);
        m_rememberNote->setText(tr("Not available here: this system has no secret store (such as "
                                   "GNOME Keyring or KWallet). Muster remembers the server and "
                                   "your login, and asks for the password."));
        m_rememberNote->setToolTip(why);
    }
    m_rememberNote->setVisible(!available);
    // A line that appears once the dialog is up (the keychain answers later) gets its room.
    adjustSize();
}

void LoginDialog::showMessage(const QString &message, Tone tone)
{
    m_tone = tone;
    applyTone();
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    adjustSize();
}

void LoginDialog::applyTone()
{
    // Not BrightText: that is near-white, and unreadable on a light window.
    QPalette palette = this->palette();
    if (m_tone == Tone::Problem) {
        const bool darkWindow = palette.color(QPalette::Window).lightnessF() < 0.5;
        palette.setColor(
            QPalette::WindowText, darkWindow ? QColor(0xff, 0x9e, 0x9e) : QColor(0xa3, 0x15, 0x15));
    }
    m_message->setPalette(palette);
}

void LoginDialog::changeEvent(QEvent *event)
{
    // The desktop switched between light and dark: keep the message readable.
    if (event->type() == QEvent::PaletteChange)
        applyTone();
    QDialog::changeEvent(event);
}

QString LoginDialog::server() const
{
    return m_server->text().trimmed();
}

QString LoginDialog::login() const
{
    return m_login->text().trimmed().toLower();
}

bool LoginDialog::remember() const
{
    return m_remember->isChecked();
}

void LoginDialog::updateButton()
{
    const bool complete = webSocketUrl(m_server->text()).isValid()
        && !m_login->text().trimmed().isEmpty() && !m_password->text().isEmpty();
    m_buttons->buttons().first()->setEnabled(complete && !m_busy);
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : {static_cast<QWidget *>(m_server), static_cast<QWidget *>(m_login),
             static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_remember)})
        w->setEnabled(!busy);
    if (busy)
        showMessage(tr("Signing in…"), Tone::Progress);
    updateButton();
}

void LoginDialog::openInvitation()
{
    auto *dialog = new InvitationDialog(webSocketUrl(m_server->text()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &InvitationDialog::joined, this,
        [this](const QString &login, const QString &password) {
            m_login->setText(login);
            m_password->setText(password);
            showMessage(tr("Welcome! Your account is ready; signing you in…"), Tone::Progress);
            submit();
        });
    dialog->open();
}

void LoginDialog::submit()
{
    const QUrl url = webSocketUrl(m_server->text());
    if (!url.isValid()) {
        showMessage(tr("That server address is not valid."));
        return;
    }
    setBusy(true);
    m_connection.signIn(url, login(), m_password->text());
}

void LoginDialog::onSignInFailed(const RpcError &error)
{
    if (!m_busy)
        return;
    setBusy(false);
    m_password->clear();
    m_password->setFocus();
    if (error.reason == QStringLiteral("invalid_credentials")) {
        showMessage(tr("Wrong login or password."));
    } else if (error.reason == QStringLiteral("rate_limited")) {
        const int minutes
            = std::max(1, (error.details.value(QStringLiteral("retryAfter")).toInt() + 59) / 60);
        showMessage(tr("Too many failed attempts. Try again in %n minute(s).", nullptr, minutes));
    } else if (error.reason == QStringLiteral("forbidden")) {
        showMessage(tr("This account is disabled. Ask an administrator."));
    } else {
        showMessage(errorText(error));
    }
}

void LoginDialog::onStateChanged()
{
    // A first sign-in that cannot reach the server stops instead of retrying forever.
    if (m_busy && m_connection.state() == Connection::State::Reconnecting) {
        m_connection.close();
        setBusy(false);
        showMessage(tr("Cannot reach the server at %1. Check the address and your network.")
                        .arg(webSocketUrl(m_server->text()).toString()));
    }
}

} // namespace Muster
