// See pushrelay.h. A payload is the publishing server's id (36 characters), then a space and a
// JSON array of pushes, "#" and the id of an outbox row holding that array, or "!" and a greeting
// ("hello" from a server that starts listening, "welcome" or "known" in answer).
#include "pushrelay.h"

#include "db/listenconnection.h"
#include "db/notifystore.h"
#include "net/pushhub.h"
#include "util/logging.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Muster {

const QString PushRelay::kChannel = QStringLiteral("muster_push");
const QString PushRelay::kResyncMethod = QStringLiteral("session.resync");

namespace {
constexpr qsizetype kIdLength = 36;
// While the database is away pushes wait; past this many, they are dropped and every other
// server's clients are told to resync instead.
constexpr qsizetype kMaxWaiting = 20000;
constexpr std::chrono::seconds kOutboxLifetime {60};
const QByteArray kHello = QByteArrayLiteral("hello");
// The answers: "welcome" from a server that was not publishing before the hello (it believed it
// was alone, so what it pushed until now never reached the newcomer), "known" from one that was.
const QByteArray kWelcome = QByteArrayLiteral("welcome");
const QByteArray kKnown = QByteArrayLiteral("known");

QByteArray bodyOf(const QList<Push> &pushes)
{
    QJsonArray array;
    for (const Push &push : pushes)
        array.append(push.toJson());
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}
} // namespace

PushRelay::PushRelay(
    PushHub &hub, ListenConnection &listener, const QUuid &serverId, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_listener(listener)
    , m_prefix(serverId.toByteArray(QUuid::WithoutBraces))
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0); // after the current event: a clock-out's pushes leave together
    connect(&m_flushTimer, &QTimer::timeout, this, &PushRelay::flush);
    m_sweepTimer.setInterval(kOutboxLifetime / 2);
    connect(&m_sweepTimer, &QTimer::timeout, this, [this] {
        if (m_listener.isListening())
            m_listener.sweepOutbox(kOutboxLifetime);
    });
    m_sweepTimer.start();
    m_welcomedTimer.setSingleShot(true);
    m_welcomedTimer.setInterval(100);
    connect(&m_welcomedTimer, &QTimer::timeout, this, [this] {
        m_hub.deliver(Push {Audience::everyone(), kResyncMethod,
            {{QStringLiteral("reason"), QStringLiteral("another server has just met this one")}}});
    });
    m_listener.listen(kChannel);
    connect(&m_listener, &ListenConnection::notificationReceived, this, &PushRelay::onNotification);
    connect(&m_listener, &ListenConnection::listening, this, &PushRelay::onListening);
}

bool PushRelay::othersListening() const
{
    return m_others > 0
        || (m_heardFromOthers.isValid() && m_heardFromOthers.elapsed() < m_silence.count());
}

