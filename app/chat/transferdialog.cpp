// See transferdialog.h.
#include "transferdialog.h"

#include "client/chatclient.h"
#include "common/errortext.h"
#include "models/consultantlistmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Muster {

namespace {
constexpr int kMaxNote = 1000;
}

TransferDialog::TransferDialog(ChatClient &client, ConsultantListModel &consultants,
    const QUuid &me, const QUuid &chatId, const QString &alias, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_consultants(consultants)
    , m_chatId(chatId)
    , m_me(me)
    , m_who(new QComboBox(this))
    , m_note(new QPlainTextEdit(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("transferDialog"));
    setWindowTitle(tr("Hand over the chat with %1").arg(alias));
    m_who->setObjectName(QStringLiteral("consultant"));
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setPlaceholderText(tr("What should they know? %1 does not see this note.").arg(alias));
    m_note->setTabChangesFocus(true);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(tr("Hand over"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("handOver"));
    connect(buttons, &QDialogButtonBox::accepted, this, &TransferDialog::handOver);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("To:"), m_who);
    form->addRow(tr("Note:"), m_note);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(460, 300);

    connect(m_note, &QPlainTextEdit::textChanged, this, [this] {
        if (m_note->toPlainText().size() > kMaxNote) {
            m_note->setPlainText(m_note->toPlainText().left(kMaxNote));
            m_note->moveCursor(QTextCursor::End);
        }
    });
    connect(&m_consultants, &QAbstractItemModel::modelReset, this, &TransferDialog::fill);
    connect(&m_consultants, &QAbstractItemModel::dataChanged, this, &TransferDialog::fill);
    fill();
    m_consultants.reload();
}

void TransferDialog::fill()
{
    const QUuid was = chosen();
    m_who->clear();
    for (int row = 0; row < m_consultants.rowCount(); ++row) {
        const ConsultantListModel::Consultant *c = m_consultants.consultantAt(row);
        if (!c || c->userId == m_me)
            continue;
        QString state;
        if (!c->online)
            state = tr("not connected");
        else if (!c->available)
            state = tr("busy");
        else
            state = c->chats == 1 ? tr("1 chat") : tr("%1 chats").arg(c->chats);
        m_who->addItem(tr("%1 — %2").arg(c->displayName, state), c->userId);
    }
    const int again = m_who->findData(was);
    if (again >= 0)
        m_who->setCurrentIndex(again);
    const bool anyone = m_who->count() > 0;
    m_who->setEnabled(anyone);
    m_ok->setEnabled(anyone);
    if (!anyone) {
        m_message->setText(tr("Nobody else is on chat duty now."));
        m_message->setVisible(true);
    }
}

QUuid TransferDialog::chosen() const
{
    return m_who->currentData().toUuid();
}

QString TransferDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

void TransferDialog::handOver()
{
    if (chosen().isNull())
        return;
    m_ok->setEnabled(false);
    m_client
        .transfer(m_chatId.toString(QUuid::WithoutBraces), chosen().toString(QUuid::WithoutBraces),
            note())
        ->then(this, [this](const QJsonValue &, const RpcError &error) {
            m_ok->setEnabled(true);
            if (error.isValid())
                return showRefusal(errorText(error));
            accept();
        });
}

void TransferDialog::showRefusal(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(true);
}

} // namespace Muster
