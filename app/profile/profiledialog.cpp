// See profiledialog.h. Name and email save first; a password change follows when asked for, so a
// wrong current password never loses the other edits.
#include "profiledialog.h"

#include "avatarcache.h"
#include "avatarcropdialog.h"
#include "avatargenerator.h"
#include "client/connection.h"
#include "common/errortext.h"
#include "common/pictureupload.h"
#include "domain/passwordpolicy.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Muster {

namespace {
constexpr int kAvatarSide = 72;
} // namespace

ProfileDialog::ProfileDialog(Connection &connection, AvatarCache &avatars, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_profile(&connection)
    , m_avatars(avatars)
    , m_avatar(new QLabel(this))
    , m_choosePicture(new QPushButton(tr("Choose &picture…"), this))
    , m_removePicture(new QPushButton(tr("Use &generated avatar"), this))
    , m_name(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_current(new QLineEdit(this))
    , m_new(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("My profile"));
    setObjectName(QStringLiteral("profileDialog"));
    m_name->setObjectName(QStringLiteral("displayName"));
    m_email->setObjectName(QStringLiteral("email"));
    m_current->setObjectName(QStringLiteral("currentPassword"));
    m_new->setObjectName(QStringLiteral("newPassword"));
    m_confirm->setObjectName(QStringLiteral("confirmPassword"));
    m_message->setObjectName(QStringLiteral("message"));
    m_name->setMaxLength(200);
    m_email->setMaxLength(254);
    for (QLineEdit *e : {m_current, m_new, m_confirm})
        e->setEchoMode(QLineEdit::Password);
    m_message->setWordWrap(true);
    m_message->setVisible(false);

    m_avatar->setObjectName(QStringLiteral("avatar"));
    m_avatar->setFixedSize(kAvatarSide, kAvatarSide);
    m_choosePicture->setObjectName(QStringLiteral("choosePicture"));
    m_removePicture->setObjectName(QStringLiteral("removePicture"));
    m_removePicture->setEnabled(false);
    auto *pictureButtons = new QVBoxLayout;
    pictureButtons->addWidget(m_choosePicture);
    pictureButtons->addWidget(m_removePicture);
    pictureButtons->addStretch();
    auto *picture = new QHBoxLayout;
    picture->addWidget(m_avatar);
    picture->addLayout(pictureButtons);
    picture->addStretch();

    auto *about = new QFormLayout;
    about->addRow(tr("&Name"), m_name);
    about->addRow(tr("&Email"), m_email);
    auto *password = new QGroupBox(tr("Change password (signs you out everywhere else)"), this);
    auto *passwordForm = new QFormLayout(password);
    passwordForm->addRow(tr("C&urrent"), m_current);
    passwordForm->addRow(tr("Ne&w"), m_new);
    passwordForm->addRow(tr("Con&firm"), m_confirm);
    // The rules before anyone types, not only after a refusal.
    auto *rules = new QLabel(PasswordPolicy::rules(), password);
    rules->setObjectName(QStringLiteral("passwordRules"));
    rules->setWordWrap(true);
    rules->setForegroundRole(QPalette::PlaceholderText);
    passwordForm->addRow(QString(), rules);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(picture);
    layout->addLayout(about);
    layout->addWidget(password);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    setMinimumWidth(400);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_choosePicture, &QPushButton::clicked, this, &ProfileDialog::choosePicture);
    connect(m_removePicture, &QPushButton::clicked, this, &ProfileDialog::removePicture);
    connect(&m_avatars, &AvatarCache::pictureReady, this, [this](const QString &sha) {
        if (sha == m_avatarSha)
            showAvatar();
    });
    showAvatar();
    load();
}

void ProfileDialog::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

QHash<QString, QString> ProfileDialog::fieldLabels()
{
    return {{QStringLiteral("displayName"), tr("Name")}, {QStringLiteral("email"), tr("Email")},
        {QStringLiteral("newPassword"), tr("New password")}};
}

void ProfileDialog::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
}

void ProfileDialog::load()
{
    setBusy(true);
    m_profile.get()->then(this, [this](const QJsonValue &result, const RpcError &error) {
        if (error.isValid()) {
            showMessage(tr("Could not load your profile. %1").arg(errorText(error)));
            return;
        }
        const QJsonObject profile = result.toObject();
        m_loadedName = profile.value(QStringLiteral("displayName")).toString();
        m_loadedEmail = profile.value(QStringLiteral("email")).toString();
        m_name->setText(m_loadedName);
        m_email->setText(m_loadedEmail);
        m_avatarSha = profile.value(QStringLiteral("avatar")).toString();
        showAvatar();
        setBusy(false);
    });
}

