// See admincommands.h.
#include "admincommands.h"

#include "db/directorystore.h"
#include "db/pgsyncconnection.h"
#include "services/passwordhasher.h"

namespace Muster {

int AdminCommands::failed(const QString &message)
{
    m_err << "muster-server: " << message << Qt::endl;
    return 1;
}

int AdminCommands::run(const ServerOptions &options)
{
    switch (options.command) {
    case ServerOptions::Command::CreateOrg:
        return createOrg(options);
    case ServerOptions::Command::CreateUser:
        return createUser(options);
    case ServerOptions::Command::SetRole:
        return setRole(options);
    case ServerOptions::Command::SetSuperadmin:
        return setSuperadmin(options);
    case ServerOptions::Command::ResetPassword:
        return resetPassword(options);
    case ServerOptions::Command::ListUsers:
        return listUsers(options);
    case ServerOptions::Command::Migrate:
    case ServerOptions::Command::Serve:
        break;
    }
    return 0;
}

int AdminCommands::createOrg(const ServerOptions &options)
{
    DirectoryStore store(m_db);
    const auto id = store.createOrganisation(options.commandArgument);
    if (!id)
        return failed(store.errorMessage());
    m_out << "created organisation \"" << options.commandArgument.trimmed() << "\" ("
          << id->toString(QUuid::WithoutBraces) << ")" << Qt::endl;
    return 0;
}

int AdminCommands::createUser(const ServerOptions &options)
{
    const auto role = roleFromName(options.role);
    if (!role)
        return failed(QStringLiteral("unknown role \"%1\"").arg(options.role));
    const QString login = options.commandArgument.trimmed().toLower();
    QString password;
    if (options.passwordFromStdin) {
        password = m_in.readLine();
        if (password.isEmpty())
            return failed(QStringLiteral("no password on standard input"));
        if (password.size() < 8)
            return failed(QStringLiteral("a password has at least 8 characters"));
    } else {
        password = PasswordHasher::generatePassword();
    }
    DirectoryStore store(m_db);
    const QString displayName = options.displayName.isEmpty() ? login : options.displayName;
    const auto id = store.createUser(
        login, options.organisation, *role, PasswordHasher::hash(password), displayName);
    if (!id)
        return failed(store.errorMessage());
    m_out << "created user " << login << " in \"" << options.organisation << "\" as "
          << roleName(*role) << Qt::endl;
    if (!options.passwordFromStdin)
        m_out << "password: " << password << Qt::endl;
    return 0;
}

int AdminCommands::setRole(const ServerOptions &options)
{
    const auto role = roleFromName(options.role);
    if (!role)
        return failed(QStringLiteral("unknown role \"%1\"").arg(options.role));
    DirectoryStore store(m_db);
    const QString login = options.commandArgument.trimmed().toLower();
    if (!store.setRole(login, *role))
        return failed(store.errorMessage());
    m_out << login << " is now " << roleName(*role) << Qt::endl;
    return 0;
}

int AdminCommands::setSuperadmin(const ServerOptions &options)
{
    DirectoryStore store(m_db);
    const QString login = options.commandArgument.trimmed().toLower();
    if (!store.setSuperadmin(login, options.superadmin))
        return failed(store.errorMessage());
    m_out << login
          << (options.superadmin ? " now sees every organisation"
                                 : " sees only their own organisation")
          << Qt::endl;
    return 0;
}

int AdminCommands::resetPassword(const ServerOptions &options)
{
    const QString login = options.commandArgument.trimmed().toLower();
    const QString password = PasswordHasher::generatePassword();
    DirectoryStore store(m_db);
    if (!store.setPasswordHash(login, PasswordHasher::hash(password)))
        return failed(store.errorMessage());
    m_out << "new password for " << login << ": " << password << Qt::endl;
    m_out << "every session of " << login << " was signed out" << Qt::endl;
    return 0;
}

int AdminCommands::listUsers(const ServerOptions &options)
{
    DirectoryStore store(m_db);
    const auto rows = store.listUsers(options.organisation);
    if (!rows)
        return failed(store.errorMessage());
    m_out << qSetFieldWidth(20) << Qt::left << "LOGIN"
          << "ORGANISATION"
          << "ROLE" << qSetFieldWidth(0) << "NAME" << Qt::endl;
    for (const DirectoryStore::UserRow &u : *rows) {
        m_out << qSetFieldWidth(20) << Qt::left << u.login << u.organisation
              << (u.role + (u.superadmin ? QStringLiteral(" (super)") : QString()))
              << qSetFieldWidth(0) << u.displayName << Qt::endl;
    }
    return 0;
}

} // namespace Muster
