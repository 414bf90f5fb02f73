// See invitestore.h.
#include "invitestore.h"

#include "database.h"
#include "protocol/wireid.h"
#include "protocol/wiretime.h"

#include <QJsonDocument>

namespace Muster {

namespace {

const QByteArray kColumns
    = "i.id, i.role, i.email, i.display_name, COALESCE(c.display_name, ''),"
      " floor(extract(epoch FROM i.expires_at) * 1000)::bigint,"
      " floor(extract(epoch FROM i.used_at) * 1000)::bigint, COALESCE(u.login, ''),"
      " floor(extract(epoch FROM i.revoked_at) * 1000)::bigint,"
      " floor(extract(epoch FROM i.mailed_at) * 1000)::bigint,"
      " floor(extract(epoch FROM i.created_at) * 1000)::bigint";
const QByteArray kJoins = " LEFT JOIN users c ON c.id = i.created_by"
                          " LEFT JOIN users u ON u.id = i.used_by";

InviteStore::Invite inviteAt(const PgResult &r, int row)
{
    InviteStore::Invite i;
    i.id = r.uuid(row, 0);
    i.role = roleFromName(r.text(row, 1)).value_or(Role::Banned);
    i.email = r.text(row, 2);
    i.displayName = r.text(row, 3);
    i.createdByName = r.text(row, 4);
    i.expiresAt = r.timestamp(row, 5);
    i.usedAt = r.timestamp(row, 6);
    i.usedByLogin = r.text(row, 7);
    i.revokedAt = r.timestamp(row, 8);
    i.mailedAt = r.timestamp(row, 9);
    i.createdAt = r.timestamp(row, 10);
    return i;
}

InviteStore::Joined joinedFrom(const PgResult &r)
{
    const QJsonObject o = QJsonDocument::fromJson(r.bytes(0, 0)).object();
    return {QUuid(o.value(QStringLiteral("organisationId")).toString()),
        QUuid(o.value(QStringLiteral("userId")).toString()),
        roleFromName(o.value(QStringLiteral("role")).toString()).value_or(Role::Admin)};
}

} // namespace

QString InviteStore::Invite::status() const
{
    if (usedAt.isValid())
        return QStringLiteral("used");
    if (revokedAt.isValid())
        return QStringLiteral("revoked");
    if (expiresAt <= QDateTime::currentDateTimeUtc())
        return QStringLiteral("expired");
    return QStringLiteral("open");
}

QJsonObject InviteStore::Invite::toJson() const
{
    return {
        {QStringLiteral("id"), toWireId(id)},
        {QStringLiteral("role"), roleName(role)},
        {QStringLiteral("email"), email},
        {QStringLiteral("displayName"), displayName},
        {QStringLiteral("createdByName"), createdByName},
        {QStringLiteral("status"), status()},
        {QStringLiteral("expiresAt"), toWireTime(expiresAt)},
        {QStringLiteral("usedAt"), toWireTime(usedAt)},
        {QStringLiteral("usedByLogin"), usedByLogin},
        {QStringLiteral("mailedAt"), toWireTime(mailedAt)},
        {QStringLiteral("createdAt"), toWireTime(createdAt)},
    };
}

void InviteStore::create(const QUuid &org, const QUuid &actor, Role role, const QString &email,
    const QString &displayName, const QByteArray &codeHash, const QDateTime &expiresAt,
    QObject *context, Handler<Invite> handler)
{
    PgParams params;
    params << org << actor << roleName(role) << email << displayName;
    params.addBytes(codeHash);
    params << expiresAt;
    m_db.exec("WITH i AS (INSERT INTO invites (organisation_id, created_by, role, email,"
              "  display_name, code_hash, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"
              "  RETURNING *)"
              " SELECT "
            + kColumns + " FROM i" + kJoins
            + " CROSS JOIN LATERAL muster_audit($1, $2::uuid, 'invite.create', 'invite', i.id,"
              "  NULL, jsonb_build_object('role', i.role, 'email', i.email))",
        params, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            handler(inviteAt(r, 0), {});
        });
}

void InviteStore::list(const QUuid &org, QObject *context, Handler<QList<Invite>> handler)
{
    m_db.exec("SELECT " + kColumns + " FROM invites i" + kJoins
            + " WHERE i.organisation_id = $1 ORDER BY i.created_at DESC LIMIT 200",
        PgParams() << org, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            QList<Invite> invites;
            for (int row = 0; row < r.rows(); ++row)
                invites.append(inviteAt(r, row));
            handler(invites, {});
        });
}

void InviteStore::revoke(const QUuid &org, const QUuid &actor, const QUuid &inviteId,
    QObject *context, Handler<Invite> handler)
{
    m_db.exec("WITH i AS (UPDATE invites SET revoked_at = COALESCE(revoked_at, now())"
              "  WHERE organisation_id = $1 AND id = $2 AND used_at IS NULL RETURNING *)"
              " SELECT "
            + kColumns + " FROM i" + kJoins
            + " CROSS JOIN LATERAL muster_audit($1, $3::uuid, 'invite.revoke', 'invite', i.id,"
              "  NULL, NULL)",
        PgParams() << org << inviteId << actor, context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            if (r.rows() == 0)
                return handler({}, StoreError::notFound(QStringLiteral("Invite")));
            handler(inviteAt(r, 0), {});
        });
}

void InviteStore::markMailed(const QUuid &inviteId)
{
    m_db.exec("UPDATE invites SET mailed_at = now() WHERE id = $1", PgParams() << inviteId, nullptr,
        [](const PgResult &) {});
}

void InviteStore::accept(const QByteArray &codeHash, const QString &login,
    const QString &displayName, const QString &email, const QByteArray &passwordHash,
    QObject *context, Handler<Joined> handler)
{
    PgParams params;
    params.addBytes(codeHash);
    params << login << displayName << email << QString::fromLatin1(passwordHash);
    m_db.exec("SELECT muster_accept_invite($1, $2, $3, $4, $5)", params, context,
        [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            handler(joinedFrom(r), {});
        });
}

void InviteStore::registerOrganisation(const QString &name, const QString &login,
    const QString &displayName, const QString &email, const QByteArray &passwordHash,
    QObject *context, Handler<Joined> handler)
{
    m_db.exec("SELECT muster_register_organisation($1, $2, $3, $4, $5)",
        PgParams() << name << login << displayName << email << QString::fromLatin1(passwordHash),
        context, [handler](const PgResult &r) {
            if (!r.ok())
                return handler({}, StoreError::of(r));
            handler(joinedFrom(r), {});
        });
}

} // namespace Muster
