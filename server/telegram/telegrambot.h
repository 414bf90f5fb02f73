// The convention's chat bot on Telegram. A person links their chat by sending the bot the
// one-time setup link My time shows (/start KEY); the bot then answers /hours, /code (refused for
// leads and above, as at kiosks), /rewards and /unlink, and sends their notices: a reward
// available or handed over, a shift the day boundary stopped, a correction decided.
//
// Every server with the token sends notices; one at a time polls for messages, the holder of a
// lease in the database, so a second server never competes for getUpdates (which Telegram
// refuses) and takes over when the first is gone. Without a token the bot is off; a token the Bot
// API refuses is said once in the log, and the server goes on without the bot.
#pragma once

#include "db/rewardstore.h"
#include "db/telegramstore.h"
#include "db/timeclockstore.h"
#include "domain/notification.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace Muster {

class BotApi;
class Database;
class KioskSignInService;
class PushRelay;

class TelegramBot : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QString token; // from @BotFather; empty: the bot is off
        QUrl api {QStringLiteral("https://api.telegram.org")};
        int pollSeconds = 25; // how long one getUpdates waits for a message
        QUuid serverId; // whose lease it is
    };

    TelegramBot(
        Database &db, PushRelay &relay, KioskSignInService &kioskSignIn, QObject *parent = nullptr);
    ~TelegramBot() override;

    void start(const Config &config);
    void stop();
    // The bot answered getMe: links can be made. Its @name, for the t.me link.
    bool isReady() const { return !m_username.isEmpty(); }
    QString username() const { return m_username; }
    bool isPolling() const { return m_polling; }
    // What keeps the bot off, in the log's words ("" while it works or was never asked to).
    QString problem() const { return m_problem; }

    // Tells the person's connections their chat was linked or unlinked (from the chat or My time).
    void announceLink(const QUuid &userId, bool linked) { announce(userId, linked); }
    // Sends a stored notice to its owner's chat, if they linked one and it is worth a message.
    void notify(const Notification &notification);
    // How a setup key is kept: hashed, like every secret.
    static QByteArray keyHash(const QString &key);

Q_SIGNALS:
    void readyChanged();
    // A message of a chat was answered (for tests and the log): the command, or "" for text.
    void answered(qint64 chatId, const QString &command);

private:
    void takeLease();
    void poll();
    void handle(const QJsonObject &update);
    void reply(qint64 chatId, const QString &command, const QString &text);
    void link(qint64 chatId, const QString &key);
    void hours(qint64 chatId, const TelegramStore::ChatPerson &person);
    void quickCode(qint64 chatId, const TelegramStore::ChatPerson &person);
    void rewards(qint64 chatId, const TelegramStore::ChatPerson &person);
    void unlink(qint64 chatId, const TelegramStore::ChatPerson &person);
    // telegram.changed to the person's connections: My time shows the link at once.
    void announce(const QUuid &userId, bool linked);
    static QString helpText();

    TelegramStore m_store;
    TimeclockStore m_timeclock;
    RewardStore m_rewards;
    PushRelay &m_relay;
    KioskSignInService &m_kioskSignIn;
    Config m_config;
    std::unique_ptr<BotApi> m_api;
    QString m_username;
    QTimer m_lease;
    bool m_leaseHeld = false;
    bool m_polling = false;
    qint64 m_offset = 0;
    QString m_problem;
    int m_failures = 0; // polls in a row that failed: the next waits longer
};

} // namespace Muster
