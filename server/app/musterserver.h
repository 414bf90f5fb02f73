// The running server: the database pool, the services, the method table and the HTTP/WebSocket
// front, wired together. Tests create one in-process; muster-server's main creates one too.
#pragma once

#include "chat/consultantchat.h"
#include "cluster/pushrelay.h"
#include "cluster/serverregistry.h"
#include "db/database.h"
#include "db/listenconnection.h"
#include "mail/smtpmailer.h"
#include "memorytrimmer.h"
#include "net/clientsocket.h"
#include "net/connectioncaps.h"
#include "net/httpfront.h"
#include "net/pushhub.h"
#include "net/rpcdispatcher.h"
#include "services/avatarservice.h"
#include "services/inviteservice.h"
#include "services/organisationservice.h"
#include "services/passwordhasher.h"
#include "services/presenceservice.h"
#include "services/profileservice.h"
#include "services/sessionservice.h"
#include "services/stateservice.h"
#include "services/teamservice.h"
#include "services/userservice.h"
#include "timeclock/timeclock.h"
#include "wire/memorybudget.h"
#include "wire/wire.h"

#include <QHostAddress>
#include <QObject>

namespace Muster {

class MusterServer : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QByteArray conninfo; // libpq connection string of a migrated database
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 8440; // 0 picks a free port
        int poolSize = 4;
        ClientSocket::Limits limits;
        // Threads that carry the connections (see wire/wire.h); 0: one per processor core.
        int socketThreads = 2;
        // How often the day boundary is checked, and a kiosk's idle sign-out.
        std::chrono::milliseconds boundaryCheckInterval {15000};
        std::chrono::milliseconds kioskIdleTimeout {60000};
        ThrottleLimits throttles;
        ConnectionCaps caps;
        // Proxies whose X-Forwarded-For names the real client (a load balancer in front).
        QList<QHostAddress> trustedProxies;
        // How often this server renews its heartbeat, and after how long without one another
        // server counts it dead (its people offline).
        ServerRegistry::Timing heartbeat;
        // The chat bot: off without a token (its serverId is this server's).
        TelegramBot::Config telegram;
        // Whether anyone may register an organisation (organisations.register).
        bool allowRegistration = false;
        // Where invitations are mailed through; no host, no mail.
        SmtpMailer::Config smtp;
        // The consultant chat's sweep: clients who never came back, chats past retention.
        ChatService::Timing chat;
    };

    explicit MusterServer(const Config &config, QObject *parent = nullptr);
    ~MusterServer() override;

    bool start();
    // Takes this server out of the shared tables (a clean stop), then calls done.
    void stop(std::function<void()> done);
    // Cuts every WebSocket connection without a closing handshake (as a network failure would).
    void abortAllConnections();
    QString errorString() const { return m_error; }
    quint16 port() const { return m_http.port(); }

    SessionService &sessions() { return m_sessions; }
    PushHub &hub() { return m_hub; }
    PushRelay &relay() { return m_relay; }
    ServerRegistry &registry() { return m_registry; }
    ListenConnection &listener() { return m_listener; }
    QUuid serverId() const { return m_serverId; }
    Timeclock &timeclock() { return m_timeclock; }
    ConsultantChat &chat() { return m_chat; }
    InviteService &invites() { return m_invites; }
    const RpcDispatcher &dispatcher() const { return m_dispatcher; }
    const MemoryBudget &memoryBudget() const { return m_budget; }
    // Every service that throttles guessable secrets takes its numbers from here.
    void setThrottleLimits(const ThrottleLimits &limits);

private:
    void onWebSocket(quint64 id, const QString &clientAddress);
    void healthz(const HttpRequest &request, const HttpResponder &responder);

    // Closes a connection the caps do not allow, saying why.
    static void refuse(ClientSocket *client, const QString &reason);

    Config m_config;
    QUuid m_serverId; // this process among the servers sharing the database
    MemoryBudget m_budget; // before the wire threads, whose connections count against it
    // Before everything that may hold connections, so its threads stop last.
    Wire m_wire;
    Database m_db;
    ListenConnection m_listener;
    PasswordHasher m_hasher;
    PushHub m_hub;
    PushRelay m_relay;
    SessionService m_sessions;
    PresenceService m_presence;
    ServerRegistry m_registry;
    StateService m_states;
    TeamService m_teams;
    ProfileService m_profile;
    UserService m_users;
    AvatarService m_avatars;
    OrganisationService m_organisations;
    SmtpMailer m_mailer;
    InviteService m_invites;
    Timeclock m_timeclock;
    ConsultantChat m_chat;
    RpcDispatcher m_dispatcher;
    HttpFront m_http;
    QHash<QString, int> m_connectionsByAddress;
    int m_notSignedIn = 0;
    MemoryTrimmer m_trimmer;
    QString m_error;
};

} // namespace Muster
