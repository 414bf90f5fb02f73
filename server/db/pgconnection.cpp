// See pgconnection.h. The state machine follows libpq's documented non-blocking protocol:
// PQconnectPoll while connecting, then PQsendQueryParams / PQflush / PQconsumeInput / PQgetResult.
#include "pgconnection.h"

#include "util/logging.h"

#include <QSocketNotifier>

#include <libpq-fe.h>

namespace Muster {

namespace {
const QByteArray kBegin = QByteArrayLiteral("BEGIN");
const QByteArray kCommit = QByteArrayLiteral("COMMIT");
const QByteArray kRollback = QByteArrayLiteral("ROLLBACK");
} // namespace

PgConnection::PgConnection(const QByteArray &conninfo, QObject *parent)
    : QObject(parent)
    , m_conninfo(conninfo)
{ }

PgConnection::~PgConnection()
{
    resetNotifiers();
    if (m_conn)
        PQfinish(m_conn);
}

void PgConnection::resetNotifiers()
{
    m_readNotifier.reset();
    m_writeNotifier.reset();
}

void PgConnection::open()
{
    resetNotifiers();
    if (m_conn)
        PQfinish(m_conn);
    m_ready = false;
    m_conn = PQconnectStart(m_conninfo.constData());
    if (!m_conn || PQstatus(m_conn) == CONNECTION_BAD) {
        fail(m_conn ? QString::fromUtf8(PQerrorMessage(m_conn)) : QStringLiteral("out of memory"));
        return;
    }
    m_connecting = true;
    const int fd = PQsocket(m_conn);
    m_readNotifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
    m_writeNotifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Write);
    connect(m_readNotifier.get(), &QSocketNotifier::activated, this, &PgConnection::onReadable);
    connect(m_writeNotifier.get(), &QSocketNotifier::activated, this, &PgConnection::onWritable);
    pollConnect();
}

void PgConnection::pollConnect()
{
    switch (PQconnectPoll(m_conn)) {
    case PGRES_POLLING_READING:
        m_readNotifier->setEnabled(true);
        m_writeNotifier->setEnabled(false);
        return;
    case PGRES_POLLING_WRITING:
        m_readNotifier->setEnabled(false);
        m_writeNotifier->setEnabled(true);
        return;
    case PGRES_POLLING_FAILED:
        fail(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
        return;
    case PGRES_POLLING_OK:
    default:
        break;
    }
    // libpq may switch sockets during connection (multiple hosts); re-create the notifiers.
    resetNotifiers();
    const int fd = PQsocket(m_conn);
    m_readNotifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
    m_writeNotifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Write);
    m_writeNotifier->setEnabled(false);
    connect(m_readNotifier.get(), &QSocketNotifier::activated, this, &PgConnection::onReadable);
    connect(m_writeNotifier.get(), &QSocketNotifier::activated, this, &PgConnection::onWritable);
    PQsetnonblocking(m_conn, 1);
    m_prepared.clear(); // a new session knows none
    m_connecting = false;
    m_ready = true;
    for (const QString &channel : std::as_const(m_channels)) {
        const QByteArray sql = "LISTEN " + channel.toUtf8();
        submit({PgStatement {sql, {}}}, false, [](const QList<PgResult> &) {});
    }
    Q_EMIT ready();
    startNext();
}

void PgConnection::listen(const QString &channel)
{
    // Channel names come from code, never from users; quote them all the same.
    const QString quoted
        = QLatin1Char('"') + QString(channel).remove(QLatin1Char('"')) + QLatin1Char('"');
    m_channels.append(quoted);
    if (m_ready)
        submit(
            {PgStatement {"LISTEN " + quoted.toUtf8(), {}}}, false, [](const QList<PgResult> &) {});
}

void PgConnection::submit(QList<PgStatement> statements, bool transactional, JobHandler handler)
{
    auto job = std::make_shared<Job>();
    job->statements = std::move(statements);
    job->transactional = transactional;
    job->handler = std::move(handler);
    m_jobs.enqueue(std::move(job));
    startNext();
}

void PgConnection::startNext()
{
    if (!m_ready || m_current || m_jobs.isEmpty())
        return;
    m_current = m_jobs.dequeue();
    sendCurrentStep();
}

