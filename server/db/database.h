// A small pool of asynchronous PostgreSQL connections: spreads jobs over the ready connections,
// holds them briefly while none is ready, and reconnects lost ones with backoff. Nothing here
// LISTENs: notifications belong to one session, ListenConnection's.
#pragma once

#include "pgconnection.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace Muster {

class Database : public QObject
{
    Q_OBJECT
public:
    using ResultHandler = std::function<void(const PgResult &result)>;
    using ResultsHandler = PgConnection::JobHandler;

    Database(const QByteArray &conninfo, int poolSize, QObject *parent = nullptr);

    void open();
    bool isReady() const; // at least one connection is usable

    // Runs one statement. The handler is skipped when context is destroyed first.
    void exec(
        const QByteArray &sql, const PgParams &params, QObject *context, ResultHandler handler);
    // Runs statements in one transaction; the handler gets one result per statement, or the
    // results up to and including the first failure.
    void transaction(QList<PgStatement> statements, QObject *context, ResultsHandler handler);

private:
    struct Waiting
    {
        QList<PgStatement> statements;
        bool transactional;
        PgConnection::JobHandler handler;
        QElapsedTimer waited;
    };

    void dispatch(
        QList<PgStatement> statements, bool transactional, PgConnection::JobHandler handler);
    void onConnectionReady();
    void onConnectionLost(PgConnection *connection);
    void expireWaiting();

    QList<PgConnection *> m_connections;
    QList<Waiting> m_waiting;
    QTimer m_waitingTimer;
    int m_retryDelayMs = 250;
};

} // namespace Muster
