// Everything a kiosk is, behind one object the QML screens bind to (as the context property
// "kiosk"): its connection and pairing, the volunteer signed in, the offline queue, the idle
// countdown, and what it shows about itself (organisation, name, location, online or not).
#pragma once

#include "client/connection.h"
#include "client/kioskclient.h"
#include "devicetokenstore.h"
#include "idlecountdown.h"
#include "kiosksession.h"
#include "offlineclock.h"
#include "outbox.h"
#include "pairing.h"

#include <QObject>
#include <QUrl>

namespace Muster {

class KioskApp : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Muster::Pairing *pairing READ pairing CONSTANT)
    Q_PROPERTY(Muster::KioskSession *session READ session CONSTANT)
    Q_PROPERTY(Muster::OfflineClock *offline READ offline CONSTANT)
    Q_PROPERTY(Muster::Outbox *outbox READ outbox CONSTANT)
    Q_PROPERTY(Muster::IdleCountdown *idle READ idle CONSTANT)
    Q_PROPERTY(bool online READ isOnline NOTIFY onlineChanged)
    Q_PROPERTY(QString organisationName READ organisationName NOTIFY identityChanged)
    Q_PROPERTY(QString kioskName READ kioskName NOTIFY identityChanged)
    Q_PROPERTY(QString kioskLocation READ kioskLocation NOTIFY identityChanged)
    Q_PROPERTY(QDateTime kioskExpiresAt READ kioskExpiresAt NOTIFY identityChanged)
    Q_PROPERTY(QString server READ server CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QString storageLocation READ storageLocation CONSTANT)
    Q_PROPERTY(bool exitAllowed READ exitAllowed NOTIFY exitAllowedChanged)
public:
    struct Options
    {
        QUrl server; // ws://host:port/ws
        QString dataDirectory; // the outbox and, without a keychain, the device token
        bool useKeychain = true;
        int idleSeconds = 60;
        // The longest wait between two attempts to reach the server.
        std::chrono::milliseconds longestRetry {15000};
    };

    explicit KioskApp(const Options &options, QObject *parent = nullptr);

    // Reads the kept identity and connects; false when the data directory is unusable.
    bool start();
    QString errorString() const { return m_error; }

    Pairing *pairing() { return &m_pairing; }
    KioskSession *session() { return &m_session; }
    OfflineClock *offline() { return &m_offline; }
    Outbox *outbox() { return &m_outbox; }
    IdleCountdown *idle() { return &m_idle; }
    Connection &connection() { return m_connection; }

    bool isOnline() const { return m_connection.isReady() && m_connection.isKiosk(); }
    QString organisationName() const;
    QString kioskName() const;
    QString kioskLocation() const;
    QDateTime kioskExpiresAt() const;
    QString server() const { return m_options.server.authority(); }
    QString version() const;
    QString storageLocation() const { return m_tokens.location(); }

    // The operator menu: Lead or above, signed in with their PIN (not a quick code).
    Q_INVOKABLE void operatorSignIn(const QString &badge, const QString &pin);
    // Closing is refused (the window ignores close) unless the operator exits.
    Q_INVOKABLE void exitKiosk();
    bool exitAllowed() const { return m_exitAllowed; }
    // Teams kept from the last time someone signed in, for clocking in offline.
    Q_INVOKABLE void loadKeptTeams();

Q_SIGNALS:
    void onlineChanged();
    void identityChanged();
    void exitAllowedChanged();
    void operatorAccepted();
    void operatorRefused(const QString &message);

private:
    void rememberIdentity();

    Options m_options;
    QString m_error;
    Connection m_connection;
    KioskClient m_client;
    DeviceTokenStore m_tokens;
    Outbox m_outbox;
    Pairing m_pairing;
    KioskSession m_session;
    OfflineClock m_offline;
    IdleCountdown m_idle;
    QJsonObject m_identity; // kiosk.resume's answer, kept for starting offline
    bool m_operatorPending = false;
    bool m_exitAllowed = false;
};

} // namespace Muster
