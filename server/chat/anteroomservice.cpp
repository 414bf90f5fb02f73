// See anteroomservice.h.
#include "anteroomservice.h"

#include "chatpushes.h"
#include "net/pushhub.h"
#include "net/rpccall.h"
#include "protocol/paramreader.h"
#include "services/sessionservice.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

namespace Muster {

namespace {

constexpr qsizetype kMaxAlias = 60;
constexpr qsizetype kMaxTopic = 200;
constexpr qsizetype kMaxAnswer = 1000;
constexpr std::chrono::minutes kIntakeTime {15};

RpcError clientsOnly()
{
    return RpcError::forbidden(QStringLiteral("Only a client in the anteroom can do this"));
}

} // namespace

AnteroomService::AnteroomService(
    Database &db, PushHub &hub, ChatPushes &pushes, const QUuid &serverId, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_attempts(db)
    , m_hub(hub)
    , m_pushes(pushes)
    , m_serverId(serverId)
{ }

bool AnteroomService::isPublicKey(const QString &key)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{16,64}$"));
    return pattern.match(key).hasMatch();
}

QJsonObject AnteroomService::publicState(const ChatStore::Anteroom &anteroom) const
{
    QJsonObject state = anteroom.settings.toPublicJson();
    state.insert(
        QStringLiteral("open"), anteroom.settings.isOpenAt(QDateTime::currentDateTimeUtc()));
    state.insert(QStringLiteral("available"), anteroom.available);
    state.insert(QStringLiteral("waiting"), anteroom.waiting);
    state.insert(QStringLiteral("averageWaitMs"),
        anteroom.averageWaitMs < 0 ? QJsonValue() : QJsonValue(anteroom.averageWaitMs));
    return state;
}

void AnteroomService::open(const RpcCall &call)
{
    const QString key = call.params().value(QStringLiteral("key")).toString();
    if (!isPublicKey(key))
        return call.fail(RpcError::invalidParams(QStringLiteral("key: not an anteroom's key")));
    m_store.anteroom(
        key, this, [this, call](const ChatStore::Anteroom &anteroom, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(publicState(anteroom));
        });
}

void AnteroomService::join(const RpcCall &call)
{
    const Caller &caller = call.caller();
    if (caller.kind() == Caller::Kind::ChatClient) {
        RpcError e = RpcError::conflict(QStringLiteral("This page is in a chat already"));
        e.reason = QStringLiteral("already_in_chat");
        return call.fail(e);
    }
    if (caller.kind() != Caller::Kind::Nobody)
        return call.fail(RpcError::forbidden(QStringLiteral("Signed-in connections cannot join")));
    ParamReader p(call.params());
    const QString key = p.requiredSecret(QStringLiteral("key"), 64);
    Chat intake;
    intake.alias = p.requiredString(QStringLiteral("alias"), kMaxAlias);
    intake.topic = p.optionalString(QStringLiteral("topic"), kMaxTopic);
    const std::optional<bool> consent = p.optionalBool(QStringLiteral("consent"));
    if (!p.ok())
        return call.fail(p.error());
    if (!isPublicKey(key))
        return call.fail(RpcError::invalidParams(QStringLiteral("key: not an anteroom's key")));
    if (consent != true) {
        return call.fail(RpcError::invalidParams(
            QStringLiteral("consent: the client must agree to the consent line")));
    }
    const QJsonValue answers = call.params().value(QStringLiteral("answers"));
    if (!answers.isUndefined() && !answers.isNull() && !answers.isObject())
        return call.fail(RpcError::invalidParams(
            QStringLiteral("answers: an object of answers by question id")));
    m_store.anteroom(key, this,
        [this, call, intake, answers = answers.toObject()](
            const ChatStore::Anteroom &anteroom, const StoreError &e) mutable {
            if (e)
                return call.fail(e.toRpcError());
            if (!anteroom.settings.isOpenAt(QDateTime::currentDateTimeUtc())) {
                RpcError closed = RpcError::conflict(anteroom.settings.toPublicJson()
                                                         .value(QStringLiteral("texts"))
                                                         .toObject()
                                                         .value(QStringLiteral("outOfHours"))
                                                         .toString());
                closed.reason = QStringLiteral("out_of_hours");
                return call.fail(closed);
            }
            // Every answer to a question the organisation asks, in its order; nothing else.
            QJsonArray given;
            for (const QJsonValue &q : anteroom.settings.questions) {
                const QJsonObject question = q.toObject();
                const QString id = question.value(QStringLiteral("id")).toString();
                const QJsonValue raw = answers.value(id);
                const std::optional<QString> answer = raw.isString()
                    ? CanonicalText::text(raw.toString(), CanonicalText::Lines::Multiple)
                    : raw.isUndefined() || raw.isNull() ? std::optional(QString())
                                                        : std::nullopt;
                if (!answer || answer->size() > kMaxAnswer)
                    return call.fail(RpcError::invalidParams(
                        QStringLiteral("answers.%1: plain text of at most %2 characters")
                            .arg(id)
                            .arg(kMaxAnswer)));
                if (answer->isEmpty() && question.value(QStringLiteral("required")).toBool())
                    return call.fail(RpcError::invalidParams(
                        QStringLiteral("answers.%1: this question needs an answer").arg(id)));
                if (!answer->isEmpty())
                    given.append(QJsonObject {{QStringLiteral("questionId"), id},
                        {QStringLiteral("question"), question.value(QStringLiteral("label"))},
                        {QStringLiteral("answer"), *answer}});
            }
            intake.answers = given;
            joinQueue(call, anteroom, intake);
        });
}

void AnteroomService::joinQueue(
    const RpcCall &call, const ChatStore::Anteroom &anteroom, const Chat &intake)
{
    const QString address = call.socket() ? call.socket()->peerAddress() : QString();
    m_attempts.reserve(m_limits.anteroomJoin(anteroom.organisationId, address), this,
        [this, call, anteroom, intake](const AttemptStore::Reservation &attempt) {
            if (attempt.error)
                return call.fail(attempt.error.toRpcError());
            if (attempt.retryAfter > 0)
                return call.fail(RpcError::rateLimited(attempt.retryAfter));
            if (!call.isConnected())
                return; // gone before a place was made: nothing to take back
            const QString token = SessionService::newToken();
            const QUuid connectionId = QUuid::createUuid();
            m_store.join(anteroom.organisationId, intake, SessionService::tokenHash(token),
                {connectionId, m_serverId}, this,
                [this, call, token, connectionId](const Chat &chat, const StoreError &e) {
                    if (e)
                        return call.fail(e.toRpcError());
                    if (ClientSocket *socket = call.socket())
                        adopt(socket, chat, connectionId);
                    call.reply(QJsonObject {{QStringLiteral("token"), token},
                        {QStringLiteral("chat"), chat.toClientJson()}});
                    m_pushes.changed(chat, false);
                });
        });
}

void AnteroomService::resume(const RpcCall &call)
{
    if (call.caller().kind() != Caller::Kind::Nobody)
        return call.fail(RpcError::forbidden(QStringLiteral("This connection has an identity")));
    ParamReader p(call.params());
    const QString token = p.requiredSecret(QStringLiteral("token"), 128);
    if (!p.ok())
        return call.fail(p.error());
    const QUuid connectionId = QUuid::createUuid();
    m_store.resume(SessionService::tokenHash(token), {connectionId, m_serverId}, this,
        [this, call, connectionId](const Chat &chat, const QUuid &, const StoreError &e) {
            if (e) {
                RpcError gone = e.toRpcError();
                if (e.kind == StoreError::NotFound)
                    gone = RpcError::unauthenticated(
                        QStringLiteral("This chat has ended or the link has expired"));
                return call.fail(gone);
            }
            ClientSocket *socket = call.socket();
            if (!socket)
                return;
            adopt(socket, chat, connectionId);
            // The page shows what it had: the whole conversation comes with the chat.
            ChatStore::Party party {chat.organisationId, chat.id, {}, false};
            m_store.history(party, chat.id, 0, this,
                [this, call, wasOpen = chat.isOpen()](const Chat &current,
                    const QList<ChatMessage> &messages, const StoreError &error) {
                    if (error)
                        return call.fail(error.toRpcError());
                    QJsonArray array;
                    for (const ChatMessage &m : messages)
                        array.append(m.toJson());
                    call.reply(QJsonObject {{QStringLiteral("chat"), current.toClientJson()},
                        {QStringLiteral("messages"), array}});
                    if (wasOpen)
                        m_pushes.changed(current, current.status == Chat::Status::Waiting);
                });
        });
}

void AnteroomService::forget(const RpcCall &call)
{
    const Caller &caller = call.caller();
    if (!caller.isChatClient())
        return call.fail(clientsOnly());
    ChatStore::Party party {caller.organisationId, caller.chatId, {}, false};
    m_store.forget(party, this, [this, call](const Chat &gone, const StoreError &e) {
        if (e)
            return call.fail(e.toRpcError());
        call.reply(QJsonObject {{QStringLiteral("forgotten"), true}});
        m_pushes.changed(gone, true);
        if (ClientSocket *socket = call.socket()) {
            // Nothing of the chat is left to reach: the page starts again from the intake.
            m_hub.forget(socket);
            socket->setCaller({});
        }
    });
}

void AnteroomService::adopt(ClientSocket *socket, const Chat &chat, const QUuid &connectionId)
{
    Caller caller;
    caller.organisationId = chat.organisationId;
    caller.chatId = chat.id;
    caller.displayName = chat.alias;
    socket->setCaller(caller);
    m_hub.attachChatClient(socket, chat.id);
    connect(socket, &ClientSocket::closed, this, [this, chatId = chat.id, connectionId] {
        m_store.clientLeft(
            chatId, connectionId, this, [this](const Chat &chat, const StoreError &e) {
                // Not found: a newer connection of the same client took over, or it was forgotten.
                if (!e)
                    m_pushes.changed(chat, chat.status == Chat::Status::Waiting);
            });
    });
}

} // namespace Muster
