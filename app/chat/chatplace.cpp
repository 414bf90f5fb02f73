// See chatplace.h.
#include "chatplace.h"

#include "chat/chatdesk.h"
#include "chat/chatlistdelegate.h"
#include "chat/chatview.h"
#include "chat/transferdialog.h"
#include "client/connection.h"
#include "common/errortext.h"
#include "models/presencemodel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Muster {

namespace {

constexpr int kListWidth = 340;

// A consultant on duty in a manager's list: "Cora — 2 chats", or why they take none.
class OnDutyDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const int chats = index.data(ConsultantListModel::ChatsRole).toInt();
        QString state = chats == 1 ? ChatPlace::tr("1 chat") : ChatPlace::tr("%1 chats").arg(chats);
        if (!index.data(ConsultantListModel::OnlineRole).toBool())
            state = ChatPlace::tr("not connected");
        else if (!index.data(ConsultantListModel::AvailableRole).toBool())
            state += QStringLiteral(" · ") + ChatPlace::tr("takes no new client");
        option->text = ChatPlace::tr("%1 — %2").arg(
            index.data(ConsultantListModel::DisplayNameRole).toString(), state);
    }
};

// Runs `react` whenever rows come, go, or the whole model is read anew.
void whenCountChanges(
    QAbstractItemModel *model, QObject *context, const std::function<void()> &react)
{
    QObject::connect(model, &QAbstractItemModel::rowsInserted, context, react);
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, context, react);
    QObject::connect(model, &QAbstractItemModel::modelReset, context, react);
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QListView *chatList(
    const QString &name, QAbstractItemModel *model, ChatListDelegate::Shows shows, QWidget *parent)
{
    auto *view = new QListView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setItemDelegate(new ChatListDelegate(shows, view));
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setUniformItemSizes(true);
    return view;
}

} // namespace

