// The consultant chat's models, fed by a real Connection to a real server while an anonymous
// client plays the other side over its own WebSocket: the queue, my chats and a manager's live
// chats follow the pushes; a conversation shows what I send at once, then as stored, hears the
// client write, type and read, and sends again what a dropped connection did not deliver —
// once.
#include "client/chatclient.h"
#include "client/connection.h"
#include "desktophelpers.h"
#include "models/chatlistmodel.h"
#include "models/chatmessagemodel.h"
#include "testclient.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Muster;
using namespace Muster::Test;

namespace {

constexpr auto kTesterMode = QAbstractItemModelTester::FailureReportingMode::QtTest;

} // namespace

class TestChatModels : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;
    QString m_key;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Helpline")).isNull());
        QVERIFY(
            !m_server->createUser(QStringLiteral("mona"), QStringLiteral("Helpline"), Role::Manager)
                 .isNull());
        QVERIFY(
            !m_server->createUser(QStringLiteral("cora"), QStringLiteral("Helpline"), Role::Staff)
                 .isNull());
        TestClient mona;
        QVERIFY(mona.signIn(m_server->wsUrl(), QStringLiteral("mona")));
        m_key = resultOf(mona.call(QStringLiteral(
            "chat.settings.get")))[QStringLiteral("settings")][QStringLiteral("publicKey")]
                    .toString();
        QVERIFY(!m_key.isEmpty());
    }
    void cleanupTestCase() { m_server.reset(); }

    void aConsultantsWindowFollowsTheChat()
    {
        Connection cora, mona;
        QVERIFY(signIn(cora, *m_server, QStringLiteral("cora")));
        QVERIFY(signIn(mona, *m_server, QStringLiteral("mona")));
        ChatListModel queue(ChatListModel::Kind::Queue), mine(ChatListModel::Kind::Mine),
            live(ChatListModel::Kind::Live);
        QAbstractItemModelTester t1(&queue, kTesterMode), t2(&mine, kTesterMode),
            t3(&live, kTesterMode);
        queue.setConnection(&cora);
        mine.setConnection(&cora);
        live.setConnection(&mona);
        QTRY_VERIFY(queue.isLoaded() && mine.isLoaded() && live.isLoaded());
        ChatClient chats(&cora);
        QSignalSpy duty(chats.setDuty(true, QStringLiteral("Cora")), &RpcReply::succeeded);
        QVERIFY(duty.wait());

        // A client comes: the queue shows them at once.
        TestClient page;
        QVERIFY(page.open(m_server->wsUrl()));
        const QJsonObject joined = resultOf(page.call(QStringLiteral("anteroom.join"),
            {{QStringLiteral("key"), m_key}, {QStringLiteral("alias"), QStringLiteral("Sam")},
                {QStringLiteral("topic"), QStringLiteral("Exams")},
                {QStringLiteral("consent"), true}}));
        const QString chatId = joined[QStringLiteral("chat")][QStringLiteral("id")].toString();
        QTRY_COMPARE(queue.count(), 1);
        QCOMPARE(queue.index(0).data(ChatListModel::AliasRole).toString(), QStringLiteral("Sam"));
        QCOMPARE(queue.index(0).data(Qt::DisplayRole).toString(), QStringLiteral("Sam — Exams"));
        QVERIFY(queue.index(0).data(ChatListModel::CreatedAtRole).toDateTime().isValid());

        // Taken: out of the queue, into my chats and the manager's live view.
        QSignalSpy accepted(chats.accept(chatId), &RpcReply::succeeded);
        QVERIFY(accepted.wait());
        QTRY_COMPARE(queue.count(), 0);
        QTRY_COMPARE(mine.count(), 1);
        QTRY_COMPARE(live.count(), 1);
        QCOMPARE(live.index(0).data(ChatListModel::ConsultantNameRole).toString(),
            QStringLiteral("Cora"));

        // The conversation: the history, then the client writing, typing, reading.
        ChatMessageModel conversation;
        QAbstractItemModelTester t4(&conversation, kTesterMode);
        conversation.setConnection(&cora);
        conversation.setChat(QUuid(chatId));
        QTRY_VERIFY(conversation.isLoaded());
        QCOMPARE(conversation.rowCount(), 1);
        QCOMPARE(conversation.index(0).data(ChatMessageModel::TextRole).toString(),
            QStringLiteral("Cora has joined the chat."));
        QSignalSpy wrote(&conversation, &ChatMessageModel::clientWrote);
        QVERIFY(!resultOf(
            page.call(QStringLiteral("chat.typing"), {{QStringLiteral("chatId"), chatId}}))
                     .isEmpty());
        QTRY_VERIFY(conversation.isClientTyping());
        QVERIFY(!resultOf(
            page.call(QStringLiteral("chat.send"),
                {{QStringLiteral("chatId"), chatId}, {QStringLiteral("text"), QStringLiteral("hi")},
                    {QStringLiteral("clientMsgId"), QStringLiteral("p1")}}))
                     .isEmpty());
        QVERIFY(wrote.count() == 1 || wrote.wait());
        QVERIFY(!conversation.isClientTyping()); // a message ends the typing
        QCOMPARE(conversation.index(1).data(ChatMessageModel::TextRole).toString(),
            QStringLiteral("hi"));
        // Unread counts what the client wrote: not the server's "has joined" line.
        QTRY_COMPARE(mine.index(0).data(ChatListModel::UnreadRole).toInt(), 1);

        // What I write shows at once as sending, then as stored.
        QVERIFY(conversation.send(QStringLiteral("  Hello Sam.  ")));
        QCOMPARE(conversation.rowCount(), 3);
        QCOMPARE(conversation.index(2).data(ChatMessageModel::PendingRole).toBool(), true);
        QCOMPARE(conversation.index(2).data(ChatMessageModel::TextRole).toString(),
            QStringLiteral("Hello Sam."));
        QTRY_COMPARE(conversation.index(2).data(ChatMessageModel::PendingRole).toBool(), false);
        QCOMPARE(conversation.index(2).data(ChatMessageModel::SeqRole).toLongLong(), 3);
        QTRY_VERIFY(
            std::any_of(page.pushes().cbegin(), page.pushes().cend(), [](const QJsonObject &p) {
                return p[QStringLiteral("params")][QStringLiteral("message")]
                        [QStringLiteral("text")]
                            .toString()
                    == QLatin1String("Hello Sam.");
            }));
        QVERIFY(!conversation.send(QStringLiteral("   ")));
        // My own message is never unread to me (it reaches my other windows as a push).
        QCOMPARE(mine.index(0).data(ChatListModel::UnreadRole).toInt(), 1);

        // The client reads it; I read theirs.
        QVERIFY(!resultOf(page.call(QStringLiteral("chat.read"),
                              {{QStringLiteral("chatId"), chatId}, {QStringLiteral("seq"), 3}}))
                     .isEmpty());
        QTRY_COMPARE(conversation.clientReadSeq(), 3);
        QVERIFY(conversation.index(2).data(ChatMessageModel::ReadByClientRole).toBool());
        connect(&conversation, &ChatMessageModel::read, &mine, &ChatListModel::setRead);
        conversation.markRead();
        QTRY_COMPARE(mine.index(0).data(ChatListModel::UnreadRole).toInt(), 0);

        // The connection drops as I send: the message waits, and goes once when it is back.
        m_server->server().abortAllConnections();
        QTRY_VERIFY(cora.state() != Connection::State::Ready);
        QVERIFY(conversation.send(QStringLiteral("Are you still there?")));
        QCOMPARE(conversation.index(conversation.rowCount() - 1)
                     .data(ChatMessageModel::PendingRole)
                     .toBool(),
            true);
        QTRY_VERIFY_WITH_TIMEOUT(cora.state() == Connection::State::Ready, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(conversation.index(conversation.rowCount() - 1)
                                      .data(ChatMessageModel::PendingRole)
                                      .toBool(),
            false, 15000);
        QCOMPARE(m_server->sql()
                     .exec("SELECT count(*) FROM chat_messages WHERE body = 'Are you still there?'")
                     .text(0, 0),
            QStringLiteral("1"));

        // Ended: out of my chats and the live view.
        QSignalSpy closed(chats.close(chatId), &RpcReply::succeeded);
        QVERIFY(closed.wait());
        QTRY_COMPARE(mine.count(), 0);
        QTRY_COMPARE(live.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestChatModels)
#include "tst_chatmodels.moc"
