// See chatservice.h.
#include "chatservice.h"

#include "chatpushes.h"
#include "net/rpccall.h"
#include "protocol/paramreader.h"
#include "util/logging.h"

#include <QJsonArray>

namespace Muster {

namespace {

constexpr qsizetype kMaxMessage = 4000;
constexpr qsizetype kMaxClientMsgId = 64;
constexpr qsizetype kMaxChatName = 60;

QJsonObject chatsJson(const QList<Chat> &chats)
{
    QJsonArray array;
    for (const Chat &c : chats)
        array.append(c.toJson());
    return {{QStringLiteral("chats"), array}};
}

// What a client or a consultant sees of a chat.
QJsonObject chatJsonFor(const RpcCall &call, const Chat &chat)
{
    return call.caller().isChatClient() ? chat.toClientJson() : chat.toJson();
}

} // namespace

ChatService::ChatService(Database &db, ChatPushes &pushes, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_sends(m_store)
    , m_pushes(pushes)
{
    connect(&m_sweepTimer, &QTimer::timeout, this, [this] { sweep(); });
}

void ChatService::start(const Timing &timing)
{
    m_timing = timing;
    m_sweepTimer.start(timing.sweepInterval);
}

ChatStore::Party ChatService::partyOf(const RpcCall &call)
{
    const Caller &c = call.caller();
    if (c.isChatClient())
        return {c.organisationId, c.chatId, {}, false};
    return {c.organisationId, {}, c.userId, roleAtLeast(c.role, Role::Manager)};
}

std::optional<QUuid> ChatService::chatIdOf(const RpcCall &call)
{
    ParamReader p(call.params());
    const QUuid chatId = p.requiredUuid(QStringLiteral("chatId"));
    if (!p.ok()) {
        call.fail(p.error());
        return std::nullopt;
    }
    // Another chat's id from a client is answered as if it did not exist.
    if (call.caller().isChatClient() && chatId != call.caller().chatId) {
        call.fail(RpcError::notFound(QStringLiteral("Chat")));
        return std::nullopt;
    }
    return chatId;
}

void ChatService::announce(const ChatStore::Changed &changed, bool queueMoved)
{
    if (changed.notice.seq > 0)
        m_pushes.message(changed.notice, changed.chat);
    m_pushes.changed(changed.chat, queueMoved);
    QList<QUuid> consultants;
    for (const QUuid &id : {changed.chat.consultantId, changed.formerConsultantId}) {
        if (!id.isNull())
            consultants.append(id);
    }
    m_pushes.loads(changed.chat.organisationId, consultants);
}

void ChatService::duty(const RpcCall &call)
{
    ParamReader p(call.params());
    const std::optional<bool> on = p.optionalBool(QStringLiteral("on"));
    QString chatName = p.optionalString(QStringLiteral("chatName"), kMaxChatName);
    if (p.ok() && !on)
        return call.fail(RpcError::invalidParams(QStringLiteral("on: true or false")));
    if (!p.ok())
        return call.fail(p.error());
    const Caller &caller = call.caller();
    // Clients see a chat name, never a login or an e-mail: the first name unless one is given.
    if (chatName.isEmpty())
        chatName = caller.displayName.section(u' ', 0, 0).left(kMaxChatName);
    m_store.setDuty(caller.organisationId, caller.userId, *on, chatName, this,
        [this, call, chatName](bool onDuty, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("on"), onDuty},
                {QStringLiteral("chatName"), onDuty ? QJsonValue(chatName) : QJsonValue()}});
            const Caller &caller = call.caller();
            m_pushes.duty(caller.organisationId, caller.userId, onDuty, chatName);
        });
}

void ChatService::consultants(const RpcCall &call)
{
    m_store.consultants(call.caller().organisationId, this,
        [call](const QList<ChatStore::Consultant> &list, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            QJsonArray array;
            for (const ChatStore::Consultant &c : list)
                array.append(c.toJson());
            call.reply(QJsonObject {{QStringLiteral("consultants"), array}});
        });
}

void ChatService::queue(const RpcCall &call)
{
    m_store.queue(
        call.caller().organisationId, this, [call](const QList<Chat> &chats, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(chatsJson(chats));
        });
}

void ChatService::list(const RpcCall &call)
{
    ParamReader p(call.params());
    const bool all = p.optionalBool(QStringLiteral("all")).value_or(false);
    if (!p.ok())
        return call.fail(p.error());
    const Caller &caller = call.caller();
    if (all && !roleAtLeast(caller.role, Role::Manager))
        return call.fail(RpcError::forbidden(QStringLiteral("Only managers see every chat")));
    m_store.openChats(caller.organisationId, caller.userId, all, this,
        [call](const QList<Chat> &chats, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(chatsJson(chats));
        });
}

void ChatService::accept(const RpcCall &call)
{
    const std::optional<QUuid> chatId = chatIdOf(call);
    if (!chatId)
        return;
    const Caller &caller = call.caller();
    m_store.accept(caller.organisationId, caller.userId, *chatId, this,
        [this, call](const ChatStore::Changed &changed, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("chat"), changed.chat.toJson()}});
            announce(changed, true);
        });
}

