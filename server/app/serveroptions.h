// muster-server's command line: where to listen, which database, and the admin commands.
#pragma once

#include "net/connectioncaps.h"
#include "services/throttlelimits.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>

namespace Muster {

struct ServerOptions
{
    enum class Command {
        Serve,
        Migrate,
        CreateOrg,
        CreateUser,
        SetRole,
        SetSuperadmin,
        ResetPassword,
        ListUsers,
        AuthorizeKiosk,
        StopOngoing,
        ExportReport,
        SeedDemo,
    };

    Command command = Command::Serve;
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8440;
    int socketThreads = 0; // --socket-threads; 0: one per core
    QString dataDir;
    QString databaseUrl;
    ThrottleLimits throttles; // --limit NAME=VALUE
    ConnectionCaps caps; // --limit NAME=VALUE
    QList<QHostAddress> trustedProxies; // --trusted-proxy ADDRESS (repeatable)
    QString telegramToken; // --telegram-token, or MUSTER_TELEGRAM_TOKEN
    QUrl telegramApi; // --telegram-api
    bool allowRegistration = false; // --allow-registration
    QString smtpHost; // --smtp HOST[:PORT]
    quint16 smtpPort = 25;
    QString smtpFrom; // --smtp-from
    std::chrono::milliseconds heartbeat {5000}; // --heartbeat SECONDS
    std::chrono::milliseconds serverTimeout {20000}; // --server-timeout SECONDS

    QString commandArgument; // the org name, login, … the command names
    QString organisation; // --org
    QString role; // --role, or the second argument of --set-role
    QString displayName; // --display-name
    bool passwordFromStdin = false;
    bool superadmin = false; // the second argument of --set-superadmin
    QString name; // --name: the kiosk's, for --authorize-kiosk
    QString location; // --location
    int lifetimeHours = 7 * 24; // --lifetime-hours
    QString event; // --event NAME, for --export-report
    QString format = QStringLiteral("csv"); // --format
    QString output; // --output FILE ("" or "-": standard output)
    QString minHours = QStringLiteral("0"); // --min-hours

    // Parses arguments; on failure (or --help/--version) returns false with message() set and
    // exitCode() telling what to return.
    bool parse(const QStringList &arguments);
    QString message() const { return m_message; }
    int exitCode() const { return m_exitCode; }

    static QString defaultDataDir();

private:
    QString m_message;
    int m_exitCode = 0;
};

} // namespace Muster
