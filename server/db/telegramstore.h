// The chat bot's side of the database: one-time setup keys (hashed), the link between a person
// and their Telegram chat, and the lease that lets one server at a time poll the Bot API with
// the offset of the updates read so far.
#pragma once

#include "domain/role.h"
#include "storeerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

namespace Muster {

class Database;

class TelegramStore
{
public:
    // Who a chat speaks for.
    struct ChatPerson
    {
        QUuid organisationId;
        QUuid userId;
        QString displayName;
        Role role = Role::Banned;
    };
    struct Lease
    {
        bool held = false; // this server polls
        qint64 offset = 0; // the next update to read
    };

    using ExpiresHandler = std::function<void(const QDateTime &expiresAt, const StoreError &)>;
    // NotFound for an unknown or expired key, Conflict (key_used) for one used already.
    using LinkHandler = std::function<void(const ChatPerson &person, const StoreError &)>;
    // nullopt: the chat is linked to nobody (or to someone banned since).
    using ChatPersonHandler
        = std::function<void(const std::optional<ChatPerson> &person, const StoreError &)>;
    // 0: the person has no chat.
    using ChatHandler = std::function<void(qint64 chatId, const QDateTime &linkedAt)>;
    using DoneHandler = std::function<void(const StoreError &)>;
    using LeaseHandler = std::function<void(const Lease &lease, const StoreError &)>;

    explicit TelegramStore(Database &db)
        : m_db(db)
    { }

    void createSetupKey(const QUuid &org, const QUuid &userId, const QByteArray &keyHash,
        int validSeconds, QObject *context, ExpiresHandler handler);
    void link(const QByteArray &keyHash, qint64 chatId, QObject *context, LinkHandler handler);
    void personOfChat(qint64 chatId, QObject *context, ChatPersonHandler handler);
    // Failures read as "no chat": a notice that cannot go out is not worth more than a log line.
    void chatOf(const QUuid &userId, QObject *context, ChatHandler handler);
    // Audited as telegram.unlink; done whether or not there was a link.
    void unlink(const QUuid &org, const QUuid &userId, QObject *context, DoneHandler handler);
    // Takes the poller's lease for `seconds` when it is free or already this server's.
    void takeLease(const QUuid &serverId, int seconds, QObject *context, LeaseHandler handler);
    void saveOffset(const QUuid &serverId, qint64 offset, QObject *context);

private:
    Database &m_db;
};

} // namespace Muster
