// See telegrambot.h.
#include "telegrambot.h"

#include "botapi.h"
#include "cluster/pushrelay.h"
#include "timeclock/kiosksigninservice.h"
#include "util/durationtext.h"
#include "util/logging.h"

#include <QCryptographicHash>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace Muster {

namespace {

constexpr int kLeaseSeconds = 30;
constexpr auto kLeaseRenewal = std::chrono::seconds(10);

QString notLinkedText()
{
    return QStringLiteral("This chat is not linked to anyone yet. In Muster, open My time and "
                          "choose \"Link Telegram\", then open the link it shows.");
}

} // namespace

TelegramBot::TelegramBot(
    Database &db, PushRelay &relay, KioskSignInService &kioskSignIn, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_timeclock(db)
    , m_rewards(db)
    , m_relay(relay)
    , m_kioskSignIn(kioskSignIn)
{
    m_lease.setInterval(kLeaseRenewal);
    connect(&m_lease, &QTimer::timeout, this, &TelegramBot::takeLease);
}

TelegramBot::~TelegramBot()
{
    m_lease.stop();
    m_api.reset(); // its calls end unanswered, while everything they would touch is still here
}

QByteArray TelegramBot::keyHash(const QString &key)
{
    return QCryptographicHash::hash(key.trimmed().toUtf8(), QCryptographicHash::Sha256);
}

void TelegramBot::start(const Config &config)
{
    m_config = config;
    if (config.token.isEmpty()) {
        qCInfo(lcTelegram) << "no bot token (--telegram-token or MUSTER_TELEGRAM_TOKEN): the "
                              "Telegram bot is off";
        return;
    }
    m_api = std::make_unique<BotApi>(config.api, config.token);
    m_api->getMe([this](const QJsonValue &me, const BotApi::Failure &failure) {
        if (failure.isValid()) {
            m_problem = failure.tokenRefused()
                ? QStringLiteral("the Bot API refused the bot token (HTTP %1)").arg(failure.status)
                : QStringLiteral("cannot reach the Bot API: %1").arg(failure.description);
            if (failure.tokenRefused())
                qCWarning(lcTelegram).noquote()
                    << "the Bot API refused the bot token (HTTP" << failure.status << "-"
                    << failure.description
                    << "): check --telegram-token; the Telegram bot is off until the server "
                       "restarts with a good one";
            else
                qCWarning(lcTelegram).noquote()
                    << "cannot reach the Bot API at" << m_config.api.toString() << "-"
                    << failure.description << "; trying again in a minute";
            if (!failure.tokenRefused())
                QTimer::singleShot(std::chrono::minutes(1), this, [this] { start(m_config); });
            return;
        }
        m_problem.clear();
        m_username = me[QStringLiteral("username")].toString();
        qCInfo(lcTelegram).noquote() << QStringLiteral("the Telegram bot is @%1").arg(m_username);
        Q_EMIT readyChanged();
        takeLease();
        m_lease.start();
    });
}

void TelegramBot::stop()
{
    m_lease.stop();
    m_leaseHeld = false;
    if (m_api)
        m_api->abortPolls();
}

void TelegramBot::takeLease()
{
    m_store.takeLease(m_config.serverId, kLeaseSeconds, this,
        [this](const TelegramStore::Lease &lease, const StoreError &e) {
            if (e)
                return; // the database is away: the lease lapses, and is taken again later
            if (lease.held && !m_leaseHeld)
                qCInfo(lcTelegram) << "this server answers the bot's messages now";
            m_leaseHeld = lease.held;
            if (m_leaseHeld && !m_polling) {
                m_offset = std::max(m_offset, lease.offset);
                poll();
            }
        });
}

void TelegramBot::poll()
{
    if (!m_leaseHeld || !m_api)
        return;
    m_polling = true;
    m_api->getUpdates(m_offset, m_config.pollSeconds,
        [this](const QJsonValue &result, const BotApi::Failure &failure) {
            m_polling = false;
            if (failure.isValid()) {
                if (!m_leaseHeld)
                    return; // stopped (the poll was aborted), or another server reads now
                if (failure.tokenRefused()) {
                    qCWarning(lcTelegram).noquote()
                        << "the Bot API refused the bot token while polling (HTTP" << failure.status
                        << "-" << failure.description << "): the Telegram bot is off";
                    return stop();
                }
                // Another poller (a 409), the network: wait, longer each time, up to a minute.
                const int delay = std::min(60, 1 << std::min(m_failures++, 6));
                if (m_failures == 1 || m_failures % 10 == 0)
                    qCWarning(lcTelegram).noquote()
                        << "polling the Bot API failed:" << failure.description << "; again in"
                        << delay << "s";
                QTimer::singleShot(std::chrono::seconds(delay), this, &TelegramBot::poll);
                return;
            }
            m_failures = 0;
            for (const QJsonValue &update : result.toArray()) {
                m_offset = std::max(
                    m_offset, qint64(update[QStringLiteral("update_id")].toDouble()) + 1);
                handle(update.toObject());
            }
            m_store.saveOffset(m_config.serverId, m_offset, this);
            poll();
        });
}

void TelegramBot::handle(const QJsonObject &update)
{
    const QJsonObject message = update.value(QStringLiteral("message")).toObject();
    const qint64 chatId = qint64(message[QStringLiteral("chat")][QStringLiteral("id")].toDouble());
    if (chatId == 0)
        return;
    // "/hours@MusterBot extra" → "/hours", "extra".
    const QString text = message.value(QStringLiteral("text")).toString().trimmed();
    QString command = text.section(u' ', 0, 0).section(u'@', 0, 0).toLower();
    const QString argument = text.section(u' ', 1).trimmed();
    if (!command.startsWith(u'/'))
        command.clear();
    if (command == QLatin1String("/start") && !argument.isEmpty())
        return link(chatId, argument);
    if (command.isEmpty() || command == QLatin1String("/start")
        || command == QLatin1String("/help"))
        return reply(chatId, command, helpText());
    m_store.personOfChat(chatId, this,
        [this, chatId, command](
            const std::optional<TelegramStore::ChatPerson> &person, const StoreError &e) {
            if (e)
                return reply(chatId, command,
                    QStringLiteral("Muster cannot answer right now. Try again in a moment."));
            if (!person)
                return reply(chatId, command, notLinkedText());
            if (command == QLatin1String("/hours"))
                return hours(chatId, *person);
            if (command == QLatin1String("/code"))
                return quickCode(chatId, *person);
            if (command == QLatin1String("/rewards"))
                return rewards(chatId, *person);
            if (command == QLatin1String("/unlink"))
                return unlink(chatId, *person);
            reply(chatId, command, helpText());
        });
}

void TelegramBot::reply(qint64 chatId, const QString &command, const QString &text)
{
    m_api->sendMessage(
        chatId, text, [this, chatId, command](const QJsonValue &, const BotApi::Failure &failure) {
            if (failure.isValid())
                qCWarning(lcTelegram).noquote()
                    << "could not answer a chat:" << failure.description;
            Q_EMIT answered(chatId, command);
        });
}

QString TelegramBot::helpText()
{
    return QStringLiteral(
        "I am Muster's time clock.\n"
        "/hours - your time in this event\n"
        "/code - a quick code to sign in at a kiosk\n"
        "/rewards - your rewards and how far the next one is\n"
        "/unlink - stop this chat speaking for you\n"
        "To link this chat, open My time in Muster and choose \"Link Telegram\".");
}

void TelegramBot::link(qint64 chatId, const QString &key)
{
    m_store.link(keyHash(key), chatId, this,
        [this, chatId](const TelegramStore::ChatPerson &person, const StoreError &e) {
            const QString command = QStringLiteral("/start");
            if (e.kind == StoreError::Conflict)
                return reply(chatId, command,
                    QStringLiteral("This setup link was used already. Make a new one in My "
                                   "time in Muster."));
            if (e.kind == StoreError::NotFound)
                return reply(chatId, command,
                    QStringLiteral("This setup link is unknown or has expired. Make a new one "
                                   "in My time in Muster."));
            if (e)
                return reply(chatId, command,
                    QStringLiteral("Muster cannot answer right now. Try the link again in a "
                                   "moment."));
            qCInfo(lcTelegram) << "a chat was linked to" << person.userId;
            announce(person.userId, true);
            reply(chatId, command,
                QStringLiteral("Hello %1, this chat is linked to you in Muster. I will tell you "
                               "about your rewards and forgotten clock-outs.\n")
                        .arg(person.displayName)
                    + helpText().section(u'\n', 1, 4));
        });
}

void TelegramBot::hours(qint64 chatId, const TelegramStore::ChatPerson &person)
{
    m_timeclock.totals(person.organisationId, {}, person.userId, this,
        [this, chatId](const TimeTotals &t, const StoreError &e) {
            const QString command = QStringLiteral("/hours");
            if (e)
                return reply(chatId, command, QStringLiteral("No event is running."));
            QString text = QStringLiteral("This event: %1 worked, %2 earned with bonuses, %3 "
                                          "finished shifts.")
                               .arg(durationText(t.workedSeconds), durationText(t.earnedSeconds))
                               .arg(t.entries);
            if (t.ongoing)
                text += QStringLiteral("\nOn shift now at %1, for %2.")
                            .arg(t.ongoing->teamName, durationText(t.ongoing->workedSeconds));
            reply(chatId, command, text);
        });
}

void TelegramBot::quickCode(qint64 chatId, const TelegramStore::ChatPerson &person)
{
    m_kioskSignIn.issueQuickCode(person.organisationId, person.userId, person.role, this,
        [this, chatId](const QString &code, const QDateTime &, const RpcError &error) {
            const QString command = QStringLiteral("/code");
            if (error.reason == QLatin1String("forbidden"))
                return reply(chatId, command,
                    QStringLiteral("Leads and above sign in at kiosks with their PIN, not a "
                                   "quick code."));
            if (error.reason == QLatin1String("no_badge"))
                return reply(chatId, command,
                    QStringLiteral("You have no badge number yet: ask a manager to add it."));
            if (error.isValid())
                return reply(chatId, command,
                    QStringLiteral("Muster cannot make a code right now. Try again in a "
                                   "moment."));
            reply(chatId, command,
                QStringLiteral("Your quick code: %1\nType it at a kiosk within 30 seconds, "
                               "after your badge number.")
                    .arg(code));
        });
}

void TelegramBot::rewards(qint64 chatId, const TelegramStore::ChatPerson &person)
{
    const QUuid org = person.organisationId;
    const QUuid userId = person.userId;
    m_timeclock.totals(org, {}, userId, this,
        [this, chatId, org, userId](const TimeTotals &t, const StoreError &e) {
            if (e)
                return reply(
                    chatId, QStringLiteral("/rewards"), QStringLiteral("No event is running."));
            const double earnedHours = double(t.earnedSeconds) / 3600.0;
            m_rewards.list(org, {}, userId, this,
                [this, chatId, earnedHours](const QList<Reward> &list, const StoreError &e) {
                    const QString command = QStringLiteral("/rewards");
                    if (e)
                        return reply(chatId, command, QStringLiteral("No event is running."));
                    if (list.isEmpty())
                        return reply(chatId, command, QStringLiteral("This event has no rewards."));
                    QStringList lines;
                    for (const Reward &r : list) {
                        const Reward::Standing s = r.standing.value_or(Reward::Standing {});
                        QString where;
                        if (s.claimed)
                            where = QStringLiteral("handed over");
                        else if (s.eligible)
                            where = QStringLiteral("yours: collect it");
                        else
                            where = QStringLiteral("%1 h to go")
                                        .arg(std::max(0.1, r.thresholdHours - earnedHours), 0, 'f',
                                            1);
                        lines.append(QStringLiteral("%1 (%2 h): %3")
                                         .arg(r.name)
                                         .arg(r.thresholdHours, 0, 'g', 4)
                                         .arg(where));
                    }
                    reply(chatId, command, lines.join(u'\n'));
                });
        });
}

void TelegramBot::unlink(qint64 chatId, const TelegramStore::ChatPerson &person)
{
    m_store.unlink(person.organisationId, person.userId, this,
        [this, chatId, userId = person.userId](const StoreError &e) {
            const QString command = QStringLiteral("/unlink");
            if (e)
                return reply(chatId, command,
                    QStringLiteral("Muster cannot answer right now. Try again in a moment."));
            announce(userId, false);
            reply(chatId, command,
                QStringLiteral("Unlinked: this chat no longer speaks for you, and I will not "
                               "write again. Link it again from My time in Muster."));
        });
}

void TelegramBot::announce(const QUuid &userId, bool linked)
{
    m_relay.publish({Audience::person(userId), QStringLiteral("telegram.changed"),
        {{QStringLiteral("linked"), linked}}});
}

void TelegramBot::notify(const Notification &notification)
{
    static const QStringList worthAMessage {QStringLiteral("reward"),
        QStringLiteral("reward_claimed"), QStringLiteral("auto_stop"),
        QStringLiteral("correction")};
    if (!m_api || !isReady() || !worthAMessage.contains(notification.kind))
        return;
    QString text = notification.title;
    if (!notification.body.isEmpty())
        text += u'\n' + notification.body;
    if (notification.kind == QLatin1String("auto_stop"))
        text += QStringLiteral("\nSay when you really stopped in My time in Muster, or at a "
                               "kiosk.");
    m_store.chatOf(notification.userId, this,
        [this, text, kind = notification.kind](qint64 chatId, const QDateTime &) {
            if (chatId != 0)
                reply(chatId, kind, text);
        });
}

} // namespace Muster
