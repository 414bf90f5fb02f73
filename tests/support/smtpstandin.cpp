// See smtpstandin.h.
#include "smtpstandin.h"

#include <QTcpSocket>

#include <memory>

namespace Muster::Test {

SmtpStandIn::SmtpStandIn(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection())
            serve(socket);
    });
}

bool SmtpStandIn::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void SmtpStandIn::serve(QTcpSocket *socket)
{
    struct Conversation
    {
        QByteArray buffer;
        bool inData = false;
        Mail mail;
    };
    auto state = std::make_shared<Conversation>();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, state] {
        state->buffer += socket->readAll();
        while (true) {
            if (state->inData) {
                const qsizetype end = state->buffer.indexOf("\r\n.\r\n");
                if (end < 0)
                    return;
                state->mail.data = state->buffer.left(end + 2);
                state->buffer.remove(0, end + 5);
                state->inData = false;
                m_mails.append(state->mail);
                state->mail = {};
                socket->write("250 2.0.0 queued\r\n");
                Q_EMIT mailReceived();
                continue;
            }
            const qsizetype end = state->buffer.indexOf("\r\n");
            if (end < 0)
                return;
            const QByteArray line = state->buffer.left(end);
            state->buffer.remove(0, end + 2);
            const QByteArray verb = line.left(4).toUpper();
            if (verb == "EHLO" || verb == "HELO") {
                socket->write("250-standin\r\n250 8BITMIME\r\n");
            } else if (verb == "MAIL") {
                state->mail.from = QString::fromUtf8(line.mid(line.indexOf('<') + 1).chopped(1));
                socket->write("250 2.1.0 ok\r\n");
            } else if (verb == "RCPT") {
                state->mail.to.append(
                    QString::fromUtf8(line.mid(line.indexOf('<') + 1).chopped(1)));
                socket->write("250 2.1.5 ok\r\n");
            } else if (verb == "DATA") {
                state->inData = true;
                socket->write("354 go ahead\r\n");
            } else if (verb == "QUIT") {
                socket->write("221 2.0.0 bye\r\n");
                socket->disconnectFromHost();
                return;
            } else {
                socket->write("500 5.5.1 unknown command\r\n");
            }
        }
    });
    socket->write("220 standin ESMTP\r\n");
}

} // namespace Muster::Test
