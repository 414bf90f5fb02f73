// See botapi.h.
#include "botapi.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Muster {

BotApi::BotApi(const QUrl &base, const QString &token, QObject *parent)
    : QObject(parent)
    , m_base(base)
    , m_token(token)
{ }

BotApi::~BotApi()
{
    // Before the members go: an aborted reply says "finished", and nobody may hear it now.
    const QList<QNetworkReply *> replies = m_network.findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
}

QNetworkReply *BotApi::call(const QString &method, const QJsonObject &params, int timeoutMs)
{
    QUrl url = m_base;
    // The token stays out of every log line: only this path carries it.
    url.setPath(m_base.path() + QStringLiteral("/bot") + m_token + u'/' + method);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(timeoutMs);
    return m_network.post(request, QJsonDocument(params).toJson(QJsonDocument::Compact));
}

void BotApi::answer(QNetworkReply *reply, const ResultHandler &handler)
{
    connect(reply, &QNetworkReply::finished, this, [this, reply, handler] {
        reply->deleteLater();
        m_polls.removeAll(reply);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        if (body.value(QStringLiteral("ok")).toBool()) {
            if (handler)
                handler(body.value(QStringLiteral("result")), {});
            return;
        }
        Failure failure {status, body.value(QStringLiteral("description")).toString()};
        if (failure.description.isEmpty())
            failure.description = reply->error() != QNetworkReply::NoError
                ? reply->errorString()
                : QStringLiteral("an answer that is not the Bot API's");
        if (handler)
            handler({}, failure);
    });
}

void BotApi::getMe(ResultHandler handler)
{
    answer(call(QStringLiteral("getMe"), {}, 15000), handler);
}

void BotApi::getUpdates(qint64 offset, int timeoutSeconds, ResultHandler handler)
{
    QNetworkReply *reply = call(QStringLiteral("getUpdates"),
        {{QStringLiteral("offset"), offset}, {QStringLiteral("timeout"), timeoutSeconds},
            {QStringLiteral("allowed_updates"), QJsonArray {QStringLiteral("message")}}},
        (timeoutSeconds + 15) * 1000);
    m_polls.append(reply);
    answer(reply, handler);
}

void BotApi::sendMessage(qint64 chatId, const QString &text, ResultHandler handler)
{
    answer(call(QStringLiteral("sendMessage"),
               {{QStringLiteral("chat_id"), chatId}, {QStringLiteral("text"), text}}, 15000),
        handler);
}

void BotApi::abortPolls()
{
    const QList<QNetworkReply *> polls = m_polls;
    for (QNetworkReply *reply : polls)
        reply->abort();
}

} // namespace Muster
