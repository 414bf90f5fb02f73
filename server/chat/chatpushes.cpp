// See chatpushes.h.
#include "chatpushes.h"

#include "cluster/pushrelay.h"
#include "db/chatstore.h"
#include "protocol/wireid.h"

namespace Muster {

namespace {
// Who on the staff side follows a chat: its consultant, or while it waits all who take chats.
Audience staffOf(const Chat &chat)
{
    if (chat.status == Chat::Status::Waiting || chat.consultantId.isNull())
        return Audience::atLeast(chat.organisationId, Role::Staff);
    return Audience::person(chat.consultantId);
}
} // namespace

ChatPushes::ChatPushes(ChatStore &store, PushRelay &relay, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_relay(relay)
{ }

void ChatPushes::changed(const Chat &chat, bool queueMoved)
{
    m_relay.publish({Audience::atLeast(chat.organisationId, Role::Staff),
        QStringLiteral("chat.queueChanged"), {{QStringLiteral("chat"), chat.toJson()}}});
    m_relay.publish({Audience::chatClient(chat.id), QStringLiteral("chat.updated"),
        {{QStringLiteral("chat"), chat.toClientJson()}}});
    if (queueMoved)
        positions(chat.organisationId);
}

void ChatPushes::message(const ChatMessage &message, const Chat &chat)
{
    const QJsonObject params {{QStringLiteral("message"), message.toJson()}};
    // The client's page has its own message from the reply (and is one tab): not echoed.
    if (message.sender != QLatin1String("client"))
        m_relay.publish({Audience::chatClient(chat.id), QStringLiteral("chat.message"), params});
    m_relay.publish({staffOf(chat), QStringLiteral("chat.message"), params});
}

void ChatPushes::typing(const Chat &chat, bool fromClient, bool typing)
{
    const QJsonObject params {{QStringLiteral("chatId"), toWireId(chat.id)},
        {QStringLiteral("sender"),
            fromClient ? QStringLiteral("client") : QStringLiteral("consultant")},
        {QStringLiteral("typing"), typing}};
    m_relay.publish({fromClient ? staffOf(chat) : Audience::chatClient(chat.id),
        QStringLiteral("chat.typing"), params});
}

void ChatPushes::read(const Chat &chat, bool byClient)
{
    const QJsonObject params {{QStringLiteral("chatId"), toWireId(chat.id)},
        {QStringLiteral("reader"),
            byClient ? QStringLiteral("client") : QStringLiteral("consultant")},
        {QStringLiteral("seq"), byClient ? chat.clientReadSeq : chat.consultantReadSeq}};
    m_relay.publish({byClient ? staffOf(chat) : Audience::chatClient(chat.id),
        QStringLiteral("chat.read"), params});
}

void ChatPushes::positions(const QUuid &organisationId)
{
    m_store.queue(organisationId, this, [this](const QList<Chat> &waiting, const StoreError &e) {
        if (e)
            return;
        for (const Chat &chat : waiting) {
            m_relay.publish({Audience::chatClient(chat.id), QStringLiteral("chat.updated"),
                {{QStringLiteral("chat"), chat.toClientJson()}}});
        }
    });
}

void ChatPushes::duty(
    const QUuid &organisationId, const QUuid &userId, bool on, const QString &chatName)
{
    m_relay.publish(
        {Audience::atLeast(organisationId, Role::Staff), QStringLiteral("chat.dutyChanged"),
            {{QStringLiteral("userId"), toWireId(userId)}, {QStringLiteral("on"), on},
                {QStringLiteral("chatName"), on ? QJsonValue(chatName) : QJsonValue()}}});
}

void ChatPushes::loads(const QUuid &organisationId, const QList<QUuid> &consultantIds)
{
    if (consultantIds.isEmpty())
        return;
    m_store.loads(organisationId, consultantIds, this,
        [this, organisationId](const QList<ChatStore::Load> &loads, const StoreError &e) {
            if (e)
                return;
            for (const ChatStore::Load &load : loads) {
                m_relay.publish(
                    {Audience::organisation(organisationId), QStringLiteral("presence.changed"),
                        {{QStringLiteral("userId"), toWireId(load.userId)},
                            {QStringLiteral("chats"), load.chats}}});
            }
        });
}

} // namespace Muster
