// See kioskapp.h.
#include "kioskapp.h"

#include "protocol/wiretime.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QDir>

namespace Muster {

KioskApp::KioskApp(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_client(&m_connection)
    , m_tokens(options.dataDirectory, options.useKeychain)
    , m_pairing(m_connection, m_client, m_tokens, options.server)
    , m_session(m_connection, m_outbox)
    , m_offline(m_connection, m_client, m_outbox)
    , m_idle(options.idleSeconds)
{
    // A kiosk keeps trying for as long as it runs, never long apart: people are waiting.
    m_connection.setReconnectDelays(std::chrono::milliseconds(500), options.longestRetry);
    m_connection.setRequestTimeout(std::chrono::seconds(8));
    connect(&m_connection, &Connection::stateChanged, this, &KioskApp::onlineChanged);
    connect(&m_connection, &Connection::signedIn, this, [this] {
        if (!m_connection.isKiosk())
            return;
        m_identity = m_connection.kiosk();
        rememberIdentity();
        Q_EMIT identityChanged();
    });
    connect(&m_idle, &IdleCountdown::activity, &m_session, &KioskSession::touch);
    connect(&m_session, &KioskSession::ready, this, [this] {
        if (!m_operatorPending)
            return;
        m_operatorPending = false;
        if (m_session.isLeadOrAbove()) {
            qCInfo(lcKiosk) << "operator menu opened by badge" << m_session.badge();
            Q_EMIT operatorAccepted();
        } else {
            m_session.signOut();
            Q_EMIT operatorRefused(tr("The operator menu is for leads and above."));
        }
    });
    connect(&m_session, &KioskSession::signInFailed, this, [this](const QString &message) {
        if (m_operatorPending) {
            m_operatorPending = false;
            Q_EMIT operatorRefused(message);
        }
    });
}

bool KioskApp::start()
{
    if (!QDir().mkpath(m_options.dataDirectory)) {
        m_error = tr("Cannot create the data directory %1").arg(m_options.dataDirectory);
        return false;
    }
    const QString outboxPath
        = QDir(m_options.dataDirectory).filePath(QStringLiteral("outbox.sqlite"));
    if (!m_outbox.open(outboxPath)) {
        m_error = tr("Cannot open the outbox %1: %2").arg(outboxPath, m_outbox.errorString());
        return false;
    }
    m_identity = m_outbox.recall(QStringLiteral("identity"));
    if (m_identity.value(QStringLiteral("server")).toString() != m_options.server.toString())
        m_identity = {};
    Q_EMIT identityChanged();
    loadKeptTeams();
    qCInfo(lcKiosk) << "muster-kiosk" << version() << "for" << m_options.server.toString()
                    << "; data in" << m_options.dataDirectory << ";" << m_outbox.queuedCount()
                    << "queued actions";
    m_pairing.start();
    return true;
}

void KioskApp::rememberIdentity()
{
    QJsonObject kept = m_identity;
    kept.insert(QStringLiteral("server"), m_options.server.toString());
    m_outbox.remember(QStringLiteral("identity"), kept);
}

QString KioskApp::organisationName() const
{
    return m_identity.value(QStringLiteral("organisationName")).toString();
}

QString KioskApp::kioskName() const
{
    return m_identity[QStringLiteral("kiosk")][QStringLiteral("name")].toString();
}

QString KioskApp::kioskLocation() const
{
    return m_identity[QStringLiteral("kiosk")][QStringLiteral("location")].toString();
}

QDateTime KioskApp::kioskExpiresAt() const
{
    return fromWireTime(m_identity[QStringLiteral("kiosk")][QStringLiteral("expiresAt")]);
}

QString KioskApp::version() const
{
    return QStringLiteral(MUSTER_VERSION);
}

void KioskApp::operatorSignIn(const QString &badge, const QString &pin)
{
    m_operatorPending = true;
    m_session.signIn(badge, pin, false);
}

void KioskApp::exitKiosk()
{
    qCInfo(lcKiosk) << "exit chosen in the operator menu by badge" << m_session.badge();
    m_session.signOut();
    m_exitAllowed = true;
    Q_EMIT exitAllowedChanged();
    QCoreApplication::quit();
}

void KioskApp::loadKeptTeams()
{
    if (m_session.isSignedIn())
        return;
    m_session.teams()->reset(
        m_outbox.recall(QStringLiteral("teams")).value(QStringLiteral("teams")).toArray());
}

} // namespace Muster
