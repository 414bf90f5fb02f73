// See connectionfeed.h.
#include "connectionfeed.h"

#include "client/connection.h"

#include <utility>

namespace Muster {

ConnectionFeed::ConnectionFeed(QObject *parent)
    : QObject(parent)
{ }

void ConnectionFeed::setConnection(Connection *connection)
{
    if (m_connection == connection)
        return;
    if (m_connection)
        m_connection->disconnect(this);
    m_connection = connection;
    forget(); // nothing asked of the previous connection counts any more
    if (!connection)
        return;
    connect(connection, &Connection::signedIn, this, [this] {
        if (m_loadOnSignIn)
            Q_EMIT loadWanted();
    });
    connect(connection, &Connection::resyncRequested, this, [this] {
        if (m_loadOnSignIn)
            Q_EMIT loadWanted();
    });
    connect(connection, &Connection::pushReceived, this,
        [this](const QString &method, const QJsonObject &params) {
            if (m_watched.isEmpty())
                deliver(method, params);
        });
    connect(connection, &Connection::watchedPushReceived, this,
        [this](const QString &organisationId, const QString &method, const QJsonObject &params) {
            if (!m_watched.isEmpty() && organisationId == m_watched)
                deliver(method, params);
        });
    if (m_loadOnSignIn && isReady())
        Q_EMIT loadWanted();
}

void ConnectionFeed::setWatchedOrganisation(const QString &organisationId)
{
    m_watched = organisationId;
}

void ConnectionFeed::load(RpcReply *reply, std::function<void(const QJsonValue &result)> apply)
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    reply->then(this,
        [this, generation, apply = std::move(apply)](
            const QJsonValue &result, const RpcError &error) {
            if (generation != m_generation)
                return; // a newer load is on its way, or the model was cleared
            if (error.isValid())
                Q_EMIT loadFailed(error.message);
            else
                apply(result);
            // Applying may have started a newer load (a board that now knows my team): the
            // pushes wait for that one too.
            if (generation == m_generation)
                release();
        });
}

void ConnectionFeed::forget()
{
    ++m_generation;
    m_loading = false;
    m_held.clear();
}

void ConnectionFeed::keep(const std::function<void()> &change)
{
    change();
    if (m_loading)
        m_held.append(change);
}

void ConnectionFeed::deliver(const QString &method, const QJsonObject &params)
{
    if (m_loading) {
        m_held.append([this, method, params] { Q_EMIT pushed(method, params); });
        return;
    }
    Q_EMIT pushed(method, params);
}

void ConnectionFeed::release()
{
    m_loading = false;
    const QList<std::function<void()>> held = std::exchange(m_held, {});
    for (qsizetype i = 0; i < held.size(); ++i) {
        held.at(i)();
        if (m_loading) { // that one began a load (another event is active): the rest wait for it
            m_held = held.mid(i + 1) + m_held;
            return;
        }
    }
}

bool ConnectionFeed::isReady() const
{
    return m_connection && m_connection->state() == Connection::State::Ready;
}

} // namespace Muster
