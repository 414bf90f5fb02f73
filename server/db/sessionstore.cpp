// See sessionstore.h.
#include "sessionstore.h"

#include "database.h"
#include "domain/role.h"

namespace Muster {

namespace {

// Columns shared by every query that yields a Caller, in this order.
const QByteArray kCallerColumns = "u.id, u.organisation_id, u.login, u.display_name, o.name, "
                                  "u.role, u.is_superadmin";

Caller callerFrom(const PgResult &r, int row, int first)
{
    Caller c;
    c.userId = r.uuid(row, first);
    c.organisationId = r.uuid(row, first + 1);
    c.login = r.text(row, first + 2);
    c.displayName = r.text(row, first + 3);
    c.organisationName = r.text(row, first + 4);
    c.role = roleFromName(r.text(row, first + 5)).value_or(Role::Banned);
    c.superadmin = r.toBool(row, first + 6);
    return c;
}

// For queries selecting the session id followed by kCallerColumns.
void deliverSessionCaller(const PgResult &r, const SessionStore::Handler<Caller> &handler)
{
    if (!r.ok())
        return handler(std::nullopt, r.errorMessage());
    if (r.rows() == 0)
        return handler(std::nullopt, {});
    Caller c = callerFrom(r, 0, 1);
    c.sessionId = r.uuid(0, 0);
    handler(c, {});
}

} // namespace

void SessionStore::findAccount(const QString &login, QObject *context, Handler<Account> handler)
{
    m_db.exec("SELECT " + kCallerColumns
            + ", u.password_hash FROM users u"
              " JOIN organisations o ON o.id = u.organisation_id WHERE u.login = $1",
        PgParams() << login, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler(std::nullopt, r.errorMessage());
            if (r.rows() == 0)
                return handler(std::nullopt, {});
            handler(Account {callerFrom(r, 0, 0), r.bytes(0, 7)}, {});
        });
}

void SessionStore::createSession(const Caller &caller, const QByteArray &tokenHash,
    const QString &address, const QDateTime &expiresAt, QObject *context, Handler<QUuid> handler)
{
    PgParams session;
    session << caller.organisationId << caller.userId;
    session.addBytes(tokenHash); // bytea, sent in binary form
    session << address << expiresAt.toMSecsSinceEpoch();
    QList<PgStatement> statements;
    statements.append(
        {"INSERT INTO sessions (organisation_id, user_id, token_hash, address, expires_at)"
         " VALUES ($1, $2, $3, $4, to_timestamp($5::bigint / 1000.0)) RETURNING id",
            session});
    statements.append({"SELECT muster_audit($1, $2, 'session.login', 'user', $2, NULL, NULL)",
        PgParams() << caller.organisationId << caller.userId});
    m_db.transaction(statements, context, [handler](const QList<PgResult> &results) {
        if (results.size() != 2 || !results.last().ok())
            return handler(
                std::nullopt, results.isEmpty() ? QString() : results.last().errorMessage());
        handler(results.first().uuid(0, 0), {});
    });
}

void SessionStore::resumeSession(
    const QByteArray &tokenHash, QObject *context, Handler<Caller> handler)
{
    PgParams params;
    params.addBytes(tokenHash);
    // last_used_at is kept to within five minutes: a resume that finds it fresher writes nothing,
    // so the storm of resumes after a restart is reads, not a commit (and a WAL flush) each.
    m_db.exec("WITH s AS (SELECT id, user_id, organisation_id,"
              "   last_used_at < now() - interval '5 minutes' AS stale FROM sessions"
              "  WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()),"
              " touched AS (UPDATE sessions SET last_used_at = now() FROM s"
              "  WHERE sessions.id = s.id AND s.stale)"
              " SELECT s.id, "
            + kCallerColumns
            + " FROM s"
              " JOIN users u ON u.id = s.user_id AND u.organisation_id = s.organisation_id"
              " JOIN organisations o ON o.id = u.organisation_id",
        params, context, [handler](const PgResult &r) { deliverSessionCaller(r, handler); });
}

void SessionStore::liveSession(const QUuid &sessionId, QObject *context, Handler<Caller> handler)
{
    m_db.exec("SELECT s.id, " + kCallerColumns
            + " FROM sessions s"
              " JOIN users u ON u.id = s.user_id AND u.organisation_id = s.organisation_id"
              " JOIN organisations o ON o.id = u.organisation_id"
              " WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()",
        PgParams() << sessionId, context,
        [handler](const PgResult &r) { deliverSessionCaller(r, handler); });
}

void SessionStore::revokeSession(
    const QUuid &sessionId, QObject *context, std::function<void(bool)> handler)
{
    m_db.exec("UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL",
        PgParams() << sessionId, context, [handler](const PgResult &r) { handler(r.ok()); });
}

} // namespace Muster
