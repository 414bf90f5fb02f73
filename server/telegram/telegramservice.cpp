// See telegramservice.h.
#include "telegramservice.h"

#include "net/rpccall.h"
#include "protocol/wiretime.h"
#include "telegrambot.h"

#include <QJsonObject>

#include <sodium.h>

namespace Muster {

namespace {

constexpr int kSetupKeySeconds = 15 * 60;

RpcError notConfigured()
{
    RpcError e = RpcError::conflict(
        QStringLiteral("This server has no Telegram bot: ask its administrator to set one up"));
    e.reason = QStringLiteral("not_configured");
    return e;
}

// 24 random bytes, URL-safe: what Telegram allows in a /start parameter (64 of A-Z a-z 0-9 _ -).
QString newSetupKey()
{
    unsigned char bytes[24];
    randombytes_buf(bytes, sizeof bytes);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

TelegramService::TelegramService(Database &db, TelegramBot &bot, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_bot(bot)
{ }

void TelegramService::status(const RpcCall &call)
{
    const bool configured = m_bot.isReady();
    const QString bot = m_bot.username();
    m_store.chatOf(call.caller().userId, this,
        [call, configured, bot](qint64 chatId, const QDateTime &linkedAt) {
            QJsonObject result {{QStringLiteral("configured"), configured},
                {QStringLiteral("linked"), chatId != 0},
                {QStringLiteral("linkedAt"), toWireTime(linkedAt)}};
            if (configured)
                result.insert(QStringLiteral("bot"), bot);
            call.reply(result);
        });
}

void TelegramService::setupLink(const RpcCall &call)
{
    if (!m_bot.isReady())
        return call.fail(notConfigured());
    const QString key = newSetupKey();
    const Caller caller = call.caller();
    m_store.createSetupKey(caller.organisationId, caller.userId, TelegramBot::keyHash(key),
        kSetupKeySeconds, this,
        [call, key, bot = m_bot.username()](const QDateTime &expiresAt, const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(QJsonObject {
                {QStringLiteral("url"), QStringLiteral("https://t.me/%1?start=%2").arg(bot, key)},
                {QStringLiteral("bot"), bot}, {QStringLiteral("key"), key},
                {QStringLiteral("expiresAt"), toWireTime(expiresAt)}});
        });
}

void TelegramService::unlink(const RpcCall &call)
{
    const Caller caller = call.caller();
    m_store.unlink(caller.organisationId, caller.userId, this,
        [this, call, userId = caller.userId](const StoreError &e) {
            if (e)
                return call.fail(e.toRpcError());
            call.reply(QJsonObject {{QStringLiteral("linked"), false}});
            m_bot.announceLink(userId, false); // the person's other windows
        });
}

} // namespace Muster
