// See smtpmailer.h.
#include "smtpmailer.h"

#include <QDateTime>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <memory>

namespace Muster {

namespace {

// One conversation with the relay: each reply moves it one step.
class SmtpSession : public QObject
{
public:
    SmtpSession(const SmtpMailer::Config &config, const SmtpMailer::Message &message,
        std::function<void(bool, const QString &)> done)
        : m_config(config)
        , m_message(message)
        , m_done(std::move(done))
    {
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] { onReadable(); });
        connect(&m_socket, &QTcpSocket::errorOccurred, this,
            [this] { finish(false, m_socket.errorString()); });
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this,
            [this] { finish(false, QStringLiteral("the mail server did not answer in time")); });
        m_timer.start(config.timeout);
        m_socket.connectToHost(config.host, config.port);
    }

private:
    enum class Step { Greeting, Ehlo, MailFrom, RcptTo, Data, Body, Quit };

    void onReadable()
    {
        m_buffer += m_socket.readAll();
        // A reply ends with a line "NNN text"; "NNN-text" lines continue it.
        while (true) {
            const qsizetype end = m_buffer.indexOf("\r\n");
            if (end < 0)
                return;
            const QByteArray line = m_buffer.left(end);
            m_buffer.remove(0, end + 2);
            if (line.size() >= 4 && line.at(3) == '-')
                continue;
            reply(line.left(3).toInt(), QString::fromUtf8(line));
            if (m_finished)
                return;
        }
    }

    void reply(int code, const QString &line)
    {
        const bool ok = (code >= 200 && code < 400);
        if (!ok && m_step != Step::Quit)
            return finish(false, line);
        switch (m_step) {
        case Step::Greeting:
            m_step = Step::Ehlo;
            return write("EHLO muster\r\n");
        case Step::Ehlo:
            m_step = Step::MailFrom;
            return write("MAIL FROM:<" + SmtpMailer::addressOf(m_config.from).toUtf8() + ">\r\n");
        case Step::MailFrom:
            m_step = Step::RcptTo;
            return write("RCPT TO:<" + SmtpMailer::addressOf(m_message.to).toUtf8() + ">\r\n");
        case Step::RcptTo:
            m_step = Step::Data;
            return write("DATA\r\n");
        case Step::Data:
            m_step = Step::Body;
            return write(SmtpMailer::render(m_config, m_message) + ".\r\n");
        case Step::Body:
            m_step = Step::Quit;
            m_sent = true;
            write("QUIT\r\n");
            return finish(true, {});
        case Step::Quit:
            return;
        }
    }

    void write(const QByteArray &bytes) { m_socket.write(bytes); }

    void finish(bool sent, const QString &error)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_timer.stop();
        if (m_done)
            m_done(sent || m_sent, error);
        m_socket.disconnectFromHost();
        deleteLater();
    }

    SmtpMailer::Config m_config;
    SmtpMailer::Message m_message;
    std::function<void(bool, const QString &)> m_done;
    QTcpSocket m_socket;
    QTimer m_timer;
    QByteArray m_buffer;
    Step m_step = Step::Greeting;
    bool m_sent = false;
    bool m_finished = false;
};

QByteArray headerText(const QString &text)
{
    // Header values may not break lines; non-ASCII goes as an RFC 2047 encoded word.
    QString flat = text;
    flat.replace(u'\r', u' ').replace(u'\n', u' ');
    const QByteArray latin = flat.toLatin1();
    const bool ascii
        = std::all_of(flat.cbegin(), flat.cend(), [](QChar c) { return c.unicode() < 128; });
    if (ascii)
        return latin;
    return "=?UTF-8?B?" + flat.toUtf8().toBase64() + "?=";
}

} // namespace

SmtpMailer::SmtpMailer(QObject *parent)
    : QObject(parent)
{ }

QString SmtpMailer::addressOf(const QString &mailbox)
{
    const qsizetype open = mailbox.lastIndexOf(u'<');
    const qsizetype close = mailbox.lastIndexOf(u'>');
    if (open >= 0 && close > open)
        return mailbox.mid(open + 1, close - open - 1).trimmed();
    return mailbox.trimmed();
}

QByteArray SmtpMailer::render(const Config &config, const Message &message)
{
    QByteArray out;
    out += "From: " + headerText(config.from) + "\r\n";
    out += "To: " + headerText(message.to) + "\r\n";
    out += "Subject: " + headerText(message.subject) + "\r\n";
    out += "Date: " + QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    out += "Message-ID: <" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()
        + "@muster>\r\n";
    out += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
           "Content-Transfer-Encoding: 8bit\r\n\r\n";
    QString body = message.body;
    body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    for (const QString &line : body.split(u'\n')) {
        // A line starting with a dot is doubled (RFC 5321 4.5.2), so none ends the data early.
        out += (line.startsWith(u'.') ? "." : "") + line.toUtf8() + "\r\n";
    }
    return out;
}

void SmtpMailer::send(const Message &message, QObject *context,
    std::function<void(bool sent, const QString &error)> done)
{
    if (!isEnabled()) {
        if (done)
            done(false, QStringLiteral("no mail server is configured"));
        return;
    }
    QPointer<QObject> guard(context);
    new SmtpSession(m_config, message, [guard, done](bool sent, const QString &error) {
        if (guard && done)
            done(sent, error);
    });
}

} // namespace Muster
