// A local stand-in of an SMTP relay (RFC 5321's server side, the commands a mailer sends):
// takes every message it is given and keeps it for the test to read.
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>

namespace Muster::Test {

class SmtpStandIn : public QObject
{
    Q_OBJECT
public:
    struct Mail
    {
        QString from;
        QStringList to;
        QByteArray data; // headers and body as sent, without the final "."
    };

    explicit SmtpStandIn(QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    const QList<Mail> &mails() const { return m_mails; }

Q_SIGNALS:
    void mailReceived();

private:
    void serve(QTcpSocket *socket);

    QTcpServer m_server;
    QList<Mail> m_mails;
};

} // namespace Muster::Test
