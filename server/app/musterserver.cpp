// See musterserver.h.
#include "musterserver.h"

#include "db/directorystore.h"
#include "methodtable.h"
#include "util/logging.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Muster {

MusterServer::MusterServer(const Config &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_serverId(QUuid::createUuid())
    , m_budget(config.caps.memoryBudgetBytes)
    , m_wire(config.socketThreads, config.limits, m_budget)
    , m_db(config.conninfo, config.poolSize)
    , m_listener(config.conninfo,
          QStringLiteral("muster-listener ") + m_serverId.toString(QUuid::WithoutBraces))
    , m_relay(m_hub, m_listener, m_serverId)
    , m_sessions(m_db, m_hasher, m_hub)
    , m_presence(m_db, m_hub, m_relay, m_serverId)
    , m_registry(m_db, m_presence, m_serverId)
    , m_states(m_db, m_relay)
    , m_teams(m_db, m_relay)
    , m_profile(m_db, m_hasher, m_relay)
    , m_users(m_db, m_hasher, m_relay)
    , m_avatars(m_db, m_relay)
    , m_organisations(m_db, m_hub, m_relay)
    , m_invites(m_db, m_hasher, m_mailer)
    , m_timeclock(m_db, m_hasher, m_hub, m_relay, m_presence)
    , m_chat(m_db, m_hub, m_relay, m_serverId)
    , m_http(m_wire)
{
    m_registry.setTiming(config.heartbeat);
    m_relay.setSilence(config.heartbeat.silence);
    connect(&m_registry, &ServerRegistry::othersCounted, &m_relay, &PushRelay::setOthers);
    m_mailer.setConfig(config.smtp);
    m_invites.setRegistrationAllowed(config.allowRegistration);
    registerMethods(m_dispatcher,
        {m_sessions, m_presence, m_states, m_teams, m_profile, m_users, m_avatars, m_organisations,
            m_invites, m_timeclock, m_chat});
    m_timeclock.kioskSignIn.setIdleTimeout(config.kioskIdleTimeout);
    setThrottleLimits(config.throttles);
    m_sessions.setMaxConnectionsPerPerson(config.caps.perPerson);
    connect(&m_sessions, &SessionService::kioskVisitorChanged, &m_timeclock.kioskSignIn,
        &KioskSignInService::signOutChangedAccount);
    m_http.setTrustedProxies(config.trustedProxies);
    m_http.addRoute(QStringLiteral("/healthz"),
        [this](const HttpRequest &request, const HttpResponder &responder) {
            healthz(request, responder);
        });
    m_http.addPrefixRoute(AvatarService::kRoutePrefix,
        [this](const HttpRequest &request, const HttpResponder &responder) {
            m_avatars.serve(request, responder);
        });
    m_http.addPrefixRoute(AnteroomPage::kRoutePrefix,
        [this](const HttpRequest &request, const HttpResponder &responder) {
            m_chat.page.serve(request, responder);
        });
    m_http.setUpgradeGate([this](const HttpRequest &request, std::function<void(bool)> done) {
        m_chat.page.checkUpgrade(request, std::move(done));
    });
    connect(&m_http, &HttpFront::webSocketConnected, this, &MusterServer::onWebSocket);
    m_listener.listen(QString::fromLatin1(DirectoryStore::kUserChangedChannel));
    connect(&m_listener, &ListenConnection::notificationReceived, this,
        [this](const QString &channel, const QByteArray &payload) {
            if (channel == QLatin1String(DirectoryStore::kUserChangedChannel))
                m_sessions.refreshUser(QUuid::fromString(QLatin1String(payload)));
        });
}

MusterServer::~MusterServer()
{
    // Sockets go first, so their "offline" bookkeeping never runs against half-destroyed services.
    const QList<ClientSocket *> sockets = findChildren<ClientSocket *>(Qt::FindDirectChildrenOnly);
    for (ClientSocket *s : sockets) {
        s->disconnect(this);
        delete s;
    }
}

void MusterServer::setThrottleLimits(const ThrottleLimits &limits)
{
    m_sessions.setThrottleLimits(limits);
    m_profile.setThrottleLimits(limits);
    m_timeclock.kioskSignIn.setThrottleLimits(limits);
    m_timeclock.kiosks.setThrottleLimits(limits);
    m_chat.anteroom.setThrottleLimits(limits);
    m_invites.setThrottleLimits(limits);
}

bool MusterServer::start()
{
    m_db.open();
    m_listener.open();
    m_registry.start();
    m_timeclock.dayBoundary.start(m_config.boundaryCheckInterval);
    m_chat.chats.start(m_config.chat);
    TelegramBot::Config telegram = m_config.telegram;
    telegram.serverId = m_serverId;
    m_timeclock.telegram.start(telegram);
    if (!m_http.listen(m_config.address, m_config.port)) {
        m_error = QStringLiteral("cannot listen on %1:%2: %3")
                      .arg(m_config.address.toString())
                      .arg(m_config.port)
                      .arg(m_http.errorString());
        return false;
    }
    qCInfo(lcHttp).noquote() << "listening on"
                             << m_config.address.toString() + u':' + QString::number(port());
    return true;
}

void MusterServer::stop(std::function<void()> done)
{
    m_timeclock.telegram.stop();
    m_registry.stop(std::move(done));
}

void MusterServer::abortAllConnections()
{
    for (ClientSocket *s : findChildren<ClientSocket *>(Qt::FindDirectChildrenOnly))
        s->abort();
}

void MusterServer::onWebSocket(quint64 id, const QString &clientAddress)
{
    auto *client
        = new ClientSocket(m_wire, id, clientAddress, &m_dispatcher, m_config.limits, this);
    const int fromAddress = ++m_connectionsByAddress[clientAddress];
    ++m_notSignedIn;
    connect(client, &ClientSocket::identified, this, [this] { --m_notSignedIn; });
    connect(client, &ClientSocket::closed, this, [this, clientAddress](ClientSocket *c) {
        m_hub.forget(c);
        if (--m_connectionsByAddress[clientAddress] <= 0)
            m_connectionsByAddress.remove(clientAddress);
        if (!c->wasIdentified())
            --m_notSignedIn;
        c->deleteLater();
    });
    if (fromAddress > m_config.caps.perAddress)
        refuse(client, QStringLiteral("too many connections from this address"));
    else if (m_notSignedIn > m_config.caps.notSignedIn)
        refuse(client, QStringLiteral("too many connections waiting to sign in"));
}

void MusterServer::refuse(ClientSocket *client, const QString &reason)
{
    qCInfo(lcRpc).noquote() << "refusing a connection from" << client->peerAddress() << ":"
                            << reason;
    client->closeWith(CloseCode::PolicyViolated, reason);
}

void MusterServer::healthz(const HttpRequest &, const HttpResponder &responder)
{
    // From what the pool knows, never waiting on the database: a load balancer's probe must get
    // its answer at once, above all while the database is down.
    const bool up = m_db.isReady();
    const QJsonObject body {
        {QStringLiteral("status"), up ? QStringLiteral("ok") : QStringLiteral("unavailable")},
        {QStringLiteral("database"), up ? QStringLiteral("ok") : QStringLiteral("unreachable")},
    };
    responder.send(up ? 200 : 503, "application/json",
        QJsonDocument(body).toJson(QJsonDocument::Compact) + '\n');
}

} // namespace Muster
