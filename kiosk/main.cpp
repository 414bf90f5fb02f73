// muster-kiosk: the fullscreen time clock. Everything lives in muster_kiosk_lib and the QML
// modules; this reads the command line and settings, and opens the window.
#include "client/serverurl.h"
#include "imports.h"
#include "inputwatcher.h"
#include "kioskapp.h"
#include "kioskengine.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QSettings>
#include <QStandardPaths>

#include <cstdio>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("Muster"));
    QGuiApplication::setApplicationName(QStringLiteral("muster-kiosk"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Muster kiosk"));
    QGuiApplication::setApplicationVersion(QStringLiteral(MUSTER_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("muster-kiosk"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Muster kiosk: volunteers clock in and out here."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server({QStringLiteral("server")},
        QStringLiteral("Server address, e.g. 127.0.0.1:8440 (kept for the next start)."),
        QStringLiteral("ADDRESS"));
    const QCommandLineOption dataDir({QStringLiteral("data-dir")},
        QStringLiteral("Where the kiosk keeps its outbox (and its device token without a "
                       "keychain)."),
        QStringLiteral("DIR"), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const QCommandLineOption windowed({QStringLiteral("windowed")},
        QStringLiteral("A normal window instead of fullscreen (for setting up, not for use)."));
    const QCommandLineOption noKeychain({QStringLiteral("no-keychain")},
        QStringLiteral("Keep the device token in the data directory even if a keychain exists."));
    const QCommandLineOption size({QStringLiteral("size")},
        QStringLiteral("Window size with --windowed, e.g. 1280x800."), QStringLiteral("WxH"),
        QStringLiteral("1280x800"));
    parser.addOptions({server, dataDir, windowed, noKeychain, size});
    parser.process(app);

    QSettings settings;
    QString address = parser.value(server);
    if (address.isEmpty())
        address = settings.value(QStringLiteral("server")).toString();
    if (address.isEmpty()) {
        std::fputs("muster-kiosk: no server: start it once with --server HOST:PORT\n", stderr);
        return 2;
    }
    settings.setValue(QStringLiteral("server"), address);

    Muster::KioskApp::Options options;
    options.server = Muster::webSocketUrl(address);
    options.dataDirectory = parser.value(dataDir);
    options.useKeychain = !parser.isSet(noKeychain);
    Muster::KioskApp kiosk(options);
    if (!kiosk.start()) {
        std::fprintf(stderr, "muster-kiosk: %s\n", qPrintable(kiosk.errorString()));
        return 1;
    }
    Muster::InputWatcher input(*kiosk.idle());

    Muster::importKioskQmlModules();
    QQmlApplicationEngine engine;
    Muster::prepareKioskEngine(engine);
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    engine.setInitialProperties({
        {QStringLiteral("kiosk"), QVariant::fromValue(&kiosk)},
        {QStringLiteral("windowed"), parser.isSet(windowed)},
        {QStringLiteral("windowedWidth"), wh.value(0).toInt()},
        {QStringLiteral("windowedHeight"), wh.value(1).toInt()},
    });
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Muster/Kiosk/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    return app.exec();
}
