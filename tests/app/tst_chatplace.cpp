// The Chat place driven offscreen against a real server, as consultants work it: clients come
// from the anteroom (their pages played by raw connections), a consultant turns duty on, hears
// the client arrive, takes them, reads the intake beside the chat, writes with Enter and with a
// canned reply, sees the client typing, hands one chat over with a note and ends another; the
// board shows "In chat (n)" as it goes. A manager sees the queue, every chat in progress and who
// is on duty; a volunteer is offered no Chat place. Refusals come in words. A manager shapes
// the anteroom in Administration, and an invited consultant joins from the sign-in window.
#include "admin/administrationplace.h"
#include "admin/chatsettingspage.h"
#include "admin/invitespage.h"
#include "board/persondelegate.h"
#include "board/statustray.h"
#include "chat/chatdesk.h"
#include "chat/chatlistdelegate.h"
#include "chat/chatplace.h"
#include "chat/chatview.h"
#include "chat/transferdialog.h"
#include "client/connection.h"
#include "desktophelpers.h"
#include "login/invitationdialog.h"
#include "login/logindialog.h"
#include "models/presencemodel.h"
#include "shell/mainwindow.h"
#include "testclient.h"
#include "testserver.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace Muster;
using namespace Muster::Test;

class TestChatPlace : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    TestClient m_manager, m_carl;
    QString m_key;

    // A client's page joining the queue; the chat's id ("" when refused).
    QString join(TestClient &page, const QString &alias, const QString &topic)
    {
        if (!page.open(m_server->wsUrl()))
            return {};
        const QJsonObject reply = page.call(QStringLiteral("anteroom.join"),
            {{QStringLiteral("key"), m_key}, {QStringLiteral("alias"), alias},
                {QStringLiteral("topic"), topic}, {QStringLiteral("consent"), true},
                {QStringLiteral("answers"),
                    QJsonObject {{QStringLiteral("age"), QStringLiteral("17")}}}});
        return resultOf(reply)[QStringLiteral("chat")][QStringLiteral("id")].toString();
    }

    // Whether `page` has been pushed `method` with params[object][field] == value (for the
    // chat and message objects the page is sent whole).
    static bool pushedWith(
        TestClient &page, const QString &method, const QString &object, const QJsonObject &fields)
    {
        for (const QJsonObject &push : page.pushes()) {
            if (push.value(QStringLiteral("method")).toString() != method)
                continue;
            const QJsonObject inner = push[QStringLiteral("params")][object].toObject();
            bool all = true;
            for (auto it = fields.begin(); it != fields.end() && all; ++it)
                all = inner.value(it.key()) == it.value();
            if (all)
                return true;
        }
        return false;
    }

    static ChatPlace *openPlace(MainWindow &window)
    {
        if (!window.showPlace(QStringLiteral("chat")))
            return nullptr;
        return qobject_cast<ChatPlace *>(window.placePage(QStringLiteral("chat")));
    }

    static QString sidebarText(MainWindow &window, const QString &place)
    {
        auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("places"));
        for (int i = 0; i < sidebar->count(); ++i) {
            if (sidebar->item(i)->data(Qt::UserRole).toString() == place)
                return sidebar->item(i)->text();
        }
        return {};
    }

    static int rowOfAlias(QAbstractItemModel &model, const QString &alias)
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, 0).data(ChatListModel::AliasRole).toString() == alias)
                return row;
        }
        return -1;
    }

    // What the board says after someone's state: "In chat (2) · …".
    static QString boardNote(MainWindow &window, const QString &userId)
    {
        PresenceModel &model = window.model();
        const int row = model.rowOf(userId);
        return row < 0 ? QString() : PersonDelegate::noteFor(model.index(row));
    }

    static AdministrationPlace *administration(MainWindow &window)
    {
        return window.showPlace(QStringLiteral("administration"))
            ? qobject_cast<AdministrationPlace *>(
                window.placePage(QStringLiteral("administration")))
            : nullptr;
    }

    static QString tabTitle(ChatPlace &place, const QString &alias)
    {
        auto *tabs = place.findChild<QTabWidget *>(QStringLiteral("chats"));
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->tabText(i).startsWith(alias))
                return tabs->tabText(i);
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<TestServer>();
        m_server->config().throttles.anteroomJoinsPerAddress = 1000;
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Helpline")).isNull());
        for (const auto &[login, role] : {std::pair {QStringLiteral("maya"), Role::Manager},
                 std::pair {QStringLiteral("cora"), Role::Staff},
                 std::pair {QStringLiteral("carl"), Role::Staff},
                 std::pair {QStringLiteral("vic"), Role::Volunteer}}) {
            QVERIFY(!m_server->createUser(login, QStringLiteral("Helpline"), role).isNull());
        }
        // Names as people have them: the chat name clients see is the first of them.
        m_server->sql().exec("UPDATE users SET display_name = CASE login"
                             " WHEN 'maya' THEN 'Maya Okafor' WHEN 'cora' THEN 'Cora Brandt'"
                             " WHEN 'carl' THEN 'Carl Jensen' ELSE display_name END");
        QVERIFY(m_manager.signIn(m_server->wsUrl(), QStringLiteral("maya")));
        QVERIFY(m_carl.signIn(m_server->wsUrl(), QStringLiteral("carl")));
        m_key = resultOf(m_manager.call(QStringLiteral(
            "chat.settings.get")))[QStringLiteral("settings")][QStringLiteral("publicKey")]
                    .toString();
        QVERIFY(!m_key.isEmpty());
        QVERIFY(!resultOf(
            m_manager.call(QStringLiteral("chat.settings.update"),
                {{QStringLiteral("settings"),
                    QJsonObject {{QStringLiteral("questions"),
                        QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("age")},
                            {QStringLiteral("label"), QStringLiteral("How old are you?")}}}}}}}))
                     .isEmpty());
        QVERIFY(!resultOf(
            m_manager.call(QStringLiteral("chat.cannedReplies.set"),
                {{QStringLiteral("replies"),
                    QJsonArray {QJsonObject {{QStringLiteral("title"), QStringLiteral("Welcome")},
                        {QStringLiteral("body"),
                            QStringLiteral("Thank you for writing to us. Take your time.")}}}}}))
                     .isEmpty());
    }
    void cleanupTestCase() { m_server.reset(); }

    // Chat is a place for staff and up; a volunteer is not offered it.
    void offeredByRole()
    {
        Connection vic;
        QVERIFY(signIn(vic, *m_server, QStringLiteral("vic")));
        MainWindow volunteerWindow(vic);
        QVERIFY(!volunteerWindow.offeredPlaces().contains(QStringLiteral("chat")));
        QVERIFY(!volunteerWindow.showPlace(QStringLiteral("chat")));
        QVERIFY(volunteerWindow.chatDesk().connection() == nullptr);

        Connection cora;
        QVERIFY(signIn(cora, *m_server, QStringLiteral("cora")));
        MainWindow staffWindow(cora);
        ChatPlace *place = openPlace(staffWindow);
        QVERIFY(place);
        // Managers' lists are for managers.
        QVERIFY(!place->findChild<QListView *>(QStringLiteral("live"))->isVisibleTo(place));
        QVERIFY(!place->findChild<QListView *>(QStringLiteral("onDuty"))->isVisibleTo(place));
    }

    void aConsultantWorksTheirClients()
    {
        Connection cora;
        QVERIFY(signIn(cora, *m_server, QStringLiteral("cora")));
        const QString coraId = cora.user().value(QStringLiteral("id")).toString();
        MainWindow window(cora);
        window.resize(1280, 780);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ChatPlace *place = openPlace(window);
        QVERIFY(place);
        ChatDesk &desk = window.chatDesk();
        QTRY_VERIFY(desk.consultants().isLoaded());
        QTRY_VERIFY(desk.queue().isLoaded());

        // Off duty, the place says so and nobody can be taken.
        auto *duty = place->findChild<QCheckBox *>(QStringLiteral("duty"));
        QVERIFY(!duty->isChecked());
        QVERIFY(place->dutyText().contains(QStringLiteral("off chat duty")));
        auto *take = place->findChild<QPushButton *>(QStringLiteral("take"));
        QVERIFY(!take->isEnabled());
        QVERIFY(place->findChild<QLabel *>(QStringLiteral("nobodyWaiting"))->isVisibleTo(place));

        // On duty under a chat name of her own choosing.
        auto *chatName = place->findChild<QLineEdit *>(QStringLiteral("chatName"));
        chatName->setText(QStringLiteral("Cora B"));
        duty->click();
        QTRY_VERIFY(desk.consultants().isOnDuty());
        QCOMPARE(desk.consultants().myChatName(), QStringLiteral("Cora B"));
        QTRY_VERIFY(place->dutyText().contains(QStringLiteral("“Cora B”")));
        QVERIFY(resultOf(m_carl.call(QStringLiteral("chat.duty"), {{QStringLiteral("on"), true}}))
                    .value(QStringLiteral("on"))
                    .toBool());

        // A client arrives: it rings, the tray says who, the sidebar counts them.
        QSignalSpy arrived(&desk, &ChatDesk::clientArrived);
        TestClient mia;
        const QString miaChat = join(mia, QStringLiteral("Mia"), QStringLiteral("Exams"));
        QVERIFY(!miaChat.isEmpty());
        QTRY_COMPARE(arrived.size(), 1); // (it may have rung while the page's join was answered)
        QCOMPARE(arrived.first().at(0).toString(), QStringLiteral("Mia"));
        QVERIFY(window.tray()->lastNotification().contains(QStringLiteral("Mia — Exams")));
        QTRY_COMPARE(sidebarText(window, QStringLiteral("chat")), QStringLiteral("Chat (1)"));
        QCOMPARE(desk.queue().rowCount(), 1);
        QCOMPARE(ChatListDelegate::timeNote(ChatListDelegate::Shows::Waiting, desk.queue().index(0),
                     QDateTime::currentDateTimeUtc()),
            QStringLiteral("waiting just now"));

        // Taken with a double-click: her chat opens in a tab, the intake beside it.
        auto *queue = place->findChild<QListView *>(QStringLiteral("queue"));
        queue->setCurrentIndex(desk.queue().index(0));
        QVERIFY(take->isEnabled());
        Q_EMIT queue->activated(desk.queue().index(0));
        QTRY_VERIFY(place->viewOf(QUuid(miaChat)));
        ChatView *miaView = place->viewOf(QUuid(miaChat));
        QCOMPARE(place->currentView(), miaView);
        QVERIFY(miaView->intakeText().contains(QStringLiteral("Exams")));
        QVERIFY(miaView->intakeText().contains(QStringLiteral("How old are you?")));
        QVERIFY(miaView->intakeText().contains(QStringLiteral("17")));
        QTRY_VERIFY(pushedWith(mia, QStringLiteral("chat.updated"), QStringLiteral("chat"),
            QJsonObject {{QStringLiteral("status"), QStringLiteral("active")}}));
        QTRY_COMPARE(desk.queue().rowCount(), 0);
        // Everyone's board shows her in a chat.
        QTRY_COMPARE(boardNote(window, coraId), QStringLiteral("In chat (1)"));

        // She writes; Enter sends; Mia's page gets it.
        QTRY_VERIFY(miaView->messages().isLoaded());
        miaView->draft()->setFocus();
        QTest::keyClicks(miaView->draft(), QStringLiteral("Hello Mia, I am here."));
        QTest::keyClick(miaView->draft(), Qt::Key_Return);
        QVERIFY(miaView->draft()->toPlainText().isEmpty());
        QTRY_VERIFY(pushedWith(mia, QStringLiteral("chat.message"), QStringLiteral("message"),
            QJsonObject {{QStringLiteral("text"), QStringLiteral("Hello Mia, I am here.")},
                {QStringLiteral("senderName"), QStringLiteral("Cora B")}}));
        // Shift+Enter starts a new line instead.
        QTest::keyClicks(miaView->draft(), QStringLiteral("one"));
        QTest::keyClick(miaView->draft(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(miaView->draft(), QStringLiteral("two"));
        QCOMPARE(miaView->draft()->toPlainText(), QStringLiteral("one\ntwo"));
        miaView->draft()->clear();

        // A canned reply goes into the box to be read over, not straight to the client.
        auto *canned = miaView->findChild<QToolButton *>(QStringLiteral("cannedReplies"));
        QTRY_VERIFY(canned->isEnabled());
        QCOMPARE(canned->menu()->actions().size(), 1);
        canned->menu()->actions().first()->trigger();
        QCOMPARE(miaView->draft()->toPlainText(),
            QStringLiteral("Thank you for writing to us. Take your time."));
        miaView->draft()->clear();

        // Mia types, then writes: shown as typing, then as her message.
        auto *typing = miaView->findChild<QLabel *>(QStringLiteral("typing"));
        mia.call(QStringLiteral("chat.typing"), {{QStringLiteral("chatId"), miaChat}});
        QTRY_VERIFY(typing->isVisibleTo(miaView));
        QCOMPARE(typing->text(), QStringLiteral("Mia is typing…"));
        mia.call(QStringLiteral("chat.send"),
            {{QStringLiteral("chatId"), miaChat},
                {QStringLiteral("text"), QStringLiteral("I can't sleep")},
                {QStringLiteral("clientMsgId"), QStringLiteral("m1")}});
        QTRY_VERIFY(!typing->isVisibleTo(miaView));
        QTRY_COMPARE(miaView->messages()
                         .index(miaView->messages().rowCount() - 1)
                         .data(ChatMessageModel::TextRole)
                         .toString(),
            QStringLiteral("I can't sleep"));

        // A second client; her tab counts what Cora has not read while she is on Mia's.
        TestClient noor;
        const QString noorChat = join(noor, QStringLiteral("Noor"), QStringLiteral("Family"));
        QTRY_COMPARE(desk.queue().rowCount(), 1);
        place->takeRow(0);
        QTRY_VERIFY(place->viewOf(QUuid(noorChat)));
        QTRY_COMPARE(boardNote(window, coraId), QStringLiteral("In chat (2)"));
        place->findChild<QTabWidget *>(QStringLiteral("chats"))->setCurrentWidget(miaView);
        noor.call(QStringLiteral("chat.send"),
            {{QStringLiteral("chatId"), noorChat},
                {QStringLiteral("text"), QStringLiteral("Hello?")},
                {QStringLiteral("clientMsgId"), QStringLiteral("n1")}});
        QTRY_COMPARE(tabTitle(*place, QStringLiteral("Noor")), QStringLiteral("Noor (1)"));
        const int noorRow = desk.mine().rowOf(QUuid(noorChat));
        QTRY_COMPARE(desk.mine().index(noorRow).data(ChatListModel::UnreadRole).toInt(), 1);

        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty()) {
            mia.call(QStringLiteral("chat.typing"), {{QStringLiteral("chatId"), miaChat}});
            QTRY_VERIFY(typing->isVisibleTo(miaView));
            QVERIFY(
                window.grab().save(QDir(shots).filePath(QStringLiteral("chat-consultant.png"))));
        }

        // Noor is handed to Carl with a note; Cora's tab stays, closed for writing.
        ChatView *noorView = place->viewOf(QUuid(noorChat));
        place->findChild<QTabWidget *>(QStringLiteral("chats"))->setCurrentWidget(noorView);
        noorView->findChild<QPushButton *>(QStringLiteral("transfer"))->click();
        auto *dialog = place->findChild<TransferDialog *>(QStringLiteral("transferDialog"));
        QVERIFY(dialog);
        auto *to = dialog->findChild<QComboBox *>(QStringLiteral("consultant"));
        QTRY_COMPARE(to->count(), 1); // Carl; never herself
        QVERIFY(to->currentText().startsWith(QStringLiteral("Carl Jensen")));
        QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("note")),
            QStringLiteral("Worried about her family; gentle please."));
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(dialog->grab().save(QDir(shots).filePath(QStringLiteral("chat-transfer.png"))));
        dialog->findChild<QPushButton *>(QStringLiteral("handOver"))->click();
        QTRY_VERIFY(noorView->hasEnded());
        QVERIFY(noorView->findChild<QLabel *>(QStringLiteral("endedBanner"))
                    ->text()
                    .contains(QStringLiteral("Carl")));
        QVERIFY(!noorView->draft()->isEnabled());
        const QJsonArray carls = resultOf(m_carl.call(QStringLiteral("chat.list")))
                                     .value(QStringLiteral("chats"))
                                     .toArray();
        QCOMPARE(carls.size(), 1);
        QCOMPARE(carls.first()[QStringLiteral("transferNote")].toString(),
            QStringLiteral("Worried about her family; gentle please."));
        QTRY_COMPARE(boardNote(window, coraId), QStringLiteral("In chat (1)"));
        // Closing the ended tab takes it away.
        noorView->findChild<QPushButton *>(QStringLiteral("endChat"))->click();
        QTRY_VERIFY(!place->viewOf(QUuid(noorChat)));

        // Cora ends Mia's chat after a confirmation that defaults to Cancel.
        miaView->findChild<QPushButton *>(QStringLiteral("endChat"))->click();
        auto *confirm = miaView->findChild<QMessageBox *>(QStringLiteral("confirmEnd"));
        QVERIFY(confirm);
        QCOMPARE(confirm->defaultButton(), confirm->button(QMessageBox::Cancel));
        confirm->findChild<QPushButton *>(QStringLiteral("confirm"))->click();
        QTRY_VERIFY(pushedWith(mia, QStringLiteral("chat.updated"), QStringLiteral("chat"),
            QJsonObject {{QStringLiteral("status"), QStringLiteral("closed")}}));
        QTRY_VERIFY(miaView->hasEnded());
        QTRY_COMPARE(boardNote(window, coraId), QString());
        QCOMPARE(tabTitle(*place, QStringLiteral("Mia")), QStringLiteral("Mia (ended)"));
    }

    // A client who leaves ends the chat on the consultant's screen, in words; a status that is
    // not available takes no new client, and the place says so.
    void theClientLeavesAndDutyFollowsStatus()
    {
        Connection cora;
        QVERIFY(signIn(cora, *m_server, QStringLiteral("cora")));
        MainWindow window(cora);
        ChatPlace *place = openPlace(window);
        ChatDesk &desk = window.chatDesk();
        QTRY_VERIFY(desk.consultants().isOnDuty()); // still on duty from before
        TestClient sam;
        const QString samChat = join(sam, QStringLiteral("Sam"), QString());
        QTRY_COMPARE(desk.queue().rowCount(), 1);
        QVERIFY(
            ChatListDelegate::secondLine(ChatListDelegate::Shows::Waiting, desk.queue().index(0))
                .contains(QStringLiteral("No topic given")));
        place->takeRow(0);
        QTRY_VERIFY(place->viewOf(QUuid(samChat)));
        ChatView *view = place->viewOf(QUuid(samChat));
        sam.call(QStringLiteral("chat.close"), {{QStringLiteral("chatId"), samChat}});
        QTRY_VERIFY(view->hasEnded());
        QCOMPARE(view->findChild<QLabel *>(QStringLiteral("endedBanner"))->text(),
            QStringLiteral("Sam ended the chat."));

        // "In a meeting" takes no client: said plainly, and the server agrees.
        const QString meeting
            = stateIdByLabel(resultOf(m_manager.call(QStringLiteral("presence.list"))),
                QStringLiteral("In a meeting"));
        TestClient coraElsewhere; // her phone, say: the status is hers wherever it is set
        QVERIFY(coraElsewhere.signIn(m_server->wsUrl(), QStringLiteral("cora")));
        QVERIFY(!resultOf(coraElsewhere.call(QStringLiteral("presence.set"),
                              {{QStringLiteral("stateId"), meeting}}))
                     .isEmpty());
        QTRY_VERIFY(
            place->dutyText().contains(QStringLiteral("“In a meeting” takes no new client")));
        TestClient ali;
        const QString aliChat = join(ali, QStringLiteral("Ali"), QStringLiteral("Money"));
        QTRY_COMPARE(desk.queue().rowCount(), 1);
        place->takeRow(0);
        auto *message = place->findChild<QLabel *>(QStringLiteral("message"));
        QTRY_VERIFY(message->isVisibleTo(place));
        QVERIFY(!message->text().contains(QStringLiteral("unavailable"))); // words, not a code
        QVERIFY(!place->viewOf(QUuid(aliChat)));

        // Someone else is quicker: said as such.
        QVERIFY(!resultOf(
            m_carl.call(QStringLiteral("chat.accept"), {{QStringLiteral("chatId"), aliChat}}))
                     .isEmpty());
        coraElsewhere.call(QStringLiteral("presence.set"),
            {{QStringLiteral("stateId"),
                stateIdByLabel(resultOf(m_manager.call(QStringLiteral("presence.list"))),
                    QStringLiteral("Available"))}});
        QTRY_VERIFY(place->dutyText().contains(QStringLiteral("Clients can reach you")));

        // Off duty: the switch, the server, and colleagues' lists agree.
        place->findChild<QCheckBox *>(QStringLiteral("duty"))->click();
        QTRY_VERIFY(!desk.consultants().isOnDuty());
        QVERIFY(
            !m_carl.waitForPush(QStringLiteral("chat.dutyChanged"), {{QStringLiteral("on"), false}})
                 .isEmpty());
    }

    // A manager watches the queue, every chat in progress with how long its client waited, and
    // who is on duty with their load.
    void aManagerSeesEveryChat()
    {
        Connection maya;
        QVERIFY(signIn(maya, *m_server, QStringLiteral("maya")));
        MainWindow window(maya);
        ChatPlace *place = openPlace(window);
        QVERIFY(place);
        ChatDesk &desk = window.chatDesk();
        QTRY_VERIFY(desk.live().isLoaded());
        // Carl has Noor and Ali from the tests before.
        QTRY_COMPARE(desk.live().rowCount(), 2);
        const int noor = rowOfAlias(desk.live(), QStringLiteral("Noor"));
        QVERIFY(noor >= 0);
        const QString line = ChatListDelegate::secondLine(
            ChatListDelegate::Shows::Everyone, desk.live().index(noor));
        // Noor's page closed with the test before: the manager sees that too.
        QCOMPARE(line, QStringLiteral("Away (page closed) · with Carl · Family"));
        QCOMPARE(
            ChatListDelegate::headNote(ChatListDelegate::Shows::Everyone, desk.live().index(noor)),
            QStringLiteral("waited just now"));
        QCOMPARE(ChatListDelegate::timeNote(ChatListDelegate::Shows::Everyone,
                     desk.live().index(noor), QDateTime::currentDateTimeUtc()),
            QStringLiteral("in chat just now"));
        // Shown although the window opened on Chat before it knew its role (the place is
        // remembered from the last session and made before the sign-in's role is read).
        QVERIFY(place->findChild<QListView *>(QStringLiteral("onDuty"))->isVisibleTo(place));
        QTRY_COMPARE(desk.consultants().rowCount(), 1); // Carl; Cora went off duty
        QCOMPARE(desk.consultants().index(0).data(ConsultantListModel::ChatsRole).toInt(), 2);

        // A chat Carl ends leaves the manager's list at once.
        const QString noorId = desk.live().index(noor).data(ChatListModel::IdRole).toString();
        m_carl.call(QStringLiteral("chat.close"), {{QStringLiteral("chatId"), noorId}});
        QTRY_COMPARE(desk.live().rowCount(), 1);
        QTRY_COMPARE(desk.consultants().index(0).data(ConsultantListModel::ChatsRole).toInt(), 1);
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty()) {
            window.resize(1280, 780);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.grab().save(QDir(shots).filePath(QStringLiteral("chat-manager.png"))));
        }
    }

    // A manager shapes the anteroom from Administration → Anteroom: the address and snippet to
    // embed, the sites that may frame it, a question, the texts, the limits and the canned
    // replies; what the form would have refused is said before anything is sent, and a new
    // address needs a confirmation.
    void aManagerShapesTheAnteroom()
    {
        Connection maya;
        QVERIFY(signIn(maya, *m_server, QStringLiteral("maya")));
        MainWindow window(maya);
        AdministrationPlace *admin = administration(window);
        QVERIFY(admin);
        ChatSettingsPage *page = admin->chatSettingsPage();
        QVERIFY(page);
        QTRY_VERIFY(page->isLoaded());
        QCOMPARE(page->saved().publicKey, m_key);
        QVERIFY(page->anteroomUrl().endsWith(QStringLiteral("/anteroom/") + m_key));
        QVERIFY(page->embedSnippet().startsWith(
            QStringLiteral("<iframe src=\"") + page->anteroomUrl() + u'"'));
        auto *questions = page->findChild<QTableWidget *>(QStringLiteral("questions"));
        QCOMPARE(questions->rowCount(), 1);
        QCOMPARE(questions->item(0, 0)->text(), QStringLiteral("How old are you?"));

        // A site that is not an address is refused here, in words, and nothing is sent.
        auto *origins = page->findChild<QPlainTextEdit *>(QStringLiteral("origins"));
        origins->setPlainText(QStringLiteral("help.example.org"));
        QSignalSpy saved(page, &ChatSettingsPage::savedChanged);
        page->findChild<QPushButton *>(QStringLiteral("save"))->click();
        QVERIFY(page->message().startsWith(u"⚠"));
        QCOMPARE(saved.size(), 0);

        // Right this time, with a new required question, a title, limits and two replies.
        origins->setPlainText(QStringLiteral("https://Help.Example.org/\n\nhttp://localhost:8080"));
        page->findChild<QPushButton *>(QStringLiteral("questionsAdd"))->click();
        questions->item(1, 0)->setText(QStringLiteral("Is this your first time here?"));
        questions->item(1, 1)->setCheckState(Qt::Checked);
        page->findChild<QLineEdit *>(QStringLiteral("text-title"))
            ->setText(QStringLiteral("Talk to us"));
        page->findChild<QSpinBox *>(QStringLiteral("perConsultant"))->setValue(2);
        auto *canned = page->findChild<QTableWidget *>(QStringLiteral("canned"));
        page->findChild<QPushButton *>(QStringLiteral("cannedAdd"))->click();
        canned->item(1, 0)->setText(QStringLiteral("Closing"));
        canned->item(1, 1)->setText(QStringLiteral("Thank you for talking to us tonight."));
        page->findChild<QPushButton *>(QStringLiteral("save"))->click();
        QVERIFY(saved.wait(5000));
        const QJsonObject stored = resultOf(m_manager.call(QStringLiteral("chat.settings.get")))
                                       .value(QStringLiteral("settings"))
                                       .toObject();
        QCOMPARE(stored.value(QStringLiteral("allowedOrigins")).toArray(),
            QJsonArray({QStringLiteral("https://help.example.org"),
                QStringLiteral("http://localhost:8080")}));
        QCOMPARE(stored[QStringLiteral("texts")][QStringLiteral("title")].toString(),
            QStringLiteral("Talk to us"));
        QCOMPARE(stored.value(QStringLiteral("maxChatsPerConsultant")).toInt(), 2);
        const QJsonArray asked = stored.value(QStringLiteral("questions")).toArray();
        QCOMPARE(asked.size(), 2);
        QCOMPARE(asked.at(0)[QStringLiteral("id")].toString(), QStringLiteral("age"));
        QCOMPARE(asked.at(1)[QStringLiteral("id")].toString(),
            QStringLiteral("is-this-your-first-time-here"));
        QVERIFY(asked.at(1)[QStringLiteral("required")].toBool());
        const QJsonArray replies
            = resultOf(m_manager.call(QStringLiteral("chat.cannedReplies.list")))
                  .value(QStringLiteral("replies"))
                  .toArray();
        QCOMPARE(replies.size(), 2);
        QCOMPARE(replies.at(1)[QStringLiteral("title")].toString(), QStringLiteral("Closing"));
        // The page a client opens says the new title at once.
        TestClient visitor;
        QVERIFY(visitor.open(m_server->wsUrl()));
        QCOMPARE(
            resultOf(visitor.call(QStringLiteral("anteroom.open"),
                {{QStringLiteral("key"), m_key}}))[QStringLiteral("texts")][QStringLiteral("title")]
                .toString(),
            QStringLiteral("Talk to us"));

        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty()) {
            admin->findChild<QTabWidget *>()->setCurrentWidget(page);
            window.resize(1280, 900);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.grab().save(QDir(shots).filePath(QStringLiteral("chat-settings.png"))));
        }

        // A new address, after a confirmation that defaults to Cancel; the old one is gone.
        page->findChild<QPushButton *>(QStringLiteral("rotateKey"))->click();
        auto *confirm = page->findChild<QMessageBox *>(QStringLiteral("confirmRotate"));
        QVERIFY(confirm);
        QCOMPARE(confirm->defaultButton(), confirm->button(QMessageBox::Cancel));
        confirm->findChild<QPushButton *>(QStringLiteral("confirm"))->click();
        QVERIFY(saved.wait(5000));
        QVERIFY(page->saved().publicKey != m_key);
        QCOMPARE(TestClient::errorReason(visitor.call(
                     QStringLiteral("anteroom.open"), {{QStringLiteral("key"), m_key}})),
            QStringLiteral("not_found"));
        m_key = page->saved().publicKey;
    }

    // The organisation's logo goes on the page from the same tab: chosen, fitted into the
    // header's box, sent at once; shown here and on the anteroom; fetched back for a manager who
    // opens the tab later; and taken away again. A sliver of a picture is refused here.
    void aManagerGivesTheAnteroomALogo()
    {
        Connection maya;
        QVERIFY(signIn(maya, *m_server, QStringLiteral("maya")));
        MainWindow window(maya);
        AdministrationPlace *admin = administration(window);
        QVERIFY(admin);
        ChatSettingsPage *page = admin->chatSettingsPage();
        QTRY_VERIFY(page->isLoaded());
        QVERIFY(page->saved().logo.isEmpty());
        QVERIFY(page->logoPreview().isNull());
        auto *remove = page->findChild<QPushButton *>(QStringLiteral("removeLogo"));
        QVERIFY(!remove->isEnabled());
        const auto logoOnPage = [this] {
            TestClient visitor;
            return visitor.open(m_server->wsUrl()) ? resultOf(
                       visitor.call(QStringLiteral("anteroom.open"),
                           {{QStringLiteral("key"),
                               m_key}})).value(QStringLiteral("logo"))
                                                   : QJsonValue(QJsonValue::Undefined);
        };

        QSignalSpy saved(page, &ChatSettingsPage::savedChanged);
        page->uploadLogo(QImage(3000, 20, QImage::Format_ARGB32));
        QVERIFY(page->message().startsWith(u"⚠"));
        QCOMPARE(saved.size(), 0);

        // A large wide logo with transparency: fitted to 800 × 200, kept transparent.
        QImage wide(1600, 400, QImage::Format_ARGB32);
        wide.fill(Qt::transparent);
        QPainter(&wide).fillRect(100, 100, 1400, 200, QColor(0x7a, 0x3b, 0x69));
        page->uploadLogo(wide);
        QVERIFY(saved.wait(5000));
        const QString sha = page->saved().logo;
        QCOMPARE(sha.size(), 64);
        QCOMPARE(page->logoPreview().size(), QSize(800, 200));
        QVERIFY(page->logoPreview().hasAlphaChannel());
        QVERIFY(remove->isEnabled());
        QCOMPARE(logoOnPage().toString(), sha);

        // Another manager opening the tab later sees it too: fetched from the anteroom's address.
        {
            Connection again;
            QVERIFY(signIn(again, *m_server, QStringLiteral("maya")));
            MainWindow later(again);
            ChatSettingsPage *laterPage = administration(later)->chatSettingsPage();
            QSignalSpy shown(laterPage, &ChatSettingsPage::logoShown);
            QVERIFY(shown.wait(5000));
            QCOMPARE(laterPage->saved().logo, sha);
            QCOMPARE(laterPage->logoPreview().size(), QSize(800, 200));
        }

        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty()) {
            admin->findChild<QTabWidget *>()->setCurrentWidget(page);
            window.resize(1280, 900);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto *preview = page->findChild<QLabel *>(QStringLiteral("logoPreview"));
            page->findChild<QScrollArea *>()->ensureWidgetVisible(preview, 0, 300);
            QVERIFY(window.grab().save(QDir(shots).filePath(QStringLiteral("chat-logo.png"))));
        }

        remove->click();
        QVERIFY(saved.wait(5000));
        QVERIFY(page->saved().logo.isEmpty());
        QVERIFY(page->logoPreview().isNull());
        QVERIFY(!remove->isEnabled());
        QCOMPARE(logoOnPage(), QJsonValue(QJsonValue::Null));
    }

    // The invitation mail says: choose "I have an invitation" in the sign-in window and enter
    // the code. The code becomes an account with the invitation's role, and the window signs
    // in with it; a weak password, two passwords that differ and a used code are said in words.
    void anInviteeJoinsFromTheSignInWindow()
    {
        const QString code
            = resultOf(m_manager.call(QStringLiteral("invites.create"),
                           {{QStringLiteral("role"), QStringLiteral("staff")},
                               {QStringLiteral("displayName"), QStringLiteral("Ines Park")}}))
                  .value(QStringLiteral("code"))
                  .toString();
        QVERIFY(!code.isEmpty());

        Connection connection;
        LoginDialog login(connection);
        login.findChild<QLineEdit *>(QStringLiteral("server"))
            ->setText(m_server->wsUrl().toString());
        login.show();
        QVERIFY(QTest::qWaitForWindowExposed(&login));
        login.findChild<QPushButton *>(QStringLiteral("haveInvitation"))->click();
        auto *dialog = login.findChild<InvitationDialog *>(QStringLiteral("invitationDialog"));
        QVERIFY(dialog);
        auto field = [dialog](const char *name) {
            return dialog->findChild<QLineEdit *>(QString::fromLatin1(name));
        };
        auto *join = dialog->findChild<QPushButton *>(QStringLiteral("join"));
        QVERIFY(!join->isEnabled());
        QTest::keyClicks(field("code"), code);
        QTest::keyClicks(field("login"), QStringLiteral("ines"));
        QTest::keyClicks(field("password"), QStringLiteral("password1"));
        QTest::keyClicks(field("passwordAgain"), QStringLiteral("password2"));
        join->click();
        QCOMPARE(dialog->message(), QStringLiteral("⚠ The two passwords are not the same."));
        field("passwordAgain")->setText(QStringLiteral("password1"));
        join->click();
        QVERIFY(dialog->message().startsWith(u"⚠")); // a password people guess first
        QVERIFY(!dialog->message().contains(QStringLiteral("invalid_params")));

        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(dialog->grab().save(QDir(shots).filePath(QStringLiteral("invitation.png"))));

        field("password")->setText(QStringLiteral("lantern ferry quiet"));
        field("passwordAgain")->setText(QStringLiteral("lantern ferry quiet"));
        QSignalSpy signedIn(&connection, &Connection::signedIn);
        join->click();
        QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), 10000);
        QCOMPARE(
            connection.user().value(QStringLiteral("login")).toString(), QStringLiteral("ines"));
        QCOMPARE(
            connection.user().value(QStringLiteral("role")).toString(), QStringLiteral("staff"));
        QCOMPARE(connection.user().value(QStringLiteral("displayName")).toString(),
            QStringLiteral("Ines Park"));

        // The same code again: used, said so.
        Connection another;
        LoginDialog again(another);
        again.findChild<QLineEdit *>(QStringLiteral("server"))
            ->setText(m_server->wsUrl().toString());
        again.findChild<QPushButton *>(QStringLiteral("haveInvitation"))->click();
        auto *second = again.findChild<InvitationDialog *>(QStringLiteral("invitationDialog"));
        second->findChild<QLineEdit *>(QStringLiteral("code"))->setText(code);
        second->findChild<QLineEdit *>(QStringLiteral("login"))->setText(QStringLiteral("ines2"));
        second->findChild<QLineEdit *>(QStringLiteral("password"))
            ->setText(QStringLiteral("lantern ferry quiet"));
        second->findChild<QLineEdit *>(QStringLiteral("passwordAgain"))
            ->setText(QStringLiteral("lantern ferry quiet"));
        second->findChild<QPushButton *>(QStringLiteral("join"))->click();
        QTRY_VERIFY(second->message().contains(QStringLiteral("This code is not valid")));
    }

    // A manager invites from Administration → Invitations: the code is shown once to pass on,
    // the list says what became of each invitation, and one withdrawn stops working.
    void aManagerInvitesAndWithdraws()
    {
        Connection maya;
        QVERIFY(signIn(maya, *m_server, QStringLiteral("maya")));
        MainWindow window(maya);
        AdministrationPlace *admin = administration(window);
        QVERIFY(admin);
        InvitesPage *page = admin->invitesPage();
        QVERIFY(page);
        QSignalSpy listed(page, &InvitesPage::listed);
        QTRY_VERIFY(!listed.isEmpty());
        // Never above my own role: a manager offers no Admin.
        auto *role = page->findChild<QComboBox *>(QStringLiteral("role"));
        QCOMPARE(role->findData(QStringLiteral("admin")), -1);
        QCOMPARE(role->currentData().toString(), QStringLiteral("staff"));
        page->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("Omar Said"));
        listed.clear();
        page->findChild<QPushButton *>(QStringLiteral("invite"))->click();
        QVERIFY(listed.wait(5000));
        const QString code = page->shownCode();
        QVERIFY(code.size() >= 16);
        QVERIFY(page->findChild<QLabel *>(QStringLiteral("codeNote"))
                    ->text()
                    .contains(QStringLiteral("Omar Said")));
        QTreeWidget *list = page->list();
        QTreeWidgetItem *omar = nullptr;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            if (list->topLevelItem(i)->text(0) == QLatin1String("Omar Said"))
                omar = list->topLevelItem(i);
        }
        QVERIFY(omar);
        QCOMPARE(omar->text(2), QStringLiteral("Open"));
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty()) {
            admin->findChild<QTabWidget *>()->setCurrentWidget(page);
            window.resize(1100, 700);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.grab().save(QDir(shots).filePath(QStringLiteral("invites.png"))));
        }
        list->setCurrentItem(omar);
        page->findChild<QPushButton *>(QStringLiteral("revoke"))->click();
        auto *confirm = page->findChild<QMessageBox *>(QStringLiteral("confirmRevoke"));
        QVERIFY(confirm);
        listed.clear();
        confirm->findChild<QPushButton *>(QStringLiteral("confirm"))->click();
        QVERIFY(listed.wait(5000));
        bool withdrawn = false;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            if (list->topLevelItem(i)->text(0) == QLatin1String("Omar Said"))
                withdrawn = list->topLevelItem(i)->text(2) == QLatin1String("Withdrawn");
        }
        QVERIFY(withdrawn);
        TestClient stranger;
        QVERIFY(stranger.open(m_server->wsUrl()));
        QCOMPARE(
            TestClient::errorReason(stranger.call(QStringLiteral("invites.accept"),
                {{QStringLiteral("code"), code}, {QStringLiteral("login"), QStringLiteral("omar")},
                    {QStringLiteral("password"), QStringLiteral("lantern ferry quiet")}})),
            QStringLiteral("not_found"));
    }
};

QTEST_MAIN(TestChatPlace)
#include "tst_chatplace.moc"
