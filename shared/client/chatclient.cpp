// See chatclient.h.
#include "chatclient.h"

#include "client/connection.h"

#include <QUuid>

namespace Muster {

ChatClient::ChatClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

QString ChatClient::newClientMessageId()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

RpcReply *ChatClient::setDuty(bool on, const QString &chatName)
{
    QJsonObject params {{QStringLiteral("on"), on}};
    if (!chatName.trimmed().isEmpty())
        params.insert(QStringLiteral("chatName"), chatName.trimmed());
    return m_connection->request(QStringLiteral("chat.duty"), params);
}

RpcReply *ChatClient::consultants()
{
    return m_connection->request(QStringLiteral("chat.consultants"));
}

RpcReply *ChatClient::queue()
{
    return m_connection->request(QStringLiteral("chat.queue"));
}

RpcReply *ChatClient::list(bool all)
{
    return m_connection->request(QStringLiteral("chat.list"), {{QStringLiteral("all"), all}});
}

RpcReply *ChatClient::accept(const QString &chatId)
{
    return m_connection->request(
        QStringLiteral("chat.accept"), {{QStringLiteral("chatId"), chatId}});
}

RpcReply *ChatClient::send(const QString &chatId, const QString &text, const QString &clientMsgId)
{
    return m_connection->request(QStringLiteral("chat.send"),
        {{QStringLiteral("chatId"), chatId}, {QStringLiteral("text"), text},
            {QStringLiteral("clientMsgId"), clientMsgId}});
}

RpcReply *ChatClient::typing(const QString &chatId, bool typing)
{
    return m_connection->request(QStringLiteral("chat.typing"),
        {{QStringLiteral("chatId"), chatId}, {QStringLiteral("typing"), typing}});
}

RpcReply *ChatClient::markRead(const QString &chatId, qint64 seq)
{
    return m_connection->request(QStringLiteral("chat.read"),
        {{QStringLiteral("chatId"), chatId}, {QStringLiteral("seq"), seq}});
}

RpcReply *ChatClient::close(const QString &chatId)
{
    return m_connection->request(
        QStringLiteral("chat.close"), {{QStringLiteral("chatId"), chatId}});
}

RpcReply *ChatClient::transfer(const QString &chatId, const QString &toUserId, const QString &note)
{
    return m_connection->request(QStringLiteral("chat.transfer"),
        {{QStringLiteral("chatId"), chatId}, {QStringLiteral("toUserId"), toUserId},
            {QStringLiteral("note"), note.trimmed()}});
}

RpcReply *ChatClient::history(const QString &chatId, qint64 afterSeq)
{
    return m_connection->request(QStringLiteral("chat.history"),
        {{QStringLiteral("chatId"), chatId}, {QStringLiteral("afterSeq"), afterSeq}});
}

RpcReply *ChatClient::settings()
{
    return m_connection->request(QStringLiteral("chat.settings.get"));
}

RpcReply *ChatClient::updateSettings(const QJsonObject &changes)
{
    return m_connection->request(
        QStringLiteral("chat.settings.update"), {{QStringLiteral("settings"), changes}});
}

RpcReply *ChatClient::rotateKey()
{
    return m_connection->request(QStringLiteral("chat.settings.rotateKey"));
}

RpcReply *ChatClient::setLogo(const QString &base64Image)
{
    return m_connection->request(QStringLiteral("chat.settings.setLogo"),
        {{QStringLiteral("image"),
            base64Image.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(base64Image)}});
}

RpcReply *ChatClient::cannedReplies()
{
    return m_connection->request(QStringLiteral("chat.cannedReplies.list"));
}

RpcReply *ChatClient::setCannedReplies(const QJsonArray &replies)
{
    return m_connection->request(
        QStringLiteral("chat.cannedReplies.set"), {{QStringLiteral("replies"), replies}});
}

} // namespace Muster
