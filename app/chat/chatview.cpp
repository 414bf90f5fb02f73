// See chatview.h.
#include "chatview.h"

#include "chat/chatdesk.h"
#include "chat/chatlistdelegate.h"
#include "chat/chatmessagedelegate.h"
#include "common/confirmation.h"
#include "common/errortext.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

namespace Muster {

namespace {
constexpr int kDraftLines = 4;
constexpr int kIntakeWidth = 260;

QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
}
} // namespace

ChatView::ChatView(ChatDesk &desk, const Chat &chat, QWidget *parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_chat(chat)
    , m_list(new QListView(this))
    , m_typing(new QLabel(this))
    , m_endedBanner(new QLabel(this))
    , m_draft(new QPlainTextEdit(this))
    , m_canned(new QToolButton(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_transfer(new QPushButton(tr("Hand over…"), this))
    , m_end(new QPushButton(tr("End chat"), this))
    , m_intake(new QLabel(this))
{
    setObjectName(QStringLiteral("chatView"));
    m_list->setObjectName(QStringLiteral("messages"));
    m_list->setModel(&m_messages);
    m_list->setItemDelegate(new ChatMessageDelegate(m_list));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setWordWrap(true);

    m_typing->setObjectName(QStringLiteral("typing"));
    m_typing->setText(tr("%1 is typing…").arg(chat.alias));
    m_typing->setForegroundRole(QPalette::PlaceholderText);
    m_typing->setVisible(false);
    m_endedBanner->setObjectName(QStringLiteral("endedBanner"));
    m_endedBanner->setWordWrap(true);
    m_endedBanner->setFrameShape(QFrame::StyledPanel);
    m_endedBanner->setMargin(8);
    m_endedBanner->setVisible(false);

    m_draft->setObjectName(QStringLiteral("draft"));
    m_draft->setPlaceholderText(
        tr("Write to %1 — Enter sends, Shift+Enter starts a new line").arg(chat.alias));
    m_draft->setTabChangesFocus(true);
    m_draft->setFixedHeight(m_draft->fontMetrics().lineSpacing() * kDraftLines + 12);
    m_draft->installEventFilter(this);
    m_canned->setObjectName(QStringLiteral("cannedReplies"));
    m_canned->setText(tr("Canned replies"));
    m_canned->setPopupMode(QToolButton::InstantPopup);
    m_canned->setMenu(new QMenu(m_canned));
    m_send->setObjectName(QStringLiteral("send"));
    m_send->setDefault(true);
    m_transfer->setObjectName(QStringLiteral("transfer"));
    m_transfer->setToolTip(tr("Hand this chat to another consultant on duty, with a note"));
    m_end->setObjectName(QStringLiteral("endChat"));

    m_intake->setObjectName(QStringLiteral("intake"));
    m_intake->setWordWrap(true);
    m_intake->setTextFormat(Qt::RichText);
    m_intake->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_intake->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_intake->setMargin(12);
    m_intake->setFixedWidth(kIntakeWidth);
    m_intake->setAutoFillBackground(true);
    m_intake->setBackgroundRole(QPalette::AlternateBase);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_canned);
    actions->addStretch(1);
    actions->addWidget(m_transfer);
    actions->addWidget(m_end);
    actions->addSpacing(12);
    actions->addWidget(m_send);
    auto *conversation = new QVBoxLayout;
    conversation->setContentsMargins(0, 0, 0, 0);
    conversation->addWidget(m_list, 1);
    conversation->addWidget(m_typing);
    conversation->addWidget(m_endedBanner);
    conversation->addWidget(m_draft);
    conversation->addLayout(actions);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(conversation, 1);
    layout->addWidget(m_intake);

    connect(m_send, &QPushButton::clicked, this, &ChatView::sendDraft);
    connect(m_end, &QPushButton::clicked, this, [this] {
        if (m_ended)
            Q_EMIT closeRequested();
        else
            endChat();
    });
    connect(m_transfer, &QPushButton::clicked, this, &ChatView::transferRequested);
    connect(m_draft, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_ended)
            m_messages.setTyping(!m_draft->toPlainText().trimmed().isEmpty());
    });
    connect(&m_desk, &ChatDesk::cannedRepliesChanged, this, &ChatView::fillCannedMenu);
    connect(&m_messages, &ChatMessageModel::clientTypingChanged, this,
        [this] { m_typing->setVisible(m_messages.isClientTyping() && !m_ended); });
    connect(&m_messages, &ChatMessageModel::read, &m_desk.mine(), &ChatListModel::setRead);
    connect(&m_messages, &ChatMessageModel::sendFailed, this, [this](const QString &message) {
        m_endedBanner->setText(tr("A message could not be sent: %1").arg(message));
        m_endedBanner->setVisible(true);
    });
    // New lines keep the conversation at its end, as a chat does, unless I scrolled back to read.
    auto follow = [this] {
        QScrollBar *bar = m_list->verticalScrollBar();
        const bool atEnd = bar->value() >= bar->maximum() - 4;
        markReadIfSeen();
        if (atEnd)
            QMetaObject::invokeMethod(m_list, &QListView::scrollToBottom, Qt::QueuedConnection);
    };
    connect(&m_messages, &QAbstractItemModel::rowsInserted, this, follow);
    connect(&m_messages, &QAbstractItemModel::modelReset, this, [this] {
        markReadIfSeen();
        QMetaObject::invokeMethod(m_list, &QListView::scrollToBottom, Qt::QueuedConnection);
    });
    connect(qApp, &QApplication::applicationStateChanged, this, &ChatView::markReadIfSeen);

    fillCannedMenu();
    fillIntake();
    m_messages.setChat(chat.id);
    m_messages.setConnection(desk.connection());
}

