// See admincommands.h.
#include "admincommands.h"

#include "chat/chatsettingsservice.h"
#include "cluster/pushrelay.h"
#include "csvwriter.h"
#include "db/demostore.h"
#include "db/directorystore.h"
#include "db/kioskstore.h"
#include "db/pgsyncconnection.h"
#include "db/presencestore.h"
#include "db/reportstore.h"
#include "db/timeclockstore.h"
#include "domain/canonicaltext.h"
#include "domain/passwordpolicy.h"
#include "pdfwriter.h"
#include "protocol/wiretime.h"
#include "services/passwordhasher.h"
#include "services/presenceservice.h"
#include "spreadsheetwriter.h"
#include "timeclock/notificationservice.h"
#include "timeclock/timeclockservice.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

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
    case ServerOptions::Command::AuthorizeKiosk:
        return authorizeKiosk(options);
    case ServerOptions::Command::StopOngoing:
        return stopOngoing(options);
    case ServerOptions::Command::ExportReport:
        return exportReport(options);
    case ServerOptions::Command::SeedDemo:
        return seedDemo(options);
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

namespace {
// The login a command names, in the one form the protocol uses too (an invalid one finds no one).
QString loginArgument(const ServerOptions &options)
{
    return CanonicalText::login(options.commandArgument).value_or(QString());
}
} // namespace

int AdminCommands::createUser(const ServerOptions &options)
{
    const auto role = roleFromName(options.role);
    if (!role)
        return failed(QStringLiteral("unknown role \"%1\"").arg(options.role));
    const QString login = loginArgument(options);
    const QString displayName = options.displayName.isEmpty() ? login : options.displayName;
    QString password;
    if (options.passwordFromStdin) {
        // A password someone chose meets the rules; a generated one is strong by making.
        password = m_in.readLine();
        if (password.isEmpty())
            return failed(QStringLiteral("no password on standard input"));
        if (const QString why
            = PasswordPolicy::problem(password, {login, displayName, options.organisation});
            !why.isEmpty())
            return failed(why);
    } else {
        password = PasswordHasher::generatePassword();
    }
    DirectoryStore store(m_db);
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
    const QString login = loginArgument(options);
    const std::optional<DirectoryStore::Person> person = store.setRole(login, *role);
    if (!person)
        return failed(store.errorMessage());
    m_out << login << " is now " << roleName(*role) << Qt::endl;
    // Their own connections follow by themselves (the store notifies every server); the boards
    // of their organisation learn it here.
    publish({{Audience::organisation(person->organisationId), QStringLiteral("profile.changed"),
        {{QStringLiteral("userId"), person->userId.toString(QUuid::WithoutBraces)},
            {QStringLiteral("role"), roleName(*role)}}}});
    return 0;
}

