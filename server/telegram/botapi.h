// The few calls of Telegram's Bot API the bot makes (getMe, getUpdates as a long poll,
// sendMessage), over HTTPS to api.telegram.org or, in tests, a local stand-in of its endpoints.
// Every answer is {"ok": bool, "result" | "description", "error_code"}: a refusal comes back as
// the HTTP status and Telegram's description, so the bot can say in its log what is wrong.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkReply;

namespace Muster {

class BotApi : public QObject
{
    Q_OBJECT
public:
    struct Failure
    {
        int status = 0; // HTTP status, or 0 when nothing came back (network, timeout)
        QString description; // Telegram's, or the network's

        bool isValid() const { return !description.isEmpty(); }
        // The token itself was refused: polling again will not help.
        bool tokenRefused() const { return status == 401 || status == 404; }
    };
    using ResultHandler = std::function<void(const QJsonValue &result, const Failure &failure)>;

    // base: https://api.telegram.org (the token is put into each call's path).
    BotApi(const QUrl &base, const QString &token, QObject *parent = nullptr);
    // Calls under way end without answering: their handlers belong to a bot going away.
    ~BotApi() override;

    void getMe(ResultHandler handler);
    // Waits up to timeoutSeconds for updates from `offset` on.
    void getUpdates(qint64 offset, int timeoutSeconds, ResultHandler handler);
    void sendMessage(qint64 chatId, const QString &text, ResultHandler handler = {});
    // Drops the long poll under way (the lease moved to another server, or shutting down).
    void abortPolls();

private:
    QNetworkReply *call(const QString &method, const QJsonObject &params, int timeoutMs);
    void answer(QNetworkReply *reply, const ResultHandler &handler);

    QNetworkAccessManager m_network;
    QUrl m_base;
    QString m_token;
    QList<QNetworkReply *> m_polls;
};

} // namespace Muster