void PushRelay::publish(const Push &push)
{
    m_hub.deliver(push);
    if (!othersListening()) {
        ++m_counters.unshared;
        return;
    }
    if (m_outgoing.size() >= kMaxWaiting) {
        if (!m_overflowed)
            qCWarning(lcRelay) << "too many pushes waiting for the database; dropping them";
        m_counters.dropped += m_outgoing.size();
        m_outgoing.clear();
        m_overflowed = true;
    }
    m_outgoing.append(push);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void PushRelay::deliverHere(const Push &push)
{
    m_hub.deliver(push);
}

bool PushRelay::publishNow(PgSyncConnection &db, const QList<Push> &pushes, QString *error)
{
    if (pushes.isEmpty())
        return true;
    NotifyStore store(db);
    // An id of its own: every server delivers it, none takes it for its own.
    const QByteArray origin = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    if (store.publish(kChannel, origin, bodyOf(pushes)))
        return true;
    if (error)
        *error = store.errorMessage();
    return false;
}

void PushRelay::flush()
{
    if (m_sending || !m_listener.isListening())
        return;
    if (m_overflowed) {
        m_overflowed = false;
        m_outgoing.prepend(Push {Audience::everyone(), kResyncMethod,
            {{QStringLiteral("reason"), QStringLiteral("pushes were lost")}}});
    }
    if (m_outgoing.isEmpty())
        return;
    QList<Push> batch = std::exchange(m_outgoing, {});
    const QByteArray body = bodyOf(batch);
    const QByteArray payload = m_prefix + ' ' + body;
    m_sending = true;
    ++m_counters.notifies;
    m_counters.published += batch.size();
    auto done = [this, batch](bool ok) mutable { onSent(ok, std::move(batch)); };
    if (payload.size() <= ListenConnection::kMaxPayloadBytes) {
        m_listener.notify(kChannel, payload, std::move(done));
    } else {
        ++m_counters.throughOutbox;
        m_listener.notifyThroughOutbox(
            kChannel, m_prefix, payload.mid(kIdLength + 1), std::move(done));
    }
}

void PushRelay::onSent(bool ok, QList<Push> batch)
{
    m_sending = false;
    if (!ok) {
        // Sent again once the connection is back: pushes carry state, so a duplicate (the
        // NOTIFY may have committed before the connection broke) costs less than a loss.
        m_counters.published -= batch.size();
        batch.append(m_outgoing);
        m_outgoing = std::move(batch);
        return;
    }
    if (!m_outgoing.isEmpty())
        flush();
}

void PushRelay::onListening(bool afterLoss)
{
    if (afterLoss) {
        // Whatever the others published while we were not listening is gone: every client here
        // re-reads what it shows.
        qCInfo(lcRelay) << "telling this server's clients to resync after a listening gap";
        m_hub.deliver(Push {Audience::everyone(), kResyncMethod,
            {{QStringLiteral("reason"), QStringLiteral("the server lost touch with the others")}}});
        Q_EMIT resynced();
    }
    greet(kHello);
    flush();
}

void PushRelay::greet(const QByteArray &word)
{
    m_listener.notify(kChannel, m_prefix + '!' + word, [](bool) {});
}

void PushRelay::onGreeting(const QByteArray &word, bool wasPublishing)
{
    if (word == kHello) {
        greet(wasPublishing ? kKnown : kWelcome);
    } else if (word == kWelcome) {
        // That server publishes to us from now on; what it pushed before may be missing here.
        m_welcomedTimer.start();
    }
    flush();
}

void PushRelay::onNotification(const QString &channel, const QByteArray &payload)
{
    if (channel != kChannel || payload.size() <= kIdLength)
        return;
    if (payload.startsWith(m_prefix))
        return; // our own, delivered here already
    const bool wasPublishing = othersListening();
    m_heardFromOthers.start();
    Incoming incoming;
    const char kind = payload.at(kIdLength);
    if (kind == '!')
        return onGreeting(payload.mid(kIdLength + 1), wasPublishing);
    if (kind == '#') {
        bool ok = false;
        incoming.outboxId = payload.mid(kIdLength + 1).toLongLong(&ok);
        if (!ok || incoming.outboxId <= 0)
            return;
    } else if (kind == ' ') {
        incoming.body = payload.mid(kIdLength + 1);
    } else {
        return;
    }
    m_incoming.enqueue(std::move(incoming));
    drainIncoming();
}

void PushRelay::drainIncoming()
{
    // In arrival order: a batch waiting for its outbox row holds back the ones behind it.
    while (!m_incoming.isEmpty() && !m_readingOutbox) {
        Incoming &head = m_incoming.head();
        if (head.outboxId == 0) {
            deliverBody(m_incoming.dequeue().body);
            continue;
        }
        m_readingOutbox = true;
        m_listener.readOutbox(head.outboxId, [this](const std::optional<QByteArray> &body) {
            m_readingOutbox = false;
            Incoming incoming = m_incoming.dequeue();
            if (body) {
                deliverBody(*body);
            } else {
                qCWarning(lcRelay) << "outbox row" << incoming.outboxId << "could not be read";
                ++m_counters.dropped;
            }
            drainIncoming();
        });
    }
}

void PushRelay::deliverBody(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isArray()) {
        ++m_counters.dropped;
        return;
    }
    const QJsonArray pushes = document.array();
    for (const QJsonValue &value : pushes) {
        if (const std::optional<Push> push = Push::fromJson(value.toObject())) {
            ++m_counters.received;
            m_hub.deliver(*push);
        } else {
            ++m_counters.dropped;
        }
    }
}

} // namespace Muster
