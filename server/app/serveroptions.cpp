// See serveroptions.h.
#include "serveroptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSysInfo>

#include <unistd.h>

namespace Muster {

QString ServerOptions::defaultDataDir()
{
    // As root the cluster runs as "postgres", which cannot reach into /root.
    if (::geteuid() == 0)
        return QStringLiteral("/var/lib/muster");
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/muster");
}

bool ServerOptions::parse(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Muster server: HTTP and WebSocket on one port, PostgreSQL behind it.\n"
        "Without a command it serves. Admin commands use the same --data-dir or --database,\n"
        "work whether or not a server is running, and exit."));
    const QCommandLineOption help = p.addHelpOption();
    const QCommandLineOption version = p.addVersionOption();
    const QCommandLineOption address({QStringLiteral("address")},
        QStringLiteral("Address to listen on (default 127.0.0.1)."), QStringLiteral("ADDRESS"),
        QStringLiteral("127.0.0.1"));
    const QCommandLineOption port({QStringLiteral("port")},
        QStringLiteral("Port to listen on (default 8440; 0 picks a free one)."),
        QStringLiteral("PORT"), QStringLiteral("8440"));
    const QCommandLineOption socketThreads({QStringLiteral("socket-threads")},
        QStringLiteral("Threads that carry the connections: read and write them, frame "
                       "messages, keep them alive (default 0: one per processor core)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption limit({QStringLiteral("limit")},
        QStringLiteral("Sets one limit, e.g. sign-in-per-address=100 (repeatable; the names and "
                       "defaults are in docs/operations.md): %1.")
            .arg((ThrottleLimits::names() + ConnectionCaps::names()).join(QStringLiteral(", "))),
        QStringLiteral("NAME=VALUE"));
    const QCommandLineOption heartbeat({QStringLiteral("heartbeat")},
        QStringLiteral("How often this server renews its heartbeat in the shared database, in "
                       "seconds."),
        QStringLiteral("SECONDS"), QStringLiteral("5"));
    const QCommandLineOption serverTimeout({QStringLiteral("server-timeout")},
        QStringLiteral("After how long without a heartbeat another server counts as dead and its "
                       "people offline, in seconds (the same on every server)."),
        QStringLiteral("SECONDS"), QStringLiteral("20"));
    const QCommandLineOption trustedProxy({QStringLiteral("trusted-proxy")},
        QStringLiteral("A reverse proxy or load balancer whose X-Forwarded-For header names the "
                       "real client (repeatable). Without it, every client behind a proxy shares "
                       "the proxy's address and its throttles."),
        QStringLiteral("ADDRESS"));
    const QCommandLineOption telegramToken({QStringLiteral("telegram-token")},
        QStringLiteral("The Telegram bot's token from @BotFather (or MUSTER_TELEGRAM_TOKEN, which "
                       "keeps it out of the process list). Without one the bot is off."),
        QStringLiteral("TOKEN"));
    const QCommandLineOption telegramApi({QStringLiteral("telegram-api")},
        QStringLiteral("Where the Bot API answers (default https://api.telegram.org): a local "
                       "Bot API server, or a stand-in in tests."),
        QStringLiteral("URL"), QStringLiteral("https://api.telegram.org"));
    const QCommandLineOption allowRegistration({QStringLiteral("allow-registration")},
        QStringLiteral("Let anyone register a new organisation from the app (off by default; "
                       "--create-org always works)."));
    const QCommandLineOption smtp({QStringLiteral("smtp")},
        QStringLiteral("The mail relay invitations are sent through, HOST or HOST:PORT (port 25 "
                       "by default). Without it, managers pass invitation codes on themselves."),
        QStringLiteral("HOST[:PORT]"));
    const QCommandLineOption smtpFrom({QStringLiteral("smtp-from")},
        QStringLiteral("The sender of invitations (default muster@<host name>)."),
        QStringLiteral("ADDRESS"));
    const QCommandLineOption dataDir({QStringLiteral("data-dir")},
        QStringLiteral("Directory of the embedded PostgreSQL cluster (default %1).")
            .arg(defaultDataDir()),
        QStringLiteral("DIR"), defaultDataDir());
    const QCommandLineOption database({QStringLiteral("database")},
        QStringLiteral("Use this PostgreSQL server instead of the "
                       "embedded one (postgresql://…)."),
        QStringLiteral("URL"));
    const QCommandLineOption migrate(
        {QStringLiteral("migrate")}, QStringLiteral("Apply schema migrations and exit."));
    const QCommandLineOption createOrg({QStringLiteral("create-org")},
        QStringLiteral("Create an organisation with default states and a team."),
        QStringLiteral("NAME"));
    const QCommandLineOption createUser({QStringLiteral("create-user")},
        QStringLiteral("Create a user (needs --org and --role); prints a "
                       "generated password unless --password-stdin."),
        QStringLiteral("LOGIN"));
    const QCommandLineOption org(
        {QStringLiteral("org")}, QStringLiteral("Organisation name."), QStringLiteral("NAME"));
    const QCommandLineOption role({QStringLiteral("role")},
        QStringLiteral("banned, attendee, volunteer, staff, lead, manager or admin."),
        QStringLiteral("ROLE"));
    const QCommandLineOption displayName({QStringLiteral("display-name")},
        QStringLiteral("Display name for --create-user (default: the login)."),
        QStringLiteral("NAME"));
    const QCommandLineOption passwordStdin({QStringLiteral("password-stdin")},
        QStringLiteral("Read the password from the first line of standard input."));
    const QCommandLineOption setRole({QStringLiteral("set-role")},
        QStringLiteral("Change a user's role: --set-role LOGIN ROLE."), QStringLiteral("LOGIN"));
    const QCommandLineOption setSuperadmin({QStringLiteral("set-superadmin")},
        QStringLiteral(
            "Let a user see every organisation, or stop: --set-superadmin LOGIN yes|no."),
        QStringLiteral("LOGIN"));
    const QCommandLineOption resetPassword({QStringLiteral("reset-password")},
        QStringLiteral("Set a new generated password (printed) and sign the user out everywhere."),
        QStringLiteral("LOGIN"));
    const QCommandLineOption listUsers(
        {QStringLiteral("list-users")}, QStringLiteral("List users (of --org, or all)."));
    const QCommandLineOption authorizeKiosk({QStringLiteral("authorize-kiosk")},
        QStringLiteral("Approve the kiosk showing this pairing code (needs --name and --org)."),
        QStringLiteral("CODE"));
    const QCommandLineOption name(
        {QStringLiteral("name")}, QStringLiteral("The kiosk's name."), QStringLiteral("NAME"));
    const QCommandLineOption location({QStringLiteral("location")},
        QStringLiteral("Where the kiosk stands (optional)."), QStringLiteral("TEXT"));
    const QCommandLineOption lifetime({QStringLiteral("lifetime-hours")},
        QStringLiteral("How long the kiosk stays authorised (default 168)."), QStringLiteral("N"),
        QStringLiteral("168"));
    const QCommandLineOption stopOngoing({QStringLiteral("stop-ongoing")},
        QStringLiteral("Stop every ongoing shift of the active event (of --org, or of every "
                       "organisation) as the day boundary does."));
    const QCommandLineOption exportReport({QStringLiteral("export-report")},
        QStringLiteral(
            "Write a report (hours, teams, unclocked, rewards, attendees, audit) "
            "of --event NAME as --format csv (to --output or standard output), xlsx or pdf."),
        QStringLiteral("TYPE"));
    const QCommandLineOption seedDemo({QStringLiteral("seed-demo")},
        QStringLiteral("Give --org what a demo of the time clock needs: an active event, teams "
                       "offered for clocking in, a bonus window, rewards, and a badge and a kiosk "
                       "PIN for each of its people (printed). Run it once, on a demo."));
    const QCommandLineOption event({QStringLiteral("event")},
        QStringLiteral("The event a report is about."), QStringLiteral("NAME"));
    const QCommandLineOption format({QStringLiteral("format")},
        QStringLiteral("Report format: csv, xlsx or pdf (xlsx and pdf need --output)."),
        QStringLiteral("FORMAT"), QStringLiteral("csv"));
    const QCommandLineOption output({QStringLiteral("output")},
        QStringLiteral("File to write a report to (default: standard output)."),
        QStringLiteral("FILE"));
    const QCommandLineOption minHours({QStringLiteral("min-hours")},
        QStringLiteral("Hours report: only people who worked more than this."),
        QStringLiteral("HOURS"), QStringLiteral("0"));
    p.addOptions({address, port, socketThreads, limit, heartbeat, serverTimeout, trustedProxy,
        telegramToken, telegramApi, allowRegistration, smtp, smtpFrom, dataDir, database, migrate,
        createOrg, createUser, org, role, displayName, passwordStdin, setRole, setSuperadmin,
        resetPassword, listUsers, authorizeKiosk, name, location, lifetime, stopOngoing,
        exportReport, seedDemo, event, format, output, minHours});
    p.addPositionalArgument(QStringLiteral("[ROLE|yes|no]"),
        QStringLiteral(
            "The new role after --set-role LOGIN; yes or no after --set-superadmin LOGIN."));

    if (!p.parse(arguments)) {
        m_message = p.errorText();
        m_exitCode = 2;
        return false;
    }
    if (p.isSet(help)) {
        m_message = p.helpText();
        m_exitCode = 0;
        return false;
    }
    if (p.isSet(version)) {
        m_message
            = QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion();
        m_exitCode = 0;
        return false;
    }
    auto usage = [this](const QString &text) {
        m_message = text;
        m_exitCode = 2;
        return false;
    };

    if (!this->address.setAddress(p.value(address)))
        return usage(QStringLiteral("--address: not an IP address: %1").arg(p.value(address)));
    bool ok = false;
    const uint portValue = p.value(port).toUInt(&ok);
    if (!ok || portValue > 65535)
        return usage(QStringLiteral("--port: not a port number: %1").arg(p.value(port)));
    this->port = quint16(portValue);
    const int threads = p.value(socketThreads).toInt(&ok);
    if (!ok || threads < 0 || threads > 255)
        return usage(QStringLiteral("--socket-threads: a number from 0 to 255: %1")
                         .arg(p.value(socketThreads)));
    this->socketThreads = threads;
    for (const QString &setting : p.values(limit)) {
        const qsizetype eq = setting.indexOf(u'=');
        const int value = eq > 0 ? setting.mid(eq + 1).toInt(&ok) : 0;
        const QString limitName = setting.left(eq);
        if (eq <= 0 || !ok || !(throttles.set(limitName, value) || caps.set(limitName, value)))
            return usage(QStringLiteral("--limit: NAME=VALUE with a known name and a value of "
                                        "at least 1: %1")
                             .arg(setting));
    }
    const double beatSeconds = p.value(heartbeat).toDouble(&ok);
    if (!ok || beatSeconds < 0.1 || beatSeconds > 3600)
        return usage(
            QStringLiteral("--heartbeat: seconds from 0.1 to 3600: %1").arg(p.value(heartbeat)));
    this->heartbeat = std::chrono::milliseconds(qRound64(beatSeconds * 1000));
    const double timeoutSeconds = p.value(serverTimeout).toDouble(&ok);
    if (!ok || timeoutSeconds < 2 * beatSeconds || timeoutSeconds > 86400)
        return usage(QStringLiteral("--server-timeout: seconds, at least twice --heartbeat: %1")
                         .arg(p.value(serverTimeout)));
    this->serverTimeout = std::chrono::milliseconds(qRound64(timeoutSeconds * 1000));
    for (const QString &proxy : p.values(trustedProxy)) {
        const QHostAddress a(proxy);
        if (a.isNull())
            return usage(QStringLiteral("--trusted-proxy: not an IP address: %1").arg(proxy));
        trustedProxies.append(a);
    }
    this->telegramToken = p.isSet(telegramToken) ? p.value(telegramToken)
                                                 : qEnvironmentVariable("MUSTER_TELEGRAM_TOKEN");
    this->telegramApi = QUrl(p.value(telegramApi));
    if (!this->telegramApi.isValid()
        || !QStringList {QStringLiteral("http"), QStringLiteral("https")}.contains(
            this->telegramApi.scheme()))
        return usage(
            QStringLiteral("--telegram-api: an http or https URL: %1").arg(p.value(telegramApi)));
    this->allowRegistration = p.isSet(allowRegistration);
    if (p.isSet(smtp)) {
        const QString value = p.value(smtp);
        const qsizetype colon = value.lastIndexOf(u':');
        bool portOk = true;
        this->smtpHost = colon > 0 ? value.left(colon) : value;
        if (colon > 0)
            this->smtpPort = value.mid(colon + 1).toUShort(&portOk);
        if (this->smtpHost.isEmpty() || !portOk || this->smtpPort == 0)
            return usage(QStringLiteral("--smtp: HOST or HOST:PORT: %1").arg(value));
    }
    this->smtpFrom = p.isSet(smtpFrom)
        ? p.value(smtpFrom)
        : QStringLiteral("Muster <muster@%1>").arg(QSysInfo::machineHostName());
    this->dataDir = QDir(p.value(dataDir)).absolutePath();
    this->databaseUrl = p.value(database);
    this->organisation = p.value(org);
    this->role = p.value(role);
    this->displayName = p.value(displayName);
    this->passwordFromStdin = p.isSet(passwordStdin);
    this->name = p.value(name);
    this->location = p.value(location);
    const int hours = p.value(lifetime).toInt(&ok);
    if (!ok || hours < 1 || hours > 366 * 24)
        return usage(
            QStringLiteral("--lifetime-hours: a number from 1 to 8784: %1").arg(p.value(lifetime)));
    this->lifetimeHours = hours;
    this->event = p.value(event);
    this->format = p.value(format);
    this->output = p.value(output);
    this->minHours = p.value(minHours);
    static const QRegularExpression decimal(QStringLiteral("^\\d{1,5}(\\.\\d{1,2})?$"));
    if (!decimal.match(this->minHours).hasMatch())
        return usage(
            QStringLiteral("--min-hours: a number of hours like 4 or 0.5: %1").arg(this->minHours));

    int commands = 0;
    auto pick = [&](const QCommandLineOption &option, Command command) {
        if (!p.isSet(option))
            return;
        ++commands;
        this->command = command;
        if (!option.valueName().isEmpty())
            commandArgument = p.value(option);
    };
    pick(migrate, Command::Migrate);
    pick(createOrg, Command::CreateOrg);
    pick(createUser, Command::CreateUser);
    pick(setRole, Command::SetRole);
    pick(setSuperadmin, Command::SetSuperadmin);
    pick(resetPassword, Command::ResetPassword);
    pick(listUsers, Command::ListUsers);
    pick(authorizeKiosk, Command::AuthorizeKiosk);
    pick(stopOngoing, Command::StopOngoing);
    pick(exportReport, Command::ExportReport);
    pick(seedDemo, Command::SeedDemo);
    if (commands > 1)
        return usage(QStringLiteral("give one command at a time"));

    const QStringList positional = p.positionalArguments();
    if (this->command == Command::SetRole) {
        if (positional.size() != 1)
            return usage(QStringLiteral("usage: --set-role LOGIN ROLE"));
        this->role = positional.first();
    } else if (this->command == Command::SetSuperadmin) {
        if (positional.size() != 1
            || (positional.first() != QLatin1String("yes")
                && positional.first() != QLatin1String("no")))
            return usage(QStringLiteral("usage: --set-superadmin LOGIN yes|no"));
        this->superadmin = positional.first() == QLatin1String("yes");
    } else if (!positional.isEmpty()) {
        return usage(QStringLiteral("unexpected argument: %1").arg(positional.first()));
    }
    if (this->command == Command::CreateUser
        && (this->organisation.isEmpty() || this->role.isEmpty()))
        return usage(QStringLiteral("--create-user needs --org NAME and --role ROLE"));
    if (this->command == Command::AuthorizeKiosk
        && (this->organisation.isEmpty() || this->name.trimmed().isEmpty()))
        return usage(QStringLiteral("--authorize-kiosk CODE needs --name NAME and --org ORG"));
    if (this->command == Command::SeedDemo && this->organisation.isEmpty())
        return usage(QStringLiteral("--seed-demo needs --org NAME"));
    if (this->command == Command::ExportReport) {
        if (this->event.isEmpty())
            return usage(QStringLiteral("--export-report TYPE needs --event NAME"));
        this->format = this->format.trimmed().toLower();
        if (!QStringList {QStringLiteral("csv"), QStringLiteral("xlsx"), QStringLiteral("pdf")}
                 .contains(this->format))
            return usage(QStringLiteral("--format: csv, xlsx or pdf"));
        if (this->format != QLatin1String("csv")
            && (this->output.isEmpty() || this->output == QLatin1String("-")))
            return usage(QStringLiteral("--format %1 needs --output FILE").arg(this->format));
    }
    return true;
}

} // namespace Muster
