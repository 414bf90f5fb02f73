// See chatmessage.h.
#include "chatmessage.h"

#include "protocol/wireid.h"
#include "protocol/wiretime.h"

namespace Muster {

QJsonObject ChatMessage::toJson() const
{
    return {
        {QStringLiteral("chatId"), toWireId(chatId)},
        {QStringLiteral("seq"), seq},
        {QStringLiteral("sender"), sender},
        {QStringLiteral("senderName"), senderName},
        {QStringLiteral("text"), text},
        {QStringLiteral("clientMsgId"),
            clientMsgId.isEmpty() ? QJsonValue() : QJsonValue(clientMsgId)},
        {QStringLiteral("createdAt"), toWireTime(createdAt)},
    };
}

ChatMessage ChatMessage::fromJson(const QJsonObject &o)
{
    ChatMessage m;
    m.chatId = QUuid(o.value(QStringLiteral("chatId")).toString());
    m.seq = o.value(QStringLiteral("seq")).toInteger();
    m.sender = o.value(QStringLiteral("sender")).toString();
    m.senderName = o.value(QStringLiteral("senderName")).toString();
    m.text = o.value(QStringLiteral("text")).toString();
    m.clientMsgId = o.value(QStringLiteral("clientMsgId")).toString();
    m.createdAt = fromWireTime(o.value(QStringLiteral("createdAt")));
    return m;
}

} // namespace Muster
