// A local stand-in of Telegram's Bot API (the real one is not reachable from here), speaking its
// wire protocol over HTTP: getMe, getUpdates as a long poll, sendMessage. A test says something
// in a chat (say()) and reads what the bot sent back (sent()); a wrong token gets Telegram's
// 401, and a second poller at once gets its 409.
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <optional>

class QTcpSocket;
class QTimer;

namespace Muster::Test {

class BotApiStandIn : public QObject
{
    Q_OBJECT
public:
    struct Sent
    {
        qint64 chatId = 0;
        QString text;
    };

    explicit BotApiStandIn(const QString &token, QObject *parent = nullptr);

    bool listen();
    QUrl url() const;
    QString token() const { return m_token; }

    // A person types `text` in chat `chatId`.
    void say(qint64 chatId, const QString &text);
    const QList<Sent> &sent() const { return m_sent; }
    // The index-th message sent to the chat (0: the first), or "".
    QString messageTo(qint64 chatId, int index) const;
    int countTo(qint64 chatId) const;
    int getUpdatesCalls() const { return m_getUpdatesCalls; }
    int conflicts() const { return m_conflicts; }

Q_SIGNALS:
    void messageSent(qint64 chatId, const QString &text);

private:
    struct Waiting
    {
        QTcpSocket *socket = nullptr;
        qint64 offset = 0;
        QTimer *timeout = nullptr;
    };

    void onReadable(QTcpSocket *socket);
    void handle(QTcpSocket *socket, const QByteArray &path, const QJsonObject &params);
    void answerUpdates(QTcpSocket *socket, qint64 offset);
    void releasePoll();
    static void respond(QTcpSocket *socket, int status, const QJsonObject &body);

    QTcpServer m_server;
    QString m_token;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QJsonArray m_updates;
    qint64 m_nextUpdate = 1;
    std::optional<Waiting> m_poll;
    QList<Sent> m_sent;
    int m_getUpdatesCalls = 0;
    int m_conflicts = 0;
};

} // namespace Muster::Test
