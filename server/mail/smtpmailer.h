// Sends plain-text e-mail through an SMTP relay (RFC 5321): EHLO, MAIL FROM, RCPT TO, DATA, QUIT
// on a socket of the event loop, one message per connection. It speaks to a relay on the
// operator's network (a local Postfix, a provider's submission port behind it); TLS to the
// world is that relay's business. Off when no host is configured.
#pragma once

#include <QObject>
#include <QString>

#include <chrono>
#include <functional>

namespace Muster {

class SmtpMailer : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QString host; // empty: no mail is sent
        quint16 port = 25;
        QString from; // "Muster <muster@example.org>"
        std::chrono::milliseconds timeout {20000};
    };

    struct Message
    {
        QString to;
        QString subject;
        QString body;
    };

    explicit SmtpMailer(QObject *parent = nullptr);

    void setConfig(const Config &config) { m_config = config; }
    bool isEnabled() const { return !m_config.host.isEmpty(); }

    // Sends one message; `done` hears whether the relay took it, or why not.
    void send(const Message &message, QObject *context,
        std::function<void(bool sent, const QString &error)> done);

    // The message as the DATA command carries it: headers, body with CRLF line ends and dots
    // stuffed, the subject encoded when it is not ASCII.
    static QByteArray render(const Config &config, const Message &message);
    // A bare address out of "Name <address>", or the text itself.
    static QString addressOf(const QString &mailbox);

private:
    Config m_config;
};

} // namespace Muster
