// See directorystore.h.
#include "directorystore.h"

#include "pgsyncconnection.h"

namespace Muster {

std::nullopt_t DirectoryStore::fail(const QString &message)
{
    m_db.exec("ROLLBACK");
    m_error = message;
    return std::nullopt;
}

bool DirectoryStore::begin()
{
    m_error.clear();
    const PgResult r = m_db.exec("BEGIN");
    if (!r.ok())
        m_error = r.errorMessage();
    return r.ok();
}

bool DirectoryStore::commit()
{
    const PgResult r = m_db.exec("COMMIT");
    if (!r.ok())
        m_error = r.errorMessage();
    return r.ok();
}

bool DirectoryStore::notifyUserChanged(const QUuid &userId)
{
    // Delivered at commit to every muster-server on this database (see
    // SessionService::refreshUser).
    const PgResult r = m_db.exec("SELECT pg_notify($1, $2)",
        PgParams() << QString::fromLatin1(kUserChangedChannel)
                   << userId.toString(QUuid::WithoutBraces));
    if (!r.ok())
        m_error = r.errorMessage();
    return r.ok();
}

std::optional<QUuid> DirectoryStore::createOrganisation(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 200)
        return fail(QStringLiteral("an organisation name has 1 to 200 characters"));
    if (!begin())
        return std::nullopt;
    const PgResult r = m_db.exec("SELECT muster_create_organisation($1)", PgParams() << trimmed);
    if (!r.ok()) {
        return fail(r.isUniqueViolation()
                ? QStringLiteral("an organisation named \"%1\" already exists").arg(trimmed)
                : r.errorMessage());
    }
    const QUuid org = r.uuid(0, 0);
    if (!commit())
        return std::nullopt;
    return org;
}

std::optional<QUuid> DirectoryStore::createUser(const QString &login, const QString &organisation,
    Role role, const QByteArray &passwordHash, const QString &displayName)
{
    if (!begin())
        return std::nullopt;
    const PgResult r = m_db.exec("SELECT muster_add_person(o.id, $2, $3, '', $4, $5, NULL)"
                                 " FROM organisations o WHERE lower(o.name) = lower($1)",
        PgParams() << organisation << login << displayName << QString::fromLatin1(passwordHash)
                   << roleName(role));
    if (!r.ok()) {
        if (r.isUniqueViolation())
            return fail(QStringLiteral("the login \"%1\" is taken").arg(login));
        if (r.sqlState() == "23514")
            return fail(QStringLiteral("a login is 1 to 64 characters: lower-case letters, digits, "
                                       "'.', '_' or '-', starting with a letter or digit"));
        return fail(r.errorMessage());
    }
    if (r.rows() == 0)
        return fail(QStringLiteral("no organisation named \"%1\"").arg(organisation));
    const QUuid user = r.uuid(0, 0);
    if (!commit())
        return std::nullopt;
    return user;
}

std::optional<DirectoryStore::Person> DirectoryStore::setRole(const QString &login, Role role)
{
    if (!begin())
        return std::nullopt;
    PgResult r
        = m_db.exec("SELECT id, organisation_id, role FROM users WHERE login = $1 FOR UPDATE",
            PgParams() << login);
    if (!r.ok())
        return fail(r.errorMessage());
    if (r.rows() == 0)
        return fail(QStringLiteral("no user with the login \"%1\"").arg(login));
    const QUuid user = r.uuid(0, 0);
    const QUuid org = r.uuid(0, 1);
    const QString oldRole = r.text(0, 2);
    r = m_db.exec("UPDATE users SET role = $2 WHERE id = $1", PgParams() << user << roleName(role));
    if (!r.ok())
        return fail(r.errorMessage());
    r = m_db.exec("SELECT muster_audit($1, NULL, 'user.role', 'user', $2,"
                  " jsonb_build_object('role', $3::text), jsonb_build_object('role', $4::text))",
        PgParams() << org << user << oldRole << roleName(role));
    if (!r.ok() || !notifyUserChanged(user))
        return fail(r.ok() ? m_error : r.errorMessage());
    if (!commit())
        return std::nullopt;
    return Person {user, org};
}