void PgConnection::sendCurrentStep()
{
    Job &job = *m_current;
    const int total = int(job.statements.size()) + (job.transactional ? 2 : 0);
    if (job.next >= total && !job.rollingBack) {
        finishCurrent();
        return;
    }
    int ok = 0;
    if (job.rollingBack) {
        ok = PQsendQuery(m_conn, kRollback.constData());
    } else if (job.transactional && job.next == 0) {
        ok = PQsendQuery(m_conn, kBegin.constData());
    } else if (job.transactional && job.next == total - 1) {
        ok = PQsendQuery(m_conn, kCommit.constData());
    } else {
        const PgStatement &s = job.statements.at(job.next - (job.transactional ? 1 : 0));
        const auto prepared = m_prepared.constFind(s.sql);
        if (prepared != m_prepared.cend()) {
            ok = PQsendQueryPrepared(m_conn, prepared->constData(), s.params.count(),
                s.params.values(), s.params.lengths(), s.params.formats(), 0);
        } else if (m_prepared.size() < kMaxPrepared) {
            // Parse first; stepFinished sends the statement itself once it is known. A Parse
            // outlives a transaction that rolls back, so a name is kept once it succeeded.
            job.preparing = true;
            const QByteArray name = "muster_" + QByteArray::number(m_prepared.size() + 1);
            ok = PQsendPrepare(
                m_conn, name.constData(), s.sql.constData(), s.params.count(), nullptr);
        } else {
            ok = PQsendQueryParams(m_conn, s.sql.constData(), s.params.count(), nullptr,
                s.params.values(), s.params.lengths(), s.params.formats(), 0);
        }
    }
    if (!ok) {
        fail(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
        return;
    }
    flush();
}

void PgConnection::flush()
{
    const int pending = PQflush(m_conn);
    if (pending < 0)
        fail(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
    else if (m_writeNotifier)
        m_writeNotifier->setEnabled(pending == 1);
}

void PgConnection::onWritable()
{
    if (m_connecting)
        pollConnect();
    else
        flush();
}

void PgConnection::onReadable()
{
    if (m_connecting) {
        pollConnect();
        return;
    }
    if (!PQconsumeInput(m_conn)) {
        fail(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
        return;
    }
    while (m_current && !PQisBusy(m_conn)) {
        PGresult *raw = PQgetResult(m_conn);
        if (raw) {
            // Keep the last result of this step; a step ends when libpq returns null.
            m_stepResult = PgResult(raw);
            continue;
        }
        PgResult result = std::move(m_stepResult);
        m_stepResult = PgResult();
        stepFinished(std::move(result));
    }
    drainNotifications();
    if (PQstatus(m_conn) == CONNECTION_BAD)
        fail(QStringLiteral("connection to the database was lost"));
}

void PgConnection::stepFinished(PgResult result)
{
    Job &job = *m_current;
    if (job.preparing) {
        job.preparing = false;
        if (result.ok()) {
            const PgStatement &s = job.statements.at(job.next - (job.transactional ? 1 : 0));
            m_prepared.insert(s.sql, "muster_" + QByteArray::number(m_prepared.size() + 1));
            sendCurrentStep();
            return;
        }
        // A statement that does not parse fails as it would have unprepared.
    }
    const bool isUserStatement = !job.rollingBack
        && (!job.transactional || (job.next > 0 && job.next <= job.statements.size()));
    if (job.rollingBack) {
        job.rollingBack = false;
        finishCurrent();
        return;
    }
    const bool ok = result.ok();
    if (isUserStatement || !ok)
        job.results.append(result);
    if (!ok) {
        job.failed = true;
        if (job.transactional && job.next > 0) {
            job.rollingBack = true;
            sendCurrentStep();
        } else {
            finishCurrent();
        }
        return;
    }
    ++job.next;
    sendCurrentStep();
}

void PgConnection::finishCurrent()
{
    std::shared_ptr<Job> job = std::move(m_current);
    m_current.reset();
    if (job->handler)
        job->handler(job->results);
    startNext();
}

void PgConnection::drainNotifications()
{
    while (PGnotify *n = PQnotifies(m_conn)) {
        const QString channel = QString::fromUtf8(n->relname);
        const QByteArray payload(n->extra);
        PQfreemem(n);
        Q_EMIT notificationReceived(channel, payload);
    }
}

void PgConnection::fail(const QString &reason)
{
    qCWarning(lcDb) << "database connection failed:" << reason;
    const bool wasUsable = m_ready || m_connecting;
    m_ready = false;
    m_connecting = false;
    resetNotifiers();
    // Every job still queued learns of the failure; none is silently dropped.
    QQueue<std::shared_ptr<Job>> jobs;
    if (m_current)
        jobs.enqueue(std::move(m_current));
    m_current.reset();
    jobs.append(m_jobs);
    m_jobs.clear();
    for (const auto &job : std::as_const(jobs)) {
        job->results.append(PgResult::failure(reason, QByteArrayLiteral("08006")));
        if (job->handler)
            job->handler(job->results);
    }
    if (wasUsable)
        qCDebug(lcDb) << "connection had been usable; the pool will reconnect";
    Q_EMIT lost(reason);
}

} // namespace Muster
