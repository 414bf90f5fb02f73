// Lets people change their display name, email and password, and says plainly what went wrong.
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Muster {

class Connection;

class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ProfileDialog(Connection &connection, QWidget *parent = nullptr);

private:
    void load();
    void save();
    void savePassword();
    void showMessage(const QString &message);
    void setBusy(bool busy);

    Connection &m_connection;
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
