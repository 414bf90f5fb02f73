// How a kiosk becomes, and stays, an approved kiosk of an organisation. With a device token kept
// from before it signs in with it (kiosk.resume) and keeps doing so after every drop (Connection
// does that). Without one, or once the server says the token is revoked or expired, it asks for a
// new pairing (kiosk.register), shows the code, and waits: for kiosk.approved on its socket, or,
// after a drop, by asking again every few seconds.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>

namespace Muster {

class Connection;
class DeviceTokenStore;
class KioskClient;
struct RpcError;

class Pairing : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString pairingCode READ pairingCode NOTIFY stateChanged)
    Q_PROPERTY(QDateTime expiresAt READ expiresAt NOTIFY stateChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY problemChanged)
    Q_PROPERTY(bool paired READ isPaired NOTIFY stateChanged)
public:
    enum class State {
        Starting, // reading the kept credential
        Registering, // asking the server for a pairing code
        WaitingForApproval, // showing the code
        Paired, // a kiosk of its organisation (the connection may be down: then it works offline)
    };
    Q_ENUM(State)

    Pairing(Connection &connection, KioskClient &client, DeviceTokenStore &store, QUrl server,
        QObject *parent = nullptr);

    void start();
    // Forgets this kiosk's identity and asks for a new pairing (the operator's "re-pair").
    Q_INVOKABLE void pairAgain();
    // How often a kiosk that lost its socket while waiting asks whether it was approved.
    void setRetryInterval(std::chrono::milliseconds interval) { m_retry.setInterval(interval); }

    State state() const { return m_state; }
    bool isPaired() const { return m_state == State::Paired; }
    QString pairingCode() const
    {
        return m_credential.value(QStringLiteral("pairingCode")).toString();
    }
    QDateTime expiresAt() const;
    // What stands in the way, in words for the screen ("" when nothing does).
    QString problem() const { return m_problem; }
    QUrl server() const { return m_server; }

Q_SIGNALS:
    void stateChanged();
    void problemChanged();

private:
    void setState(State state);
    void setProblem(const QString &problem);
    void onLoaded(const QJsonObject &credential);
    void registerDevice();
    void resumeWithToken();
    void onSignInFailed(const RpcError &error);
    void onPush(const QString &method, const QJsonObject &params);

    Connection &m_connection;
    KioskClient &m_client;
    DeviceTokenStore &m_store;
    QUrl m_server;
    State m_state = State::Starting;
    QJsonObject m_credential;
    QString m_problem;
    bool m_registering = false;
    QTimer m_retry;
};

} // namespace Muster
