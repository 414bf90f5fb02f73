// One message of a chat, in the order the server committed it (seq counts from 1 per chat).
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace Muster {

struct ChatMessage
{
    QUuid chatId;
    qint64 seq = 0;
    QString sender; // "client", "consultant" or "system"
    QString senderName; // the client's alias, the consultant's chat name; empty for system
    QString text;
    QString clientMsgId; // the sender's own id for it, which makes sending again harmless
    QDateTime createdAt;

    // The wire form of chat.send's result, chat.history and the chat.message push.
    QJsonObject toJson() const;
    static ChatMessage fromJson(const QJsonObject &object);

    friend bool operator==(const ChatMessage &, const ChatMessage &) = default;
};

} // namespace Muster