std::optional<QUuid> DirectoryStore::setSuperadmin(const QString &login, bool superadmin)
{
    if (!begin())
        return std::nullopt;
    PgResult r = m_db.exec("UPDATE users u SET is_superadmin = $2 FROM users old"
                           " WHERE u.login = $1 AND old.id = u.id"
                           " RETURNING u.id, u.organisation_id, old.is_superadmin",
        PgParams() << login << superadmin);
    if (!r.ok())
        return fail(r.errorMessage());
    if (r.rows() == 0)
        return fail(QStringLiteral("no user with the login \"%1\"").arg(login));
    const QUuid user = r.uuid(0, 0);
    const QUuid org = r.uuid(0, 1);
    const bool was = r.toBool(0, 2);
    r = m_db.exec("SELECT muster_audit($1, NULL, 'user.superadmin', 'user', $2,"
                  " jsonb_build_object('superadmin', $3::boolean),"
                  " jsonb_build_object('superadmin', $4::boolean))",
        PgParams() << org << user << was << superadmin);
    if (!r.ok() || !notifyUserChanged(user))
        return fail(r.ok() ? m_error : r.errorMessage());
    if (!commit())
        return std::nullopt;
    return user;
}

std::optional<QUuid> DirectoryStore::setPasswordHash(
    const QString &login, const QByteArray &passwordHash)
{
    if (!begin())
        return std::nullopt;
    PgResult r = m_db.exec("UPDATE users SET password_hash = $2 WHERE login = $1"
                           " RETURNING id, organisation_id",
        PgParams() << login << QString::fromLatin1(passwordHash));
    if (!r.ok())
        return fail(r.errorMessage());
    if (r.rows() == 0)
        return fail(QStringLiteral("no user with the login \"%1\"").arg(login));
    const QUuid user = r.uuid(0, 0);
    const QUuid org = r.uuid(0, 1);
    r = m_db.exec("UPDATE sessions SET revoked_at = now() WHERE organisation_id = $1"
                  " AND user_id = $2 AND revoked_at IS NULL",
        PgParams() << org << user);
    if (!r.ok())
        return fail(r.errorMessage());
    r = m_db.exec("SELECT muster_audit($1, NULL, 'user.password_reset', 'user', $2, NULL, NULL)",
        PgParams() << org << user);
    if (!r.ok() || !notifyUserChanged(user))
        return fail(r.ok() ? m_error : r.errorMessage());
    if (!commit())
        return std::nullopt;
    return user;
}

std::optional<QList<DirectoryStore::UserRow>> DirectoryStore::listUsers(const QString &organisation)
{
    m_error.clear();
    const PgResult r = m_db.exec("SELECT u.login, u.display_name, o.name, u.role, u.is_superadmin,"
                                 "  COALESCE(muster_iso(u.last_seen_at), '')"
                                 " FROM users u JOIN organisations o ON o.id = u.organisation_id"
                                 " WHERE $1 = '' OR lower(o.name) = lower($1)"
                                 " ORDER BY lower(o.name), u.login",
        PgParams() << organisation);
    if (!r.ok()) {
        m_error = r.errorMessage();
        return std::nullopt;
    }
    QList<UserRow> rows;
    for (int i = 0; i < r.rows(); ++i)
        rows.append(
            {r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.toBool(i, 4), r.text(i, 5)});
    return rows;
}

std::optional<QUuid> DirectoryStore::organisationNamed(const QString &name)
{
    const PgResult r = m_db.exec(
        "SELECT id FROM organisations WHERE lower(name) = lower($1)", PgParams() << name.trimmed());
    if (!r.ok())
        return fail(r.errorMessage());
    if (r.rows() == 0)
        return fail(QStringLiteral("no organisation named \"%1\"").arg(name));
    return r.uuid(0, 0);
}

std::optional<QList<DirectoryStore::EventRef>> DirectoryStore::eventsNamed(
    const QString &name, const QString &organisation)
{
    const PgResult r = m_db.exec(
        "SELECT e.organisation_id, e.id, e.name, e.time_zone FROM events e JOIN organisations o ON "
        "o.id = "
        "e.organisation_id WHERE lower(e.name) = lower($1) AND ($2 = '' OR lower(o.name) = "
        "lower($2))",
        PgParams() << name << organisation);
    if (!r.ok())
        return fail(r.errorMessage());
    QList<EventRef> events;
    for (int row = 0; row < r.rows(); ++row)
        events.append({r.uuid(row, 0), r.uuid(row, 1), r.text(row, 2), r.text(row, 3)});
    return events;
}

} // namespace Muster
