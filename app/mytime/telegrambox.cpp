// See telegrambox.h.
#include "telegrambox.h"

#include "client/connection.h"
#include "common/errortext.h"
#include "protocol/wiretime.h"
#include "qrcodeimage.h"
#include "util/clocktext.h"

#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace Muster {

TelegramBox::TelegramBox(Connection &connection, QWidget *parent)
    : QGroupBox(tr("Telegram"), parent)
    , m_connection(connection)
    , m_client(&connection)
    , m_status(new QLabel(this))
    , m_link(new QLabel(this))
    , m_qr(new QLabel(this))
    , m_linkButton(new QPushButton(tr("&Link Telegram…"), this))
    , m_unlinkButton(new QPushButton(tr("Unlink"), this))
{
    setObjectName(QStringLiteral("telegram"));
    m_status->setObjectName(QStringLiteral("telegramStatus"));
    m_status->setWordWrap(true);
    m_link->setObjectName(QStringLiteral("telegramLink"));
    m_link->setWordWrap(true);
    m_link->setTextFormat(Qt::RichText);
    m_link->setOpenExternalLinks(true);
    m_link->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_link->hide();
    m_qr->setObjectName(QStringLiteral("telegramCode"));
    m_qr->hide();
    m_linkButton->setObjectName(QStringLiteral("linkTelegram"));
    m_unlinkButton->setObjectName(QStringLiteral("unlinkTelegram"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_linkButton);
    buttons->addWidget(m_unlinkButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    auto *linkRow = new QHBoxLayout;
    linkRow->addWidget(m_qr, 0, Qt::AlignTop);
    linkRow->addWidget(m_link, 1, Qt::AlignTop);
    layout->addLayout(linkRow);

    connect(m_linkButton, &QPushButton::clicked, this, &TelegramBox::requestLink);
    connect(m_unlinkButton, &QPushButton::clicked, this, &TelegramBox::unlink);
    connect(&m_connection, &Connection::signedIn, this, &TelegramBox::refresh);
    connect(&m_connection, &Connection::resyncRequested, this, &TelegramBox::refresh);
    connect(&m_connection, &Connection::pushReceived, this,
        [this](const QString &method, const QJsonObject &) {
            if (method == QLatin1String("telegram.changed"))
                refresh();
        });
    setVisible(false); // until the server says it has a bot
    if (m_connection.isReady())
        refresh();
}

QImage TelegramBox::setupCode() const
{
    return m_qr->pixmap().toImage();
}

QString TelegramBox::statusText() const
{
    return m_status->text();
}

void TelegramBox::refresh()
{
    m_client.status()->then(this, [this](const QJsonValue &result, const RpcError &error) {
        if (!error.isValid())
            showStatus(result.toObject());
    });
}

void TelegramBox::showStatus(const QJsonObject &status)
{
    m_configured = status.value(QStringLiteral("configured")).toBool();
    m_linked = status.value(QStringLiteral("linked")).toBool();
    setVisible(m_configured || m_linked);
    const QString bot = status.value(QStringLiteral("bot")).toString();
    if (m_linked) {
        m_url.clear();
        m_status->setText(
            tr("Linked since %1: @%2 sends your notices and answers /hours, /code and /rewards.")
                .arg(dateTimeText(
                         fromWireTime(status.value(QStringLiteral("linkedAt"))).toLocalTime()),
                    bot));
    } else {
        m_status->setText(tr("Get your notices on your phone, and your hours and a kiosk code "
                             "from @%1.")
                              .arg(bot));
    }
    m_linkButton->setVisible(!m_linked && m_configured);
    m_unlinkButton->setVisible(m_linked);
    showLink();
}

void TelegramBox::showLink()
{
    const bool showing = !m_linked && !m_url.isEmpty();
    m_link->setVisible(showing);
    m_qr->setVisible(showing);
    if (!showing) {
        m_qr->clear();
        return;
    }
    m_link->setText(tr("Scan the code with your phone's camera, or open <a href=\"%1\">%1</a> "
                       "on your phone, and press Start in Telegram. It works once, until %2.")
                        .arg(m_url.toHtmlEscaped(), clockText(m_expires.toLocalTime())));
    // Whole device pixels a module, so a scanner sees sharp edges on any screen.
    const qreal ratio = devicePixelRatioF();
    QImage code = qrCodeImage(m_url, qMax(3, qRound(4 * ratio)));
    code.setDevicePixelRatio(ratio);
    m_qr->setPixmap(QPixmap::fromImage(code));
}

void TelegramBox::requestLink()
{
    m_linkButton->setEnabled(false);
    m_client.setupLink()->then(this, [this](const QJsonValue &result, const RpcError &error) {
        m_linkButton->setEnabled(true);
        if (error.isValid()) {
            m_url.clear();
            m_link->setVisible(true);
            m_link->setText(u"⚠ "
                + (error.reason == QLatin1String("not_configured")
                        ? tr("This server has no Telegram bot any more.")
                        : errorText(error))
                      .toHtmlEscaped());
            return;
        }
        m_url = result[QStringLiteral("url")].toString();
        m_expires = fromWireTime(result[QStringLiteral("expiresAt")]);
        m_linkButton->setText(tr("New &link"));
        showLink();
    });
}

void TelegramBox::unlink()
{
    m_client.unlink()->then(this, [this](const QJsonValue &, const RpcError &error) {
        if (!error.isValid())
            refresh();
    });
}

} // namespace Muster
