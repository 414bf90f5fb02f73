// See invitationdialog.h.
#include "invitationdialog.h"

#include "client/invitesclient.h"
#include "common/errortext.h"
#include "domain/passwordpolicy.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Muster {

namespace {
constexpr auto kPatience = std::chrono::seconds(15);
}

InvitationDialog::InvitationDialog(const QUrl &server, QWidget *parent)
    : QDialog(parent)
    , m_server(server)
    , m_code(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_login(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_again(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("invitationDialog"));
    setWindowTitle(tr("I have an invitation"));
    m_code->setObjectName(QStringLiteral("code"));
    m_code->setPlaceholderText(tr("As it is in the invitation"));
    m_name->setObjectName(QStringLiteral("displayName"));
    m_name->setPlaceholderText(tr("The name in the invitation"));
    m_name->setMaxLength(100);
    m_login->setObjectName(QStringLiteral("login"));
    m_login->setMaxLength(64);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(PasswordPolicy::rules());
    m_again->setObjectName(QStringLiteral("passwordAgain"));
    m_again->setEchoMode(QLineEdit::Password);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);

    auto *heading = new QLabel(
        tr("Enter the code from your invitation and choose how you will sign in."), this);
    heading->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Invitation &code"), m_code);
    form->addRow(tr("Your &name"), m_name);
    form->addRow(tr("&Login"), m_login);
    form->addRow(tr("&Password"), m_password);
    form->addRow(tr("&Repeat it"), m_again);
    auto *rules = new QLabel(PasswordPolicy::rules(), this);
    rules->setWordWrap(true);
    rules->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), rules);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_join = buttons->addButton(tr("Join and sign in"), QDialogButtonBox::AcceptRole);
    m_join->setObjectName(QStringLiteral("join"));
    m_join->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(420);

    connect(buttons, &QDialogButtonBox::accepted, this, &InvitationDialog::join);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_code, m_login, m_password, m_again})
        connect(edit, &QLineEdit::textChanged, this, &InvitationDialog::updateButton);
    m_patience.setSingleShot(true);
    m_patience.setInterval(kPatience);
    connect(&m_patience, &QTimer::timeout, this, [this] {
        fail(tr("The server does not answer. Check its address in the sign-in window."));
    });
    connect(&m_open, &Connection::stateChanged, this, [this] {
        if (m_open.state() == Connection::State::Open && m_sending)
            send();
    });
    updateButton();
}

QString InvitationDialog::login() const
{
    return m_login->text().trimmed();
}

QString InvitationDialog::password() const
{
    return m_password->text();
}

QString InvitationDialog::message() const
{
    return m_message->text();
}

void InvitationDialog::updateButton()
{
    m_join->setEnabled(!m_sending && !m_code->text().trimmed().isEmpty() && !login().isEmpty()
        && !m_password->text().isEmpty() && !m_again->text().isEmpty());
}

void InvitationDialog::join()
{
    if (m_password->text() != m_again->text())
        return fail(tr("The two passwords are not the same."));
    // The server's rules, checked here first (it checks them again).
    if (const QString why = PasswordPolicy::problem(m_password->text(), {login(), m_name->text()});
        !why.isEmpty())
        return fail(why);
    if (!m_server.isValid())
        return fail(tr("The server address in the sign-in window is not valid."));
    m_sending = true;
    updateButton();
    m_message->setVisible(false);
    m_patience.start();
    if (m_open.state() == Connection::State::Open)
        send();
    else
        m_open.open(m_server);
}

void InvitationDialog::send()
{
    InvitesClient invites(&m_open);
    invites.accept(m_code->text(), login(), m_name->text(), m_password->text())
        ->then(this, [this](const QJsonValue &, const RpcError &error) {
            m_patience.stop();
            if (error.isValid()) {
                if (error.code == RpcError::NotFound)
                    return fail(tr("This code is not valid: it may have been used, withdrawn "
                                   "or have expired. Ask for a new invitation."));
                if (error.reason == QLatin1String("login_taken"))
                    return fail(tr("Someone already has that login. Choose another."));
                return fail(errorText(error, {{QStringLiteral("password"), tr("Password")}}));
            }
            m_sending = false;
            m_open.close();
            Q_EMIT joined(login(), m_password->text());
            accept();
        });
}

void InvitationDialog::fail(const QString &message)
{
    m_sending = false;
    m_patience.stop();
    m_message->setText(u"⚠ " + message);
    m_message->setVisible(true);
    // Taller for the message rather than cut: the wrapped lines need the height for this width.
    resize(width(), std::max(height(), heightForWidth(width())));
    updateButton();
}

} // namespace Muster
