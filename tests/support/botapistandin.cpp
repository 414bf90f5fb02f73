// See botapistandin.h.
#include "botapistandin.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

namespace Muster::Test {

BotApiStandIn::BotApiStandIn(const QString &token, QObject *parent)
    : QObject(parent)
    , m_token(token)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                if (m_poll && m_poll->socket == socket) {
                    m_poll->timeout->deleteLater();
                    m_poll.reset();
                }
                socket->deleteLater();
            });
        }
    });
}

bool BotApiStandIn::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl BotApiStandIn::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void BotApiStandIn::say(qint64 chatId, const QString &text)
{
    m_updates.append(QJsonObject {{QStringLiteral("update_id"), m_nextUpdate++},
        {QStringLiteral("message"),
            QJsonObject {{QStringLiteral("message_id"), m_nextUpdate},
                {QStringLiteral("chat"),
                    QJsonObject {{QStringLiteral("id"), chatId},
                        {QStringLiteral("type"), QStringLiteral("private")}}},
                {QStringLiteral("text"), text}}}});
    releasePoll();
}

QString BotApiStandIn::messageTo(qint64 chatId, int index) const
{
    int seen = 0;
    for (const Sent &s : m_sent) {
        if (s.chatId == chatId && seen++ == index)
            return s.text;
    }
    return {};
}

int BotApiStandIn::countTo(qint64 chatId) const
{
    return int(std::count_if(
        m_sent.cbegin(), m_sent.cend(), [chatId](const Sent &s) { return s.chatId == chatId; }));
}

void BotApiStandIn::onReadable(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    // One request at a time per connection, as HTTP/1.1 without pipelining sends them.
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        qsizetype length = 0;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + length)
            return;
        const QByteArray path = lines.value(0).split(' ').value(1);
        const QByteArray body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        handle(socket, path, QJsonDocument::fromJson(body).object());
    }
}

void BotApiStandIn::respond(QTcpSocket *socket, int status, const QJsonObject &body)
{
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    socket->write("HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Error")
        + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + QByteArray::number(json.size()) + "\r\n\r\n" + json);
}

void BotApiStandIn::handle(QTcpSocket *socket, const QByteArray &path, const QJsonObject &params)
{
    const QByteArray prefix = "/bot" + m_token.toUtf8() + '/';
    if (!path.startsWith(prefix))
        return respond(socket, 401,
            {{QStringLiteral("ok"), false}, {QStringLiteral("error_code"), 401},
                {QStringLiteral("description"), QStringLiteral("Unauthorized")}});
    const QByteArray method = path.mid(prefix.size());
    if (method == "getMe")
        return respond(socket, 200,
            {{QStringLiteral("ok"), true},
                {QStringLiteral("result"),
                    QJsonObject {{QStringLiteral("id"), 4242}, {QStringLiteral("is_bot"), true},
                        {QStringLiteral("username"), QStringLiteral("MusterTestBot")}}}});
    if (method == "sendMessage") {
        const Sent sent {qint64(params.value(QStringLiteral("chat_id")).toDouble()),
            params.value(QStringLiteral("text")).toString()};
        m_sent.append(sent);
        respond(socket, 200,
            {{QStringLiteral("ok"), true},
                {QStringLiteral("result"), QJsonObject {{QStringLiteral("message_id"), 1}}}});
        Q_EMIT messageSent(sent.chatId, sent.text);
        return;
    }
    if (method == "getUpdates") {
        ++m_getUpdatesCalls;
        // Telegram allows one long poll at a time per bot.
        if (m_poll) {
            ++m_conflicts;
            return respond(socket, 409,
                {{QStringLiteral("ok"), false}, {QStringLiteral("error_code"), 409},
                    {QStringLiteral("description"),
                        QStringLiteral("Conflict: terminated by other getUpdates request")}});
        }
        const qint64 offset = qint64(params.value(QStringLiteral("offset")).toDouble());
        // Updates before the offset are confirmed: gone for good.
        while (!m_updates.isEmpty()
            && qint64(m_updates.first()[QStringLiteral("update_id")].toDouble()) < offset)
            m_updates.removeFirst();
        if (!m_updates.isEmpty())
            return answerUpdates(socket, offset);
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this] {
            if (!m_poll)
                return;
            respond(m_poll->socket, 200,
                {{QStringLiteral("ok"), true}, {QStringLiteral("result"), QJsonArray()}});
            m_poll->timeout->deleteLater();
            m_poll.reset();
        });
        timer->start(
            std::chrono::seconds(std::max(0, params.value(QStringLiteral("timeout")).toInt())));
        m_poll = Waiting {socket, offset, timer};
        return;
    }
    respond(socket, 404,
        {{QStringLiteral("ok"), false}, {QStringLiteral("error_code"), 404},
            {QStringLiteral("description"), QStringLiteral("Not Found")}});
}

void BotApiStandIn::answerUpdates(QTcpSocket *socket, qint64 offset)
{
    QJsonArray due;
    for (const QJsonValue &u : std::as_const(m_updates)) {
        if (qint64(u[QStringLiteral("update_id")].toDouble()) >= offset)
            due.append(u);
    }
    respond(socket, 200, {{QStringLiteral("ok"), true}, {QStringLiteral("result"), due}});
}

void BotApiStandIn::releasePoll()
{
    if (!m_poll)
        return;
    const Waiting waiting = *m_poll;
    m_poll.reset();
    waiting.timeout->deleteLater();
    answerUpdates(waiting.socket, waiting.offset);
}

} // namespace Muster::Test
