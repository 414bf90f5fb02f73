// My time's Telegram box: link my chat to the convention's bot with a one-time setup link (scan
// its QR code with the phone, or open the link there, and press Start), see that it is linked,
// unlink it. Hidden when the server has no
// bot; live, so linking from the phone shows here at once (telegram.changed).
#pragma once

#include "client/telegramclient.h"

#include <QDateTime>
#include <QGroupBox>
#include <QImage>

class QLabel;
class QPushButton;

namespace Muster {

class Connection;

class TelegramBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit TelegramBox(Connection &connection, QWidget *parent = nullptr);

    bool isLinked() const { return m_linked; }
    bool isConfigured() const { return m_configured; }
    QString statusText() const;
    // The setup link on show, "" when none.
    QString setupUrl() const { return m_url; }
    // The QR code on show, at its pixel size; null when none.
    QImage setupCode() const;

    void requestLink();
    void unlink();
    void refresh();

private:
    void showStatus(const QJsonObject &status);
    void showLink();

    Connection &m_connection;
    TelegramClient m_client;
    QLabel *m_status;
    QLabel *m_link;
    QLabel *m_qr; // the setup link as a QR code, for the phone's camera
    QPushButton *m_linkButton;
    QPushButton *m_unlinkButton;
    bool m_configured = false;
    bool m_linked = false;
    QString m_url;
    QDateTime m_expires;
};

} // namespace Muster
