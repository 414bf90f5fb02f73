// The consultant chat's services, built and wired together in one place for MusterServer and
// the method table.
#pragma once

#include "anteroompage.h"
#include "anteroomservice.h"
#include "chatpushes.h"
#include "chatservice.h"
#include "chatsettingsservice.h"

namespace Muster {

struct ConsultantChat
{
    ConsultantChat(Database &db, PushHub &hub, PushRelay &relay, const QUuid &serverId)
        : store(db)
        , pushes(store, relay)
        , anteroom(db, hub, pushes, serverId)
        , chats(db, pushes)
        , settings(db)
        , page(db)
    { }

    ChatStore store; // for ChatPushes' reads of the queue
    ChatPushes pushes;
    AnteroomService anteroom;
    ChatService chats;
    ChatSettingsService settings;
    AnteroomPage page; // GET /anteroom/…, and the Origin check of WebSocket upgrades
};

} // namespace Muster