void ChatView::update(const Chat &chat)
{
    if (chat.id != m_chat.id)
        return;
    m_chat = chat;
    fillIntake();
}

void ChatView::setEnded(const QString &why)
{
    m_ended = true;
    m_messages.setTyping(false);
    m_typing->setVisible(false);
    m_endedBanner->setText(why);
    m_endedBanner->setVisible(true);
    m_draft->setReadOnly(true);
    m_draft->setEnabled(false);
    for (QWidget *w : {static_cast<QWidget *>(m_send), static_cast<QWidget *>(m_canned),
             static_cast<QWidget *>(m_transfer)})
        w->setEnabled(false);
    m_end->setText(tr("Close"));
    m_end->setToolTip(tr("Close this conversation's tab"));
}

bool ChatView::sendDraft()
{
    if (m_ended)
        return false;
    const QString text = m_draft->toPlainText().trimmed();
    if (!m_messages.send(text))
        return false;
    m_draft->clear();
    m_messages.setTyping(false);
    m_list->scrollToBottom();
    return true;
}

QString ChatView::intakeText() const
{
    QTextDocument document;
    document.setHtml(m_intake->text());
    return document.toPlainText();
}

bool ChatView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_draft && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && !(key->modifiers() & Qt::ShiftModifier)) {
            sendDraft();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ChatView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    markReadIfSeen();
    if (!m_ended)
        m_draft->setFocus();
}

void ChatView::markReadIfSeen()
{
    // Read means seen: this chat on screen in a window that has the user's attention.
    if (m_ended || !isVisible() || QApplication::applicationState() != Qt::ApplicationActive)
        return;
    m_messages.markRead();
}

void ChatView::fillIntake()
{
    QString html = QStringLiteral("<h3>%1</h3>").arg(escaped(m_chat.alias));
    html
        += QStringLiteral("<p><b>%1</b><br>%2</p>")
               .arg(tr("Topic"), m_chat.topic.isEmpty() ? tr("None given") : escaped(m_chat.topic));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    html += QStringLiteral("<p><b>%1</b><br>%2</p>")
                .arg(tr("Waited"),
                    ChatListDelegate::durationSince(
                        m_chat.createdAt, m_chat.acceptedAt.isValid() ? m_chat.acceptedAt : now));
    for (const QJsonValue &v : m_chat.answers) {
        const QJsonObject answer = v.toObject();
        html += QStringLiteral("<p><b>%1</b><br>%2</p>")
                    .arg(escaped(answer.value(QStringLiteral("question")).toString()),
                        escaped(answer.value(QStringLiteral("answer")).toString()));
    }
    if (!m_chat.transferNote.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b><br>%2</p>")
                    .arg(tr("Note from the previous consultant"), escaped(m_chat.transferNote));
    }
    if (!m_chat.clientOnline)
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(tr("The client's page is closed; they may come back."));
    m_intake->setText(html);
}

void ChatView::fillCannedMenu()
{
    QMenu *menu = m_canned->menu();
    menu->clear();
    for (const ChatDesk::CannedReply &reply : m_desk.cannedReplies()) {
        QAction *action = menu->addAction(reply.title);
        action->setToolTip(reply.body);
        connect(action, &QAction::triggered, this, [this, body = reply.body] {
            // Put in the box, not sent: the consultant reads it over and makes it theirs.
            m_draft->insertPlainText(body);
            m_draft->setFocus();
        });
    }
    m_canned->setEnabled(!m_ended && !menu->isEmpty());
    m_canned->setToolTip(menu->isEmpty() ? tr("Your organisation keeps no canned replies yet")
                                         : tr("Put one of your organisation's replies in the box"));
}

void ChatView::endChat()
{
    askToConfirm(
        this, QStringLiteral("confirmEnd"), tr("End the chat with %1?").arg(m_chat.alias),
        tr("%1 will see that the chat has ended. You can still read it here until you close "
           "its tab.")
            .arg(m_chat.alias),
        tr("End chat"),
        [this] {
            m_end->setEnabled(false);
            m_desk.client()
                ->close(m_chat.id.toString(QUuid::WithoutBraces))
                ->then(this, [this](const QJsonValue &, const RpcError &error) {
                    m_end->setEnabled(true);
                    if (error.isValid()) {
                        m_endedBanner->setText(
                            tr("The chat could not be ended: %1").arg(errorText(error)));
                        m_endedBanner->setVisible(true);
                        return;
                    }
                    setEnded(tr("You ended the chat."));
                });
        },
        QMessageBox::Question);
}

} // namespace Muster
