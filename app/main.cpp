// muster: the desktop app. Everything lives in muster_app_lib, which the tests link.
#include "common/desktopsession.h"
#include "common/translations.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication::setOrganizationName(QStringLiteral("Muster"));
    QApplication::setApplicationName(QStringLiteral("muster"));
    QApplication::setApplicationVersion(QStringLiteral(MUSTER_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Muster desktop app: your team's status, live."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server({QStringLiteral("server")},
        QStringLiteral("Server address, e.g. 127.0.0.1:8440."), QStringLiteral("ADDRESS"));
    parser.addOption(server);
    {
        // Read before the QApplication exists, which aborts where there is no display: --help
        // and --version answer on a server or over SSH too (and exit here).
        QCoreApplication commandLine(argc, argv);
        parser.process(commandLine);
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Muster"));
    QApplication::setDesktopFileName(QStringLiteral("muster"));
    Muster::installTranslations();

    Muster::DesktopSession session;
    session.start(parser.value(server));
    return app.exec();
}