ChatPlace::ChatPlace(ChatDesk &desk, PresenceModel &presence, QWidget *parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_presence(presence)
    , m_duty(new QCheckBox(tr("On chat duty"), this))
    , m_chatName(new QLineEdit(this))
    , m_dutyState(new QLabel(this))
    , m_waitingTitle(heading(tr("Waiting"), this))
    , m_queue(
          chatList(QStringLiteral("queue"), &desk.queue(), ChatListDelegate::Shows::Waiting, this))
    , m_nobodyWaiting(new QLabel(tr("Nobody is waiting."), this))
    , m_take(new QPushButton(tr("Take chat"), this))
    , m_mineTitle(heading(tr("My chats"), this))
    , m_mine(chatList(QStringLiteral("mine"), &desk.mine(), ChatListDelegate::Shows::Mine, this))
    , m_message(new QLabel(this))
    , m_right(new QStackedWidget(this))
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("chatPlace"));
    m_duty->setObjectName(QStringLiteral("duty"));
    m_duty->setToolTip(tr("Only consultants on duty are offered clients"));
    m_chatName->setObjectName(QStringLiteral("chatName"));
    m_chatName->setMaxLength(60);
    m_chatName->setMaximumWidth(180);
    m_chatName->setToolTip(tr("The name clients see; never your login or e-mail"));
    m_dutyState->setObjectName(QStringLiteral("dutyState"));
    m_dutyState->setWordWrap(true);
    m_nobodyWaiting->setObjectName(QStringLiteral("nobodyWaiting"));
    m_nobodyWaiting->setForegroundRole(QPalette::PlaceholderText);
    m_take->setObjectName(QStringLiteral("take"));
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_tabs->setObjectName(QStringLiteral("chats"));
    m_tabs->setDocumentMode(true);
    m_tabs->setMovable(true);

    auto *header = new QHBoxLayout;
    header->addWidget(m_duty);
    header->addWidget(new QLabel(tr("as"), this));
    header->addWidget(m_chatName);
    header->addSpacing(12);
    header->addWidget(m_dutyState, 1);

    auto *left = new QWidget(this);
    left->setMinimumWidth(kListWidth);
    auto *lists = new QVBoxLayout(left);
    lists->setContentsMargins(0, 0, 0, 0);
    lists->addWidget(m_waitingTitle);
    lists->addWidget(m_queue, 2);
    lists->addWidget(m_nobodyWaiting);
    lists->addWidget(m_take, 0, Qt::AlignRight);
    lists->addWidget(m_mineTitle);
    lists->addWidget(m_mine, 2);
    // Managers also watch every chat in progress and who is on duty.
    m_liveTitle = heading(tr("Every chat in progress"), left);
    m_live
        = chatList(QStringLiteral("live"), &desk.live(), ChatListDelegate::Shows::Everyone, left);
    m_onDutyTitle = heading(tr("On duty"), left);
    m_onDuty = new QListView(left);
    m_onDuty->setObjectName(QStringLiteral("onDuty"));
    m_onDuty->setModel(&desk.consultants());
    m_onDuty->setItemDelegate(new OnDutyDelegate(m_onDuty));
    m_onDuty->setSelectionMode(QAbstractItemView::NoSelection);
    m_onDuty->setFocusPolicy(Qt::NoFocus);
    lists->addWidget(m_liveTitle);
    lists->addWidget(m_live, 2);
    lists->addWidget(m_onDutyTitle);
    lists->addWidget(m_onDuty, 1);
    lists->addWidget(m_message);

    auto *empty = new QLabel(tr("No conversation is open.\n\nTurn chat duty on, then take a "
                                "waiting client: their chat opens here, with what they told "
                                "the anteroom beside it."),
        this);
    empty->setObjectName(QStringLiteral("noChat"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setForegroundRole(QPalette::PlaceholderText);
    m_right->addWidget(empty);
    m_right->addWidget(m_tabs);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(m_right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({kListWidth, 700});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);

    connect(m_duty, &QCheckBox::toggled, this, &ChatPlace::onDutyToggled);
    connect(m_chatName, &QLineEdit::editingFinished, this, [this] {
        // A new chat name applies at once while on duty.
        if (m_duty->isChecked() && m_chatName->text().trimmed() != m_desk.consultants().myChatName()
            && !m_chatName->text().trimmed().isEmpty())
            onDutyToggled(true);
    });
    connect(
        &desk.consultants(), &ConsultantListModel::onDutyChanged, this, &ChatPlace::refreshDuty);
    connect(&desk.consultants(), &QAbstractItemModel::modelReset, this, &ChatPlace::refreshDuty);
    connect(&presence, &QAbstractItemModel::dataChanged, this, &ChatPlace::refreshDuty);
    connect(&presence, &QAbstractItemModel::modelReset, this, &ChatPlace::refreshDuty);

    connect(
        m_take, &QPushButton::clicked, this, [this] { takeRow(m_queue->currentIndex().row()); });
    connect(
        m_queue, &QListView::activated, this, [this](const QModelIndex &i) { takeRow(i.row()); });
    connect(m_queue->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &ChatPlace::refreshDuty);
    whenCountChanges(&desk.queue(), this, [this] { refreshDuty(); });
    whenCountChanges(&desk.mine(), this, [this] { syncTabs(); });
    connect(&desk.mine(), &QAbstractItemModel::dataChanged, this, &ChatPlace::syncTabs);
    connect(&desk.mine(), &ChatListModel::chatLeft, this, &ChatPlace::onChatLeft);
    connect(m_mine, &QListView::clicked, this, [this](const QModelIndex &i) {
        if (const Chat *chat = m_desk.mine().chatAt(i.row())) {
            if (ChatView *view = viewOf(chat->id))
                m_tabs->setCurrentWidget(view);
        }
    });
    whenCountChanges(&desk.live(), this, [this] {
        m_liveTitle->setText(tr("Every chat in progress (%1)").arg(m_desk.live().rowCount()));
    });
    connect(&desk, &ChatDesk::followingChanged, this, &ChatPlace::followDesk);
    // The list follows the tab: the chat on screen is the one marked in My chats.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        const ChatView *view = currentView();
        const int row = view ? m_desk.mine().rowOf(view->chatId()) : -1;
        if (row >= 0)
            m_mine->setCurrentIndex(m_desk.mine().index(row));
        else
            m_mine->clearSelection();
    });

    m_tick.setInterval(std::chrono::seconds(30));
    connect(&m_tick, &QTimer::timeout, this, [this] {
        for (QListView *view : {m_queue, m_mine, m_live}) {
            if (view)
                view->viewport()->update();
        }
    });
    m_tick.start();

    followDesk();
    syncTabs();
    refreshDuty();
}

