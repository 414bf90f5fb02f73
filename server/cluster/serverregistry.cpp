// See serverregistry.h.
#include "serverregistry.h"

#include "services/presenceservice.h"
#include "util/logging.h"

#include <QHostInfo>

namespace Muster {

ServerRegistry::ServerRegistry(
    Database &db, PresenceService &presence, const QUuid &serverId, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_presence(presence)
    , m_serverId(serverId)
    , m_host(QHostInfo::localHostName())
{
    connect(&m_timer, &QTimer::timeout, this, &ServerRegistry::beat);
}

void ServerRegistry::start()
{
    m_timer.start(m_timing.interval);
    beat();
}

void ServerRegistry::beat()
{
    if (m_beating)
        return; // the database is slow; one beat at a time
    m_beating = true;
    m_store.beat(m_serverId, m_host, m_timing.silence, this, [this](const ServerStore::Beat &beat) {
        if (!beat.ok) {
            m_beating = false;
            return; // the database is away; the pool says so and /healthz answers 503
        }
        Q_EMIT othersCounted(beat.others);
        const bool registered = beat.registered;
        if (registered) {
            // First beat, or this server's rows were lost while it was cut off or PostgreSQL
            // restarted: whoever is connected here is recorded (and announced) again.
            qCInfo(lcRelay) << "server" << m_serverId.toString(QUuid::WithoutBraces)
                            << "registered";
        }
        if (registered || m_presence.needsRecording())
            m_presence.recordEveryoneAgain();
        m_store.reap(m_timing.silence, this, [this](const ServerStore::People &offline) {
            m_beating = false;
            if (!offline.isEmpty())
                qCInfo(lcRelay) << offline.size()
                                << "people went offline with a server that fell silent";
            for (const auto &[org, user] : offline)
                m_presence.announceComingOrGoing(org, user);
            Q_EMIT beaten();
        });
    });
}

void ServerRegistry::stop(std::function<void()> done)
{
    m_timer.stop();
    m_store.deregister(m_serverId, this, [this, done](const ServerStore::People &offline) {
        for (const auto &[org, user] : offline)
            m_presence.announceComingOrGoing(org, user);
        done();
    });
}

} // namespace Muster
