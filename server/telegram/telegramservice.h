// telegram.status, telegram.setupLink and telegram.unlink: what My time shows of the chat bot.
// A setup link carries a one-time key (kept hashed, valid 15 minutes, the newest one only);
// sending it to the bot links the chat (TelegramBot).
#pragma once

#include "db/telegramstore.h"

#include <QObject>

namespace Muster {

class Database;
class RpcCall;
class TelegramBot;

class TelegramService : public QObject
{
    Q_OBJECT
public:
    TelegramService(Database &db, TelegramBot &bot, QObject *parent = nullptr);

    void status(const RpcCall &call);
    void setupLink(const RpcCall &call);
    void unlink(const RpcCall &call);

private:
    TelegramStore m_store;
    TelegramBot &m_bot;
};

} // namespace Muster