void ChatPlace::followDesk()
{
    const bool manager = m_desk.isManager();
    for (QWidget *w :
        std::initializer_list<QWidget *> {m_liveTitle, m_live, m_onDutyTitle, m_onDuty})
        w->setVisible(manager);
    const QString me = m_desk.connection()
        ? m_desk.connection()->user().value(QStringLiteral("displayName")).toString()
        : QString();
    m_chatName->setPlaceholderText(me.section(u' ', 0, 0));
}

ChatView *ChatPlace::viewOf(const QUuid &chatId) const
{
    return m_views.value(chatId);
}

ChatView *ChatPlace::currentView() const
{
    return qobject_cast<ChatView *>(m_tabs->currentWidget());
}

QString ChatPlace::dutyText() const
{
    return m_dutyState->text();
}

void ChatPlace::refreshDuty()
{
    const ConsultantListModel &consultants = m_desk.consultants();
    const bool onDuty = consultants.isOnDuty();
    {
        const QSignalBlocker blocker(m_duty);
        m_duty->setChecked(onDuty);
    }
    if (onDuty && !m_chatName->hasFocus())
        m_chatName->setText(consultants.myChatName());

    // Availability follows my status, as the server applies it.
    const QString myId = m_desk.connection()
        ? m_desk.connection()->user().value(QStringLiteral("id")).toString()
        : QString();
    const Person *me = m_presence.person(myId);
    const StatusState *state = me ? m_presence.states()->stateById(me->stateId) : nullptr;
    if (!onDuty)
        m_dutyState->setText(tr("You are off chat duty: no client is offered to you."));
    else if (state && !state->available)
        m_dutyState->setText(tr("Your status “%1” takes no new client. Set an available "
                                "status at the top to take clients again.")
                                 .arg(state->label));
    else
        m_dutyState->setText(
            tr("Clients can reach you. They see you as “%1”.").arg(consultants.myChatName()));

    const int waiting = m_desk.queue().rowCount();
    m_waitingTitle->setText(tr("Waiting (%1)").arg(waiting));
    m_nobodyWaiting->setVisible(waiting == 0);
    m_queue->setVisible(waiting > 0);
    m_take->setEnabled(onDuty && m_queue->currentIndex().isValid());
    m_take->setToolTip(onDuty ? tr("Take the selected client (or double-click them)")
                              : tr("Turn chat duty on to take clients"));
}

void ChatPlace::onDutyToggled(bool on)
{
    ChatClient *client = m_desk.client();
    if (!client)
        return;
    m_duty->setEnabled(false);
    client->setDuty(on, m_chatName->text())
        ->then(this, [this, on](const QJsonValue &, const RpcError &error) {
            m_duty->setEnabled(true);
            if (error.isValid()) {
                const QSignalBlocker blocker(m_duty);
                m_duty->setChecked(!on);
                return showMessage(errorText(error), true);
            }
            m_message->setVisible(false);
            m_desk.consultants().reload();
        });
}

