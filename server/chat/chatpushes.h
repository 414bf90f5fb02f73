// Every push of the consultant chat, made in one place: a chat that changed reaches the staff
// (chat.queueChanged) and its client's page (chat.updated, in the client's form); a message
// reaches the other side (chat.message); a queue that moved tells each waiting client their new
// place; a consultant who took, handed over or ended a chat shows it on the board. Services call
// these after the change is committed.
#pragma once

#include "domain/chat.h"
#include "domain/chatmessage.h"

#include <QObject>
#include <QUuid>

namespace Muster {

class ChatStore;
class PushRelay;

class ChatPushes : public QObject
{
    Q_OBJECT
public:
    ChatPushes(ChatStore &store, PushRelay &relay, QObject *parent = nullptr);

    // The chat's new state to the staff and to its client; when it entered or left the queue,
    // the other waiting clients' places too.
    void changed(const Chat &chat, bool queueMoved);
    // A message to whoever is on the other end: the client's page, and the consultant (or, while
    // the client waits, every consultant who may read the intake). A consultant's own message
    // reaches their other windows too; a client's is not echoed to their page.
    void message(const ChatMessage &message, const Chat &chat);
    void typing(const Chat &chat, bool fromClient, bool typing);
    void read(const Chat &chat, bool byClient);
    // Every waiting client of the organisation hears their place in the queue.
    void positions(const QUuid &organisationId);
    // The organisation's board hears how many chats these consultants have in progress now
    // (presence.changed {userId, chats}): "In chat (2)".
    void loads(const QUuid &organisationId, const QList<QUuid> &consultantIds);
    // A consultant came on duty or went off (chat.dutyChanged), for colleagues' lists.
    void duty(const QUuid &organisationId, const QUuid &userId, bool on, const QString &chatName);

private:
    ChatStore &m_store;
    PushRelay &m_relay;
};

} // namespace Muster
