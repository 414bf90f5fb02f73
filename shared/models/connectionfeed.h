// What makes a model feed itself: given a connection, it asks its owner to load when the
// connection signs in (and again after a session.resync, when pushes may have been missed), and
// hands over the pushes of the owner's organisation, or of one watched organisation. An answer
// that a newer load has overtaken is dropped. Pushes that arrive while a load is on its way are
// held and handed over after the answer: the answer may have been read before their change, and
// applied first it would undo them (pushes are state, so one the answer already holds changes
// nothing). What the owner learns from the answers to its own requests is kept the same way.
#pragma once

#include "client/connection.h"
#include "client/rpcreply.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace Muster {

class ConnectionFeed : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionFeed(QObject *parent = nullptr);

    // Asks for a load at once when the connection is ready. nullptr detaches.
    void setConnection(Connection *connection);
    Connection *connection() const { return m_connection; }
    // Off: the owner decides when to load (a kiosk loads a volunteer's time when they sign in
    // there, not when the kiosk does). On by default.
    void setLoadOnSignIn(bool on) { m_loadOnSignIn = on; }
    // Pushes of this organisation (organisations.watch) instead of one's own; "" for one's own.
    void setWatchedOrganisation(const QString &organisationId);
    QString watchedOrganisation() const { return m_watched; }

    bool isReady() const;
    // A load: apply gets the answer unless a newer load (or forget()) has begun meanwhile; a
    // refusal comes as loadFailed. Answers of earlier loads are stale from now on.
    void load(RpcReply *reply, std::function<void(const QJsonValue &result)> apply);
    // Whatever is under way no longer counts (the model was cleared).
    void forget();
    // A change learnt from the answer to a request of the owner's own (a kiosk approved, a
    // correction asked for): made now and, when a load is on its way, made again after its
    // answer, which the server may have read before the change. Changes are state, so making
    // one twice is harmless.
    void keep(const std::function<void()> &change);

Q_SIGNALS:
    void loadWanted();
    void loadFailed(const QString &message);
    void pushed(const QString &method, const QJsonObject &params);

private:
    void deliver(const QString &method, const QJsonObject &params);
    void release();

    QPointer<Connection> m_connection;
    bool m_loading = false;
    QList<std::function<void()>> m_held; // pushes and kept changes that came during a load
    QString m_watched;
    bool m_loadOnSignIn = true;
    quint64 m_generation = 0;
};

} // namespace Muster
