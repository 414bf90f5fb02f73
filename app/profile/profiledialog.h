// Lets people change their picture, display name, email and password, and says plainly what
// went wrong. A new picture applies at once; the other fields when Save is pressed.
#pragma once

#include "client/profileclient.h"

#include <QDialog>
#include <QHash>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Muster {

class AvatarCache;
class Connection;

class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    ProfileDialog(Connection &connection, AvatarCache &avatars, QWidget *parent = nullptr);

    // Uploads a cropped square as my picture (what "Choose picture…" does after cropping).
    void uploadPicture(const QImage &square);
    // Goes back to the generated avatar.
    void removePicture();

private:
    void choosePicture();
    void sendAvatar(const QString &image, const QByteArray &bytes); // "": remove
    void showAvatar();
    void load();
    void save();
    void savePassword();
    void showMessage(const QString &message);
    void setBusy(bool busy);
    // The form's labels for the fields the server names in a refusal.
    static QHash<QString, QString> fieldLabels();

    Connection &m_connection;
    ProfileClient m_profile;
    AvatarCache &m_avatars;
    QLabel *m_avatar;
    QPushButton *m_choosePicture;
    QPushButton *m_removePicture;
    QString m_avatarSha; // "" when the generated avatar is in use
    QLineEdit *m_name;
    QLineEdit *m_email;
    QLineEdit *m_current;
    QLineEdit *m_new;
    QLineEdit *m_confirm;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    QString m_loadedName;
    QString m_loadedEmail;
};

} // namespace Muster
