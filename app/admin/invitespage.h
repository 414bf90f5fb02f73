// Administration → Invitations (managers): invite someone with a role no higher than mine, by
// e-mail when the server can send mail, or with a code shown once to pass on; the invitations of
// the organisation with what became of them (open, used by whom, withdrawn, expired); withdraw
// one still open. The invitee joins from the sign-in window ("I have an invitation…").
#pragma once

#include "adminpage.h"
#include "client/invitesclient.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace Muster {

class InvitesPage : public AdminPage
{
    Q_OBJECT
public:
    explicit InvitesPage(Connection &connection, QWidget *parent = nullptr);

    // The code of the invitation made last, as shown to pass on ("" before one).
    QString shownCode() const;
    QTreeWidget *list() const { return m_list; }

public Q_SLOTS:
    void reload();
    void invite();
    void revokeSelected();

Q_SIGNALS:
    void listed();

private:
    void fillRoles();

    InvitesClient m_invites;
    QComboBox *m_role;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QPushButton *m_invite;
    QLineEdit *m_code;
    QLabel *m_codeNote;
    QTreeWidget *m_list;
    QPushButton *m_revoke;
};

} // namespace Muster
