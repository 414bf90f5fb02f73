// One asynchronous libpq connection driven by the Qt event loop. Jobs (one statement, or several
// inside BEGIN/COMMIT) run one after another; nothing here ever blocks the thread.
//
// Every statement is prepared on this connection the first time it runs and executed by name
// after that: PostgreSQL then neither parses nor (once it settles on a generic plan) plans it
// again. Parsing and planning were most of the database's work for the short statements Muster
// sends (a session.resume was 60 % of PostgreSQL's time in parse and plan). Statements are SQL
// constants in the stores, so the set is small; past kMaxPrepared the rest run unprepared.
#pragma once

#include "pgresult.h"
#include "pgstatement.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QQueue>

#include <functional>
#include <memory>

struct pg_conn;
class QSocketNotifier;

namespace Muster {

class PgConnection : public QObject
{
    Q_OBJECT
public:
    // Receives one result per statement; on failure the last one holds the error.
    using JobHandler = std::function<void(const QList<PgResult> &results)>;

    explicit PgConnection(const QByteArray &conninfo, QObject *parent = nullptr);
    ~PgConnection() override;

    void open();
    bool isReady() const { return m_ready; }
    int load() const { return int(m_jobs.size()) + (m_current ? 1 : 0); }

    // transactional: wrap the statements in BEGIN … COMMIT, ROLLBACK on the first failure.
    void submit(QList<PgStatement> statements, bool transactional, JobHandler handler);
    void listen(const QString &channel);

Q_SIGNALS:
    void ready();
    void lost(const QString &reason);
    void notificationReceived(const QString &channel, const QByteArray &payload);

private:
    struct Job
    {
        QList<PgStatement> statements;
        bool transactional = false;
        JobHandler handler;
        QList<PgResult> results;
        int next = 0; // index into the statement sequence, BEGIN/COMMIT included
        bool failed = false;
        bool rollingBack = false;
        bool preparing = false; // the current statement's Parse is under way
    };
    static constexpr int kMaxPrepared = 512;

    void pollConnect();
    void onReadable();
    void onWritable();
    void startNext();
    void sendCurrentStep();
    void stepFinished(PgResult result);
    void finishCurrent();
    void flush();
    void fail(const QString &reason);
    void drainNotifications();
    void resetNotifiers();

    QByteArray m_conninfo;
    pg_conn *m_conn = nullptr;
    std::unique_ptr<QSocketNotifier> m_readNotifier;
    std::unique_ptr<QSocketNotifier> m_writeNotifier;
    bool m_connecting = false;
    bool m_ready = false;
    QQueue<std::shared_ptr<Job>> m_jobs;
    std::shared_ptr<Job> m_current;
    PgResult m_stepResult;
    QStringList m_channels;
    QHash<QByteArray, QByteArray> m_prepared; // statement names by SQL, on this session
};

} // namespace Muster
