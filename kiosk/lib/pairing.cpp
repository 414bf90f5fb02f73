// See pairing.h.
#include "pairing.h"

#include "client/connection.h"
#include "client/kioskclient.h"
#include "devicetokenstore.h"
#include "protocol/wiretime.h"
#include "util/logging.h"

#include <cstdio>

namespace Muster {

Pairing::Pairing(Connection &connection, KioskClient &client, DeviceTokenStore &store, QUrl server,
    QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_client(client)
    , m_store(store)
    , m_server(std::move(server))
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(std::chrono::seconds(5));
    connect(&m_retry, &QTimer::timeout, this, [this] {
        if (m_credential.isEmpty())
            registerDevice();
        else
            resumeWithToken();
    });
    connect(&m_store, &DeviceTokenStore::loaded, this, &Pairing::onLoaded);
    connect(&m_connection, &Connection::signedIn, this, [this] {
        if (!m_connection.isKiosk())
            return;
        m_retry.stop();
        setProblem({});
        if (m_credential.contains(QStringLiteral("pairingCode"))) {
            // Approved: the code has served its purpose.
            m_credential.remove(QStringLiteral("pairingCode"));
            m_credential.remove(QStringLiteral("expiresAt"));
            m_store.save(m_credential);
        }
        setState(State::Paired);
    });
    connect(&m_connection, &Connection::signInFailed, this, &Pairing::onSignInFailed);
    connect(&m_connection, &Connection::pushReceived, this, &Pairing::onPush);
    connect(&m_connection, &Connection::stateChanged, this, [this](Connection::State state) {
        if (state != Connection::State::Open)
            return;
        if (m_state == State::Registering && m_registering)
            registerDevice(); // the socket it needs is open now
        else if (m_state == State::WaitingForApproval)
            m_retry.start(); // the socket the approval would come on was lost: ask soon
    });
}

void Pairing::start()
{
    setState(State::Starting);
    m_store.load();
}

QDateTime Pairing::expiresAt() const
{
    return fromWireTime(m_credential.value(QStringLiteral("expiresAt")));
}

void Pairing::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged();
}

void Pairing::setProblem(const QString &problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    Q_EMIT problemChanged();
}

void Pairing::onLoaded(const QJsonObject &credential)
{
    // A token for another server is no use here.
    if (credential.value(QStringLiteral("server")).toString() != m_server.toString())
        m_credential = {};
    else
        m_credential = credential;
    if (m_credential.value(QStringLiteral("deviceToken")).toString().isEmpty()) {
        registerDevice();
        return;
    }
    // Paired before: work as a kiosk at once (offline too); a pending one shows its code.
    setState(m_credential.contains(QStringLiteral("pairingCode")) ? State::WaitingForApproval
                                                                  : State::Paired);
    resumeWithToken();
}

void Pairing::pairAgain()
{
    qCInfo(lcKiosk) << "forgetting this kiosk's identity and pairing again";
    m_store.erase();
    m_credential = {};
    registerDevice();
}

void Pairing::registerDevice()
{
    m_retry.stop();
    m_credential = {};
    setState(State::Registering);
    m_registering = true;
    if (m_connection.state() != Connection::State::Open || m_connection.url() != m_server) {
        m_connection.open(m_server); // registers once the socket is open (stateChanged)
        return;
    }
    m_client.registerDevice()->then(this, [this](const QJsonValue &result, const RpcError &error) {
        if (error.isValid()) {
            // Unreachable, or too many kiosks waiting from this address: try again shortly.
            setProblem(error.code == RpcError::Disconnected || error.code == RpcError::Timeout
                    ? tr("Cannot reach the Muster server at %1.").arg(m_server.authority())
                    : error.message);
            if (error.code != RpcError::Disconnected)
                m_retry.start();
            return;
        }
        m_registering = false;
        m_credential = QJsonObject {
            {QStringLiteral("deviceToken"), result[QStringLiteral("deviceToken")]},
            {QStringLiteral("pairingCode"), result[QStringLiteral("pairingCode")]},
            {QStringLiteral("expiresAt"), result[QStringLiteral("expiresAt")]},
            {QStringLiteral("server"), m_server.toString()},
        };
        m_store.save(m_credential);
        setProblem({});
        setState(State::WaitingForApproval);
        // For an operator at a console: the code is in the log too.
        const QByteArray line = "muster-kiosk: pairing code " + pairingCode().toUtf8()
            + " (approve it in Muster under Kiosks, or: muster-server --authorize-kiosk "
            + pairingCode().toUtf8() + " …)\n";
        std::fputs(line.constData(), stderr);
        std::fflush(stderr);
    });
}

void Pairing::resumeWithToken()
{
    m_retry.stop();
    m_connection.resumeKiosk(
        m_server, m_credential.value(QStringLiteral("deviceToken")).toString());
}

void Pairing::onSignInFailed(const RpcError &error)
{
    if (!m_connection.isKiosk() && m_credential.isEmpty())
        return;
    if (error.reason == QLatin1String("kiosk_pending")) {
        // Only the socket that registered hears kiosk.approved; after a drop, ask now and then.
        setState(State::WaitingForApproval);
        m_retry.start();
        return;
    }
    if (error.reason == QLatin1String("kiosk_revoked")) {
        qCInfo(lcKiosk) << "this kiosk was revoked or has expired: pairing again";
        m_store.erase();
        registerDevice();
        return;
    }
    setProblem(error.message);
    m_retry.start();
}

void Pairing::onPush(const QString &method, const QJsonObject &)
{
    if (method == QLatin1String("kiosk.approved") && m_state == State::WaitingForApproval) {
        resumeWithToken(); // on the same socket
    } else if (method == QLatin1String("kiosk.revoked")) {
        qCInfo(lcKiosk) << "this kiosk was revoked: pairing again";
        m_store.erase();
        m_credential = {};
        // The server closes this socket; the new pairing opens its own.
        QMetaObject::invokeMethod(this, &Pairing::registerDevice, Qt::QueuedConnection);
    }
}

} // namespace Muster
