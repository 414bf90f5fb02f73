// The consultant chat, from the staff side: duty, the queue, taking a client, writing, reading,
// handing over, ending; and for managers the anteroom's settings. (Anonymous clients use the
// anteroom page, not this.)
#pragma once

#include "client/rpcreply.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QString>

namespace Muster {

class Connection;

class ChatClient : public QObject
{
    Q_OBJECT
public:
    explicit ChatClient(Connection *connection, QObject *parent = nullptr);

    // chatName: what clients see; empty keeps the server's choice (the first name).
    Q_INVOKABLE Muster::RpcReply *setDuty(bool on, const QString &chatName = {});
    // Everyone on duty, with their chats in progress and whether they take one now.
    Q_INVOKABLE Muster::RpcReply *consultants();
    Q_INVOKABLE Muster::RpcReply *queue();
    // My chats in progress; all (managers): every chat in progress of the organisation.
    Q_INVOKABLE Muster::RpcReply *list(bool all = false);
    Q_INVOKABLE Muster::RpcReply *accept(const QString &chatId);
    Q_INVOKABLE Muster::RpcReply *send(
        const QString &chatId, const QString &text, const QString &clientMsgId);
    Q_INVOKABLE Muster::RpcReply *typing(const QString &chatId, bool typing);
    Q_INVOKABLE Muster::RpcReply *markRead(const QString &chatId, qint64 seq);
    Q_INVOKABLE Muster::RpcReply *close(const QString &chatId);
    Q_INVOKABLE Muster::RpcReply *transfer(
        const QString &chatId, const QString &toUserId, const QString &note);
    Q_INVOKABLE Muster::RpcReply *history(const QString &chatId, qint64 afterSeq = 0);
    Q_INVOKABLE Muster::RpcReply *settings();
    Q_INVOKABLE Muster::RpcReply *updateSettings(const QJsonObject &changes);
    Q_INVOKABLE Muster::RpcReply *rotateKey();
    // The anteroom's logo: base64 of a PNG or JPEG, or empty to remove it.
    Q_INVOKABLE Muster::RpcReply *setLogo(const QString &base64Image);
    Q_INVOKABLE Muster::RpcReply *cannedReplies();
    // Replaces the organisation's canned replies: [{title, body}].
    Q_INVOKABLE Muster::RpcReply *setCannedReplies(const QJsonArray &replies);

    // A new id for a message, unique enough that sending it again is recognised as the same.
    static QString newClientMessageId();

private:
    Connection *m_connection;
};

} // namespace Muster