int AdminCommands::setSuperadmin(const ServerOptions &options)
{
    DirectoryStore store(m_db);
    const QString login = loginArgument(options);
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
    const QString login = loginArgument(options);
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

std::optional<QUuid> AdminCommands::organisationId(const QString &name)
{
    DirectoryStore directory(m_db);
    const std::optional<QUuid> id = directory.organisationNamed(name);
    if (!id)
        failed(directory.errorMessage());
    return id;
}

int AdminCommands::authorizeKiosk(const ServerOptions &options)
{
    const std::optional<QUuid> org = organisationId(options.organisation);
    if (!org)
        return 1;
    const QString name = options.name.trimmed();
    if (name.size() > 100 || options.location.size() > 200)
        return failed(QStringLiteral("a kiosk name has at most 100 characters, a location 200"));
    KioskStore::Approval approval;
    approval.organisationId = *org;
    approval.pairingCode = options.commandArgument.trimmed().toUpper();
    approval.name = name;
    approval.location = options.location.trimmed();
    approval.lifetimeHours = int(options.lifetimeHours);
    StoreError error;
    const std::optional<Kiosk> kiosk = KioskStore::approve(m_db, approval, &error);
    if (error.kind == StoreError::NotFound)
        return failed(QStringLiteral("no kiosk is waiting with pairing code %1 (codes last 15 "
                                     "minutes)")
                          .arg(approval.pairingCode));
    if (error.kind == StoreError::Conflict)
        return failed(QStringLiteral("a kiosk named \"%1\" already exists").arg(name));
    if (!kiosk)
        return failed(error.message);
    m_out << "authorised kiosk " << name << " until " << toWireTime(kiosk->expiresAt).toString()
          << Qt::endl;
    // The kiosk waits on some server; whichever it is tells it at once.
    publish({{Audience::pairing(approval.pairingCode), QStringLiteral("kiosk.approved"),
        {{QStringLiteral("kiosk"), kiosk->toJson()}}}});
    return 0;
}

int AdminCommands::stopOngoing(const ServerOptions &options)
{
    QUuid org;
    if (!options.organisation.isEmpty()) {
        const std::optional<QUuid> found = organisationId(options.organisation);
        if (!found)
            return 1;
        org = *found;
    }
    StoreError error;
    const std::optional<TimeclockStore::Boundary> boundary
        = TimeclockStore::stopAtBoundaries(m_db, org, true, &error);
    if (!boundary)
        return failed(error.message);
    // The same pushes as the day boundary's, so every board, manager and volunteer sees it live.
    QList<Push> pushes;
    QHash<QUuid, QList<QUuid>> people; // whose presence left the shift state, by organisation
    for (const TimeclockStore::BoundaryStop &stop : boundary->stops) {
        const QList<Push> made = TimeclockService::pushesFor(
            stop.organisationId, QStringLiteral("stopped"), stop.change);
        if (!made.isEmpty())
            people[stop.organisationId].append(made.first().audience.userId);
        pushes += made;
    }
    for (const Notification &notice : boundary->notices) {
        if (const auto push = NotificationService::pushFor(notice))
            pushes.append(*push);
    }
    for (auto it = people.cbegin(); it != people.cend(); ++it) {
        for (const PresenceStore::PersonState &state :
            PresenceStore::currentStates(m_db, it.key(), it.value()))
            pushes.append(PresenceService::changePush(state));
    }
    publish(pushes);
    const qsizetype entries = boundary->stops.size();
    m_out << "stopped " << entries << " ongoing " << (entries == 1 ? "shift" : "shifts")
          << Qt::endl;
    return 0;
}

void AdminCommands::publish(const QList<Push> &pushes)
{
    // The change is made and committed; a server that misses this push still shows it after a
    // reload. Say so rather than fail the command.
    QString error;
    if (!PushRelay::publishNow(m_db, pushes, &error))
        m_err << "muster-server: done, but live clients were not told: " << error << Qt::endl;
}

int AdminCommands::exportReport(const ServerOptions &options)
{
    const QString type = options.commandArgument.trimmed().toLower();
    if (!ReportStore::types().contains(type)) {
        return failed(QStringLiteral("unknown report \"%1\"; reports: %2")
                          .arg(type, ReportStore::types().join(QStringLiteral(", "))));
    }
    // The event by name, within --org when given; a name two organisations share needs --org.
    DirectoryStore directory(m_db);
    const std::optional<QList<DirectoryStore::EventRef>> events
        = directory.eventsNamed(options.event, options.organisation);
    if (!events)
        return failed(directory.errorMessage());
    if (events->isEmpty())
        return failed(QStringLiteral("no event named \"%1\"").arg(options.event));
    if (events->size() > 1)
        return failed(QStringLiteral("several organisations have an event named \"%1\": add --org")
                          .arg(options.event));
    ReportOptions reportOptions;
    reportOptions.minHours = options.minHours;
    StoreError error;
    const std::optional<Report> report = ReportStore::run(
        m_db, type, events->first().organisationId, events->first().eventId, reportOptions, &error);
    if (!report)
        return failed(error.message);
    if (options.format != QLatin1String("csv")) {
        // A workbook or a PDF is a file, never a stream of bytes on a terminal.
        Event event;
        event.name = events->first().name;
        event.timeZone = events->first().timeZone;
        const ReportDocument document = ReportDocument::of(type, event, *report);
        QString error;
        const bool written = options.format == QLatin1String("xlsx")
            ? SpreadsheetWriter::write(document, options.output, &error)
            : PdfWriter::write(document, options.output, &error);
        if (!written)
            return failed(QStringLiteral("cannot write %1: %2").arg(options.output, error));
        m_out << "wrote " << options.output << Qt::endl;
        return 0;
    }
    const QByteArray csv = CsvWriter::write(*report);
    if (options.output.isEmpty() || options.output == QLatin1String("-")) {
        m_out << QString::fromUtf8(csv);
        m_out.flush();
        return 0;
    }
    // Written whole or not at all: a half-written export is worse than none.
    QSaveFile file(options.output);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit())
        return failed(
            QStringLiteral("cannot write %1: %2").arg(options.output, file.errorString()));
    m_out << "wrote " << options.output << Qt::endl;
    return 0;
}

int AdminCommands::seedDemo(const ServerOptions &options)
{
    const std::optional<QUuid> org = organisationId(options.organisation);
    if (!org)
        return 1;
    DemoStore store(m_db);
    const std::optional<QList<DemoStore::BadgeHolder>> people
        = store.seed(*org, &PasswordHasher::hash);
    if (!people)
        return failed(store.errorMessage());
    const std::optional<QString> anteroom
        = store.seedChat(*org, ChatSettingsService::newPublicKey());
    if (!anteroom)
        return failed(store.errorMessage());
    m_out << "demo event, teams, bonus window and rewards ready in " << options.organisation
          << "\n";
    // The chat's anteroom, for run.sh to print as an address.
    m_out << "anteroom " << *anteroom << "\n";
    // One line per person: what run.sh keeps in its list of demo logins.
    for (const DemoStore::BadgeHolder &p : *people)
        m_out << "badge " << p.login << ' ' << p.badge << ' ' << p.pin << "\n";
    m_out.flush();
    return 0;
}

} // namespace Muster