void ChatPlace::takeRow(int row)
{
    const Chat *chat = m_desk.queue().chatAt(row);
    if (!chat || !m_desk.client())
        return;
    if (!m_desk.consultants().isOnDuty())
        return showMessage(tr("Turn chat duty on to take clients."), true);
    const QString alias = chat->alias;
    m_take->setEnabled(false);
    m_desk.client()
        ->accept(chat->id.toString(QUuid::WithoutBraces))
        ->then(this, [this, alias](const QJsonValue &result, const RpcError &error) {
            refreshDuty();
            if (error.isValid()) {
                if (error.reason == QLatin1String("taken"))
                    return showMessage(tr("Someone else has just taken %1.").arg(alias), true);
                return showMessage(errorText(error), true);
            }
            m_message->setVisible(false);
            const Chat taken = Chat::fromJson(result[QStringLiteral("chat")].toObject());
            m_desk.mine().apply(taken);
            if (ChatView *view = viewOf(taken.id))
                m_tabs->setCurrentWidget(view);
        });
}

void ChatPlace::transferCurrent()
{
    ChatView *view = currentView();
    if (!view || view->hasEnded() || !m_desk.client())
        return;
    const QUuid me(m_desk.connection()->user().value(QStringLiteral("id")).toString());
    auto *dialog = new TransferDialog(
        *m_desk.client(), m_desk.consultants(), me, view->chatId(), view->alias(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ChatPlace::syncTabs()
{
    ChatListModel &mine = m_desk.mine();
    for (int row = 0; row < mine.rowCount(); ++row) {
        const Chat *chat = mine.chatAt(row);
        if (ChatView *view = viewOf(chat->id))
            view->update(*chat);
        else
            openTab(*chat);
    }
    m_mineTitle->setText(tr("My chats (%1)").arg(mine.rowCount()));
    refreshTabTitles();
    m_right->setCurrentIndex(m_tabs->count() > 0 ? 1 : 0);
}

ChatView *ChatPlace::openTab(const Chat &chat)
{
    auto *view = new ChatView(m_desk, chat, m_tabs);
    m_views.insert(chat.id, view);
    m_tabs->addTab(view, chat.alias);
    connect(view, &ChatView::closeRequested, this, [this, view] { closeTab(view); });
    connect(view, &ChatView::transferRequested, this, [this, view] {
        m_tabs->setCurrentWidget(view);
        transferCurrent();
    });
    return view;
}

void ChatPlace::closeTab(ChatView *view)
{
    m_views.remove(view->chatId());
    m_tabs->removeTab(m_tabs->indexOf(view));
    view->deleteLater();
    m_right->setCurrentIndex(m_tabs->count() > 0 ? 1 : 0);
}

void ChatPlace::refreshTabTitles()
{
    ChatListModel &mine = m_desk.mine();
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *view = qobject_cast<ChatView *>(m_tabs->widget(i));
        const int row = mine.rowOf(view->chatId());
        const int unread = row < 0 ? 0 : mine.index(row).data(ChatListModel::UnreadRole).toInt();
        QString title = view->alias();
        if (view->hasEnded())
            title = tr("%1 (ended)").arg(title);
        else if (unread > 0)
            title = tr("%1 (%2)").arg(title).arg(unread);
        m_tabs->setTabText(i, title);
    }
}

void ChatPlace::onChatLeft(const Chat &chat)
{
    ChatView *view = viewOf(chat.id);
    if (!view || view->hasEnded())
        return;
    if (chat.status == Chat::Status::Active)
        view->setEnded(tr("This chat is now with %1.").arg(chat.consultantName));
    else if (chat.closedBy == QLatin1String("client"))
        view->setEnded(tr("%1 ended the chat.").arg(chat.alias));
    else if (chat.closedBy == QLatin1String("timeout"))
        view->setEnded(tr("%1 did not come back: the chat has ended.").arg(chat.alias));
    else if (chat.closedBy == QLatin1String("consultant"))
        view->setEnded(tr("The chat has ended."));
    else
        view->setEnded(tr("The chat has ended."));
    refreshTabTitles();
}

void ChatPlace::showMessage(const QString &text, bool error)
{
    // Marked rather than coloured: the theme's negative colours are not reliable (see Kiosks).
    m_message->setText(error ? u"⚠ " + text : text);
    m_message->setVisible(true);
}

} // namespace Muster
