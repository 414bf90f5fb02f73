// profile.setAvatar, and GET /avatars/<sha256>: uploaded pictures go in over the WebSocket
// (validated, stored by content hash) and come out over plain HTTP with long-lived cache headers,
// to signed-in members of the same organisation only.
#pragma once

#include "db/avatarstore.h"

#include <QObject>

namespace Muster {

class Database;
class HttpResponder;
class PushRelay;
class RpcCall;
struct HttpRequest;

class AvatarService : public QObject
{
    Q_OBJECT
public:
    static constexpr QLatin1StringView kRoutePrefix {"/avatars/"};

    AvatarService(Database &db, PushRelay &relay, QObject *parent = nullptr);

    void set(const RpcCall &call);
    void serve(const HttpRequest &request, const HttpResponder &responder);

private:
    AvatarStore m_store;
    PushRelay &m_relay;
};

} // namespace Muster