void ProfileDialog::showAvatar()
{
    const QString me = m_connection.user().value(QStringLiteral("id")).toString();
    m_avatar->setPixmap(QPixmap::fromImage(
        m_avatars.avatar(me, m_avatarSha, kAvatarSide, m_avatar->devicePixelRatioF())));
    m_avatar->setToolTip(m_avatarSha.isEmpty() ? tr("Your generated avatar") : tr("Your picture"));
    m_removePicture->setEnabled(!m_avatarSha.isEmpty());
    // The generated avatar stays in view on its button, so the choice is between two faces.
    const int icon = m_removePicture->iconSize().height();
    m_removePicture->setIcon(QPixmap::fromImage(
        AvatarGenerator::generate(me, icon, m_removePicture->devicePixelRatioF())));
}

void ProfileDialog::choosePicture()
{
    QString error;
    const QImage image = PictureUpload::choose(this, tr("Choose a picture"), &error);
    if (image.isNull()) {
        showMessage(error);
        return;
    }
    auto *crop = new AvatarCropDialog(image, this);
    crop->setAttribute(Qt::WA_DeleteOnClose);
    connect(crop, &QDialog::accepted, this, [this, crop] { uploadPicture(crop->result()); });
    crop->open();
}

void ProfileDialog::uploadPicture(const QImage &square)
{
    const QByteArray bytes = PictureUpload::encode(square);
    sendAvatar(QString::fromLatin1(bytes.toBase64()), bytes);
}

void ProfileDialog::removePicture()
{
    sendAvatar(QString(), {});
}

void ProfileDialog::sendAvatar(const QString &image, const QByteArray &bytes)
{
    m_choosePicture->setEnabled(false);
    m_removePicture->setEnabled(false);
    m_profile.setAvatar(image)->then(
        this, [this, bytes](const QJsonValue &result, const RpcError &error) {
            m_choosePicture->setEnabled(true);
            if (error.isValid()) {
                showMessage(tr("Your picture was not saved. %1").arg(errorText(error)));
                showAvatar();
                return;
            }
            showMessage({});
            m_avatarSha = result.toObject().value(QStringLiteral("avatar")).toString();
            // We hold the bytes already: no need to download what we just sent.
            if (!m_avatarSha.isEmpty())
                m_avatars.insert(m_avatarSha, bytes);
            showAvatar();
        });
}

void ProfileDialog::save()
{
    const bool passwordWanted = !m_new->text().isEmpty() || !m_current->text().isEmpty();
    if (passwordWanted) {
        // Said before a round trip; the server checks the same rules and decides.
        const QString why = PasswordPolicy::problem(m_new->text(),
            {m_connection.user().value(QStringLiteral("login")).toString(), m_name->text()});
        if (!why.isEmpty()) {
            showMessage(why);
            return;
        }
        if (m_new->text() != m_confirm->text()) {
            showMessage(tr("The new passwords do not match."));
            return;
        }
    }
    QJsonObject changes;
    if (m_name->text().trimmed() != m_loadedName)
        changes.insert(QStringLiteral("displayName"), m_name->text().trimmed());
    if (m_email->text().trimmed() != m_loadedEmail)
        changes.insert(QStringLiteral("email"), m_email->text().trimmed());
    if (changes.isEmpty()) {
        passwordWanted ? savePassword() : accept();
        return;
    }
    setBusy(true);
    m_profile.update(changes)->then(
        this, [this, passwordWanted](const QJsonValue &result, const RpcError &error) {
            setBusy(false);
            if (error.isValid()) {
                showMessage(errorText(error, fieldLabels()));
                return;
            }
            m_loadedName = result.toObject().value(QStringLiteral("displayName")).toString();
            m_loadedEmail = result.toObject().value(QStringLiteral("email")).toString();
            passwordWanted ? savePassword() : accept();
        });
}

void ProfileDialog::savePassword()
{
    setBusy(true);
    m_profile.changePassword(m_current->text(), m_new->text())
        ->then(this, [this](const QJsonValue &, const RpcError &error) {
            setBusy(false);
            if (!error.isValid()) {
                accept();
                return;
            }
            if (error.reason == QStringLiteral("wrong_password")) {
                showMessage(tr("Your current password is not right."));
                m_current->clear();
                m_current->setFocus();
            } else if (error.reason == QStringLiteral("rate_limited")) {
                showMessage(tr("Too many wrong attempts. Try again later."));
            } else {
                showMessage(errorText(error, fieldLabels()));
            }
        });
}

} // namespace Muster
