// See telegramstore.h.
#include "telegramstore.h"

#include "database.h"
#include "rowjson.h"

#include <QJsonDocument>

namespace Muster {

void TelegramStore::createSetupKey(const QUuid &org, const QUuid &userId, const QByteArray &keyHash,
    int validSeconds, QObject *context, ExpiresHandler handler)
{
    PgParams params;
    params << org << userId;
    params.addBytes(keyHash);
    params << qint64(validSeconds);
    // Older unused keys of the person go: only the newest link works.
    m_db.transaction({{"DELETE FROM telegram_setup_keys WHERE organisation_id = $1"
                       " AND user_id = $2 AND used_at IS NULL",
                          PgParams() << org << userId},
                         {"INSERT INTO telegram_setup_keys (organisation_id, user_id, key_hash,"
                          " expires_at) VALUES ($1, $2, $3, now() + $4 * interval '1 second')"
                          " RETURNING floor(extract(epoch FROM expires_at) * 1000)::bigint",
                             params}},
        context, [handler](const QList<PgResult> &results) {
            const PgResult &r = results.last();
            if (!r.ok())
                return handler({}, StoreError::of(r));
            handler(r.timestamp(0, 0), {});
        });
}

void TelegramStore::link(
    const QByteArray &keyHash, qint64 chatId, QObject *context, LinkHandler handler)
{
    PgParams params;
    params.addBytes(keyHash);
    params << chatId;
    m_db.exec("SELECT muster_telegram_link($1, $2)", params, context, [handler](const PgResult &r) {
        if (!r.ok())
            return handler({}, StoreError::of(r));
        const QJsonObject answer = QJsonDocument::fromJson(r.bytes(0, 0)).object();
        const RowJson row(answer);
        handler({row.uuid(u"organisation_id"), row.uuid(u"user_id"), row.text(u"display_name"),
                    Role::Banned},
            {});
    });
}

void TelegramStore::personOfChat(qint64 chatId, QObject *context, ChatPersonHandler handler)
{
    m_db.exec("SELECT l.organisation_id, l.user_id, u.display_name, u.role FROM telegram_links l"
              " JOIN users u ON u.organisation_id = l.organisation_id AND u.id = l.user_id"
              " WHERE l.chat_id = $1 AND u.role <> 'banned'",
        PgParams() << chatId, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler(std::nullopt, StoreError::of(r));
            if (r.rows() == 0)
                return handler(std::nullopt, {});
            handler(ChatPerson {r.uuid(0, 0), r.uuid(0, 1), r.text(0, 2),
                        roleFromName(r.text(0, 3)).value_or(Role::Banned)},
                {});
        });
}

void TelegramStore::chatOf(const QUuid &userId, QObject *context, ChatHandler handler)
{
    m_db.exec("SELECT chat_id, floor(extract(epoch FROM linked_at) * 1000)::bigint"
              " FROM telegram_links WHERE user_id = $1",
        PgParams() << userId, context, [handler](const PgResult &r) {
            if (!r.ok() || r.rows() == 0)
                return handler(0, {});
            handler(r.toInt(0, 0), r.timestamp(0, 1));
        });
}

void TelegramStore::unlink(
    const QUuid &org, const QUuid &userId, QObject *context, DoneHandler handler)
{
    m_db.exec("WITH gone AS (DELETE FROM telegram_links WHERE organisation_id = $1"
              " AND user_id = $2 RETURNING user_id)"
              " SELECT count(*) FROM gone CROSS JOIN LATERAL muster_audit($1, $2,"
              "  'telegram.unlink', 'user', $2, NULL, NULL)",
        PgParams() << org << userId, context,
        [handler](const PgResult &r) { handler(r.ok() ? StoreError() : StoreError::of(r)); });
}

void TelegramStore::takeLease(
    const QUuid &serverId, int seconds, QObject *context, LeaseHandler handler)
{
    m_db.exec("UPDATE telegram_poller SET server_id = $1,"
              " lease_until = now() + $2 * interval '1 second'"
              " WHERE server_id = $1 OR server_id IS NULL OR lease_until < now()"
              " RETURNING update_offset",
        PgParams() << serverId << qint64(seconds), context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            handler(r.rows() > 0 ? Lease {true, r.toInt(0, 0)} : Lease {}, {});
        });
}

void TelegramStore::saveOffset(const QUuid &serverId, qint64 offset, QObject *context)
{
    m_db.exec("UPDATE telegram_poller SET update_offset = greatest(update_offset, $2)"
              " WHERE server_id = $1",
        PgParams() << serverId << offset, context, [](const PgResult &) {});
}

} // namespace Muster