void ChatService::send(const RpcCall &call)
{
    const std::optional<QUuid> chatId = chatIdOf(call);
    if (!chatId)
        return;
    ParamReader p(call.params());
    const QString text
        = p.requiredString(QStringLiteral("text"), kMaxMessage, CanonicalText::Lines::Multiple);
    const QString clientMsgId = p.requiredSecret(QStringLiteral("clientMsgId"), kMaxClientMsgId);
    if (!p.ok())
        return call.fail(p.error());
    const ChatStore::Party party = partyOf(call);
    // Answered only after the commit: an acknowledged message survives a crash.
    m_sends.send({party, *chatId, text, clientMsgId},
        [this, call](const ChatStore::Sent &sent, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("message"), sent.message.toJson()},
                {QStringLiteral("duplicate"), sent.duplicate}});
            if (!sent.duplicate)
                m_pushes.message(sent.message, sent.chat);
        });
}

void ChatService::typing(const RpcCall &call)
{
    const std::optional<QUuid> chatId = chatIdOf(call);
    if (!chatId)
        return;
    ParamReader p(call.params());
    const std::optional<bool> typing = p.optionalBool(QStringLiteral("typing"));
    if (!p.ok())
        return call.fail(p.error());
    const ChatStore::Party party = partyOf(call);
    // Never stored: what someone is typing is theirs until they send it. Only the fact is told.
    m_store.history(party, *chatId, std::numeric_limits<qint64>::max(), this,
        [this, call, party, typing = typing.value_or(true)](
            const Chat &chat, const QList<ChatMessage> &, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            const bool mine = party.isClient() || chat.consultantId == party.userId;
            if (!mine || !chat.isOpen())
                return call.fail(RpcError::notFound(QStringLiteral("Chat")));
            call.reply(QJsonObject {{QStringLiteral("ok"), true}});
            m_pushes.typing(chat, party.isClient(), typing);
        });
}

void ChatService::read(const RpcCall &call)
{
    const std::optional<QUuid> chatId = chatIdOf(call);
    if (!chatId)
        return;
    ParamReader p(call.params());
    const qint64 seq = p.requiredInt(QStringLiteral("seq"), 0, std::numeric_limits<qint32>::max());
    if (!p.ok())
        return call.fail(p.error());
    const ChatStore::Party party = partyOf(call);
    m_store.markRead(
        party, *chatId, seq, this, [this, call, party](const Chat &chat, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("chat"), chatJsonFor(call, chat)}});
            m_pushes.read(chat, party.isClient());
        });
}

void ChatService::close(const RpcCall &call)
{
    const std::optional<QUuid> chatId = chatIdOf(call);
    if (!chatId)
        return;
    m_store.close(partyOf(call), *chatId, this,
        [this, call](const ChatStore::Changed &changed, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("chat"), chatJsonFor(call, changed.chat)}});
            if (changed.notice.seq > 0)
                announce(changed, changed.chat.status == Chat::Status::Abandoned);
        });
}

void ChatService::transfer(const RpcCall &call)
{
    const std::optional<QUuid> chatId = chatIdOf(call);
    if (!chatId)
        return;
    ParamReader p(call.params());
    const QUuid to = p.requiredUuid(QStringLiteral("toUserId"));
    const QString note
        = p.optionalString(QStringLiteral("note"), 1000, {}, CanonicalText::Lines::Multiple);
    if (!p.ok())
        return call.fail(p.error());
    const ChatStore::Party party = partyOf(call);
    m_store.transfer(party, *chatId, to, note, this,
        [this, call](const ChatStore::Changed &changed, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("chat"), changed.chat.toJson()}});
            announce(changed, false);
        });
}

void ChatService::history(const RpcCall &call)
{
    const std::optional<QUuid> chatId = chatIdOf(call);
    if (!chatId)
        return;
    ParamReader p(call.params());
    const qint64 after
        = p.optionalInt(QStringLiteral("afterSeq"), 0, std::numeric_limits<qint32>::max())
              .value_or(0);
    if (!p.ok())
        return call.fail(p.error());
    m_store.history(partyOf(call), *chatId, after, this,
        [call](const Chat &chat, const QList<ChatMessage> &messages, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            QJsonArray array;
            for (const ChatMessage &m : messages)
                array.append(m.toJson());
            call.reply(QJsonObject {{QStringLiteral("chat"), chatJsonFor(call, chat)},
                {QStringLiteral("messages"), array}});
        });
}

void ChatService::sweep(std::function<void(const ChatStore::Swept &swept)> done)
{
    m_store.sweep(m_timing.waitingGrace, m_timing.activeGrace, this,
        [this, done](const ChatStore::Swept &swept, const StoreError &e) {
            if (e) {
                qCWarning(lcRpc) << "chat sweep failed:" << e.message;
                return;
            }
            for (const Chat &chat : swept.changed) {
                m_pushes.changed(chat, false);
                // A chat that timed out frees its consultant.
                if (!chat.consultantId.isNull())
                    m_pushes.loads(chat.organisationId, {chat.consultantId});
            }
            for (const QUuid &org : swept.organisations)
                m_pushes.positions(org);
            if (swept.deleted > 0)
                qCInfo(lcRpc) << "deleted" << swept.deleted << "chats past their retention";
            if (done)
                done(swept);
        });
}

} // namespace Muster
