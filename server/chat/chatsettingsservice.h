// chat.settings.get, chat.settings.update, chat.settings.rotateKey and chat.settings.setLogo: a
// manager shapes the organisation's anteroom; and the canned replies consultants pick from. The
// settings are made, with a fresh public key, the first time they are asked for.
#pragma once

#include "db/chatstore.h"

#include <QObject>

namespace Muster {

class Database;
class RpcCall;

class ChatSettingsService : public QObject
{
    Q_OBJECT
public:
    explicit ChatSettingsService(Database &db, QObject *parent = nullptr);

    void get(const RpcCall &call);
    void update(const RpcCall &call);
    void rotateKey(const RpcCall &call);
    void setLogo(const RpcCall &call);
    // chat.cannedReplies.list (staff) and chat.cannedReplies.set (managers: the whole list).
    void cannedReplies(const RpcCall &call);
    void setCannedReplies(const RpcCall &call);

    // A new public key: 128 random bits, URL-safe.
    static QString newPublicKey();

private:
    ChatStore m_store;
};

} // namespace Muster
