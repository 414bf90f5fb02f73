// See servermain.h.
#include "servermain.h"

#include "app/databasebootstrap.h"
#include "app/musterserver.h"
#include "app/serveroptions.h"
#include "app/unixsignalwatcher.h"
#include "cli/admincommands.h"
#include "db/clustersupervisor.h"
#include "db/pgsyncconnection.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/resource.h>

namespace Muster {

namespace {
// Every connection is a descriptor: take all the system allows (the soft limit is often 1024).
void raiseFileLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
            qCWarning(lcHttp) << "could not raise the open-file limit to" << limit.rlim_max;
    }
}

// --export-report … --format pdf, read before any application object exists.
bool exportsPdf(int argc, char *argv[])
{
    bool exporting = false;
    bool pdf = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        exporting = exporting || arg == "--export-report" || arg.startsWith("--export-report=");
        pdf = pdf || arg == "--format=pdf"
            || (arg == "--format" && i + 1 < argc
                && QByteArray(argv[i + 1]).trimmed().toLower() == "pdf");
    }
    return exporting && pdf;
}
} // namespace

int serverMain(int argc, char *argv[])
{
    // Qt's glib dispatcher polls every socket on each wakeup; the plain one scales far better
    // with thousands of WebSockets (see the brief). Must be set before the application exists.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    // Operators read these logs: time, level and subsystem on every line (QT_MESSAGE_PATTERN wins).
    qSetMessagePattern(QStringLiteral(
        "%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-debug}debug%{endif}%{if-info}info%{endif}"
        "%{if-warning}warning%{endif}%{if-critical}error%{endif}%{if-fatal}fatal%{endif} "
        "%{category}: %{message}"));
    // A PDF export draws text, which needs Qt's GUI side (fonts): offscreen, for that command
    // alone. Serving and every other command stay on a plain core application.
    std::unique_ptr<QCoreApplication> application;
    if (exportsPdf(argc, argv)) {
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("muster-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MUSTER_VERSION));
    std::signal(SIGPIPE, SIG_IGN);
    raiseFileLimit();

    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    ServerOptions options;
    if (!options.parse(app.arguments())) {
        (options.exitCode() == 0 ? out : err) << options.message() << Qt::endl;
        return options.exitCode();
    }

    // Stop cleanly on SIGTERM/SIGINT from here on: the embedded cluster must not be left running.
    UnixSignalWatcher signals({SIGTERM, SIGINT});
    DatabaseBootstrap bootstrap(options.dataDir, options.databaseUrl);
    if (!bootstrap.prepare()) {
        err << "muster-server: " << bootstrap.errorMessage() << Qt::endl;
        return 1;
    }

    if (options.command == ServerOptions::Command::Migrate) {
        const QStringList applied = bootstrap.appliedMigrations();
        out << (applied.isEmpty()
                ? QStringLiteral("schema is up to date")
                : QStringLiteral("applied: ") + applied.join(QStringLiteral(", ")))
            << Qt::endl;
        return 0;
    }
    if (options.command != ServerOptions::Command::Serve) {
        PgSyncConnection connection(bootstrap.conninfo());
        if (!connection.isOpen()) {
            err << "muster-server: " << connection.errorMessage() << Qt::endl;
            return 1;
        }
        return AdminCommands(connection, out, err, in).run(options);
    }

    MusterServer::Config config;
    config.conninfo = bootstrap.conninfo();
    config.address = options.address;
    config.port = options.port;
    config.socketThreads = options.socketThreads;
    config.throttles = options.throttles;
    config.caps = options.caps;
    config.trustedProxies = options.trustedProxies;
    config.heartbeat = {options.heartbeat, options.serverTimeout};
    config.telegram.token = options.telegramToken;
    config.telegram.api = options.telegramApi;
    config.allowRegistration = options.allowRegistration;
    config.smtp = {options.smtpHost, options.smtpPort, options.smtpFrom};
    // Declared after the bootstrap, so it stops watching before the cluster is stopped.
    std::unique_ptr<ClusterSupervisor> supervisor;
    if (EmbeddedCluster *cluster = bootstrap.ownedCluster())
        supervisor = std::make_unique<ClusterSupervisor>(*cluster);
    MusterServer server(config);
    if (!server.start()) {
        err << "muster-server: " << server.errorString() << Qt::endl;
        return 1;
    }
    // Tools and tests read this line to learn the port when --port 0 was given.
    out << "muster-server listening on " << options.address.toString() << ':' << server.port()
        << Qt::endl;
    // Never qApp here: with <QGuiApplication> included it casts to QGuiApplication, which the
    // serving application is not (UBSan reports the bad downcast on every shutdown).
    QObject::connect(
        &signals, &UnixSignalWatcher::signalReceived, &app, [&server, &app](int signal) {
            qCInfo(lcHttp) << "signal" << signal << "received; shutting down";
            // Out of the shared tables first, so the other servers show this one's people offline
            // at once rather than after --server-timeout; a moment for those pushes to leave.
            // Never longer than two seconds, whatever the database does.
            server.stop([&app] { QTimer::singleShot(300, &app, &QCoreApplication::quit); });
            QTimer::singleShot(2000, &app, &QCoreApplication::quit);
        });
    return app.exec();
}

} // namespace Muster
