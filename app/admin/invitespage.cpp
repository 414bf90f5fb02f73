// See invitespage.h.
#include "invitespage.h"

#include "client/connection.h"
#include "common/confirmation.h"
#include "domain/role.h"
#include "protocol/wiretime.h"
#include "util/clocktext.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>

namespace Muster {

namespace {

enum Column { WhoColumn, RoleColumn, StatusColumn, WhenColumn, ByColumn };

QString statusText(const QJsonObject &invite)
{
    const QString status = invite.value(QStringLiteral("status")).toString();
    if (status == QLatin1String("used"))
        return InvitesPage::tr("Joined as %1")
            .arg(invite.value(QStringLiteral("usedByLogin")).toString());
    if (status == QLatin1String("revoked"))
        return InvitesPage::tr("Withdrawn");
    if (status == QLatin1String("expired"))
        return InvitesPage::tr("Expired");
    if (!invite.value(QStringLiteral("mailedAt")).isNull())
        return InvitesPage::tr("Open · mailed");
    return InvitesPage::tr("Open");
}

} // namespace

InvitesPage::InvitesPage(Connection &connection, QWidget *parent)
    : AdminPage(connection, parent)
    , m_invites(&connection)
    , m_role(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_invite(new QPushButton(tr("Invite"), this))
    , m_code(new QLineEdit(this))
    , m_codeNote(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_revoke(new QPushButton(tr("Withdraw"), this))
{
    setObjectName(QStringLiteral("invitesPage"));
    m_role->setObjectName(QStringLiteral("role"));
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("Optional: the name they will have"));
    m_name->setMaxLength(200);
    m_email->setObjectName(QStringLiteral("email"));
    m_email->setPlaceholderText(tr("Optional: the code is mailed there when the server can"));
    m_email->setMaxLength(254);
    m_invite->setObjectName(QStringLiteral("invite"));
    m_code->setObjectName(QStringLiteral("code"));
    m_code->setReadOnly(true);
    m_codeNote->setObjectName(QStringLiteral("codeNote"));
    m_codeNote->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("invites"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels(
        {tr("Who"), tr("Role"), tr("What became of it"), tr("Expires"), tr("Invited by")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(WhoColumn, QHeaderView::Stretch);
    m_revoke->setObjectName(QStringLiteral("revoke"));
    m_revoke->setEnabled(false);

    auto *newOne = new QGroupBox(tr("Invite someone"), this);
    auto *form = new QFormLayout(newOne);
    form->addRow(tr("Role:"), m_role);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("E-mail:"), m_email);
    auto *inviteRow = new QHBoxLayout;
    inviteRow->addWidget(m_invite);
    inviteRow->addStretch(1);
    form->addRow(QString(), inviteRow);
    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(m_code, 1);
    auto *copy = new QPushButton(tr("Copy"), newOne);
    connect(copy, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_code->text()); });
    codeRow->addWidget(copy);
    form->addRow(tr("Code:"), codeRow);
    form->addRow(QString(), m_codeNote);
    m_code->setVisible(false);
    copy->setVisible(false);
    connect(m_code, &QLineEdit::textChanged, copy,
        [this, copy] { copy->setVisible(!m_code->text().isEmpty()); });
    content()->addWidget(newOne);
    setListWithButtons(m_list, {m_revoke});

    connect(m_invite, &QPushButton::clicked, this, &InvitesPage::invite);
    connect(m_revoke, &QPushButton::clicked, this, &InvitesPage::revokeSelected);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        const QTreeWidgetItem *item = m_list->currentItem();
        m_revoke->setEnabled(
            item && item->data(StatusColumn, Qt::UserRole).toString() == QLatin1String("open"));
    });
    connect(this, &AdminPage::busyChanged, m_invite,
        [this](bool busy) { m_invite->setEnabled(!busy); });
    connect(&connection, &Connection::signedIn, this, &InvitesPage::reload);
    connect(&connection, &Connection::userChanged, this, &InvitesPage::fillRoles);
    fillRoles();
    if (connection.state() == Connection::State::Ready)
        reload();
}

QString InvitesPage::shownCode() const
{
    return m_code->text();
}

void InvitesPage::fillRoles()
{
    // Nobody invites above themselves: the list stops at my own role.
    const Role mine = roleFromName(connection().user().value(QStringLiteral("role")).toString())
                          .value_or(Role::Banned);
    m_role->clear();
    for (Role role :
        {Role::Attendee, Role::Volunteer, Role::Staff, Role::Lead, Role::Manager, Role::Admin}) {
        if (roleAtLeast(mine, role))
            m_role->addItem(roleTitle(role), roleName(role));
    }
    m_role->setCurrentIndex(m_role->findData(roleName(Role::Staff)));
}

void InvitesPage::reload()
{
    run(m_invites.list(), [this](const QJsonValue &result) {
        m_list->clear();
        for (const QJsonValue &v : result[QStringLiteral("invites")].toArray()) {
            const QJsonObject invite = v.toObject();
            QString who = invite.value(QStringLiteral("displayName")).toString();
            const QString email = invite.value(QStringLiteral("email")).toString();
            if (!email.isEmpty())
                who = who.isEmpty() ? email : tr("%1 <%2>").arg(who, email);
            if (who.isEmpty())
                who = tr("(code passed on)");
            auto *item = new QTreeWidgetItem(m_list);
            item->setText(WhoColumn, who);
            item->setData(WhoColumn, Qt::UserRole, invite.value(QStringLiteral("id")).toString());
            item->setText(RoleColumn,
                roleTitle(roleFromName(invite.value(QStringLiteral("role")).toString())
                              .value_or(Role::Volunteer)));
            item->setText(StatusColumn, statusText(invite));
            item->setData(
                StatusColumn, Qt::UserRole, invite.value(QStringLiteral("status")).toString());
            item->setText(
                WhenColumn, dateTimeText(fromWireTime(invite.value(QStringLiteral("expiresAt")))));
            item->setText(ByColumn, invite.value(QStringLiteral("createdByName")).toString());
        }
        Q_EMIT listed();
    });
}

void InvitesPage::invite()
{
    const QString name = m_name->text().trimmed();
    run(m_invites.create(m_role->currentData().toString(), m_email->text(), name),
        [this, name](const QJsonValue &result) {
            const QString code = result[QStringLiteral("code")].toString();
            const QDateTime expires
                = fromWireTime(result[QStringLiteral("invite")][QStringLiteral("expiresAt")]);
            m_code->setText(code);
            m_code->setVisible(true);
            const QString whom = name.isEmpty() ? tr("the person you invite") : name;
            QString note = tr("Give this code to %1: it works once, until %2. In the sign-in "
                              "window they choose “I have an invitation…”. It is shown only now.")
                               .arg(whom, dateTimeText(expires));
            if (result[QStringLiteral("mailing")].toBool())
                note = tr("The code is on its way by e-mail too.") + u' ' + note;
            m_codeNote->setText(note);
            m_name->clear();
            m_email->clear();
            reload();
        });
}

void InvitesPage::revokeSelected()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString id = item->data(WhoColumn, Qt::UserRole).toString();
    askToConfirm(this, QStringLiteral("confirmRevoke"), tr("Withdraw this invitation?"),
        tr("Its code stops working at once. You can invite them again later."), tr("Withdraw"),
        [this, id] { run(m_invites.revoke(id), [this](const QJsonValue &) { reload(); }); });
}

} // namespace Muster
