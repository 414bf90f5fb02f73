// The anonymous client's side of the chat: anteroom.open (the organisation's public settings and
// whether anyone is there), anteroom.join (a place in the queue and a token for this browser
// tab), anteroom.resume (the same chat again after a reload), anteroom.forget (delete my chat
// now). A client's connection is theirs alone: it reaches only its own chat.
#pragma once

#include "db/attemptstore.h"
#include "db/chatstore.h"
#include "services/throttlelimits.h"

#include <QObject>
#include <QUuid>

namespace Muster {

class ChatPushes;
class ClientSocket;
class Database;
class PushHub;
class RpcCall;

class AnteroomService : public QObject
{
    Q_OBJECT
public:
    AnteroomService(Database &db, PushHub &hub, ChatPushes &pushes, const QUuid &serverId,
        QObject *parent = nullptr);

    void open(const RpcCall &call);
    void join(const RpcCall &call);
    void resume(const RpcCall &call);
    void forget(const RpcCall &call);

    void setThrottleLimits(const ThrottleLimits &limits) { m_limits = limits; }

    // A public key as the anteroom's address carries it.
    static bool isPublicKey(const QString &key);

private:
    // Makes the connection the client's: their chat's pushes reach it, and its end is noted.
    void adopt(ClientSocket *socket, const Chat &chat, const QUuid &connectionId);
    void joinQueue(const RpcCall &call, const ChatStore::Anteroom &anteroom, const Chat &intake);
    QJsonObject publicState(const ChatStore::Anteroom &anteroom) const;

    ChatStore m_store;
    AttemptStore m_attempts;
    PushHub &m_hub;
    ChatPushes &m_pushes;
    QUuid m_serverId;
    ThrottleLimits m_limits;
};

} // namespace Muster
