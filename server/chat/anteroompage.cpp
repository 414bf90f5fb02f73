// See anteroompage.h.
#include "anteroompage.h"

#include "anteroomservice.h"
#include "net/httpfront.h"

#include <QFile>

namespace Muster {

namespace {

const QList<QPair<QByteArray, QByteArray>> kPrivate {
    // A client's visit leaves no trace in the embedding site's logs or the browser's cache (the
    // logo included: a cached helpline logo tells whoever checks the browser where it has been).
    {"Referrer-Policy", "no-referrer"},
    {"Cache-Control", "no-store"},
};

void notFound(const HttpResponder &responder)
{
    responder.send(404, "text/plain", "Not found\n");
}

} // namespace

AnteroomPage::AnteroomPage(Database &db, QObject *parent)
    : QObject(parent)
    , m_store(db)
{ }

QByteArray AnteroomPage::contentSecurityPolicy(const ChatSettings &settings)
{
    QByteArray ancestors = "'self'";
    for (const QString &origin : settings.allowedOrigins) {
        // Stored normalised; checked again, since this goes into a header.
        if (ChatSettings::normalisedOrigin(origin) == origin)
            ancestors += ' ' + origin.toLatin1();
    }
    return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
           " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors "
        + ancestors;
}

QByteArray AnteroomPage::themeSheet(const ChatSettings &settings)
{
    QJsonObject colours = ChatSettings::defaultTheme();
    for (auto it = settings.theme.begin(); it != settings.theme.end(); ++it)
        colours.insert(it.key(), *it);
    QByteArray css = ":root {\n";
    for (const QString &name : ChatSettings::colourNames()) {
        const QString value = colours.value(name).toString();
        // Only "#rrggbb" reaches the sheet: ChatSettings::apply lets nothing else in.
        if (value.size() == 7 && value.startsWith(u'#'))
            css += "  --" + name.toLatin1() + ": " + value.toLatin1() + ";\n";
    }
    return css + "}\n";
}

bool AnteroomPage::isOwnOrigin(const HttpRequest &request, const QString &origin)
{
    const QString host = QString::fromLatin1(request.header("host"));
    if (host.isEmpty())
        return false;
    const QString normalised = ChatSettings::normalisedOrigin(origin);
    return !normalised.isEmpty()
        && (normalised == ChatSettings::normalisedOrigin(QStringLiteral("http://") + host)
            || normalised == ChatSettings::normalisedOrigin(QStringLiteral("https://") + host));
}

void AnteroomPage::checkUpgrade(const HttpRequest &request, std::function<void(bool)> done)
{
    // Programs (the desktop app, the kiosk) send no Origin; browsers always do, and cannot lie.
    const QString origin = QString::fromLatin1(request.header("origin"));
    if (origin.isEmpty() || isOwnOrigin(request, origin))
        return done(true);
    const QString key = request.queryValue(u"key");
    if (!AnteroomService::isPublicKey(key))
        return done(false);
    m_store.settingsByKey(key, this, [done, origin](const ChatSettings &s, const StoreError &e) {
        done(!e && s.allowedOrigins.contains(ChatSettings::normalisedOrigin(origin)));
    });
}

void AnteroomPage::serveAsset(const QString &name, const HttpResponder &responder)
{
    static const QHash<QString, QByteArray> types {
        {QStringLiteral("anteroom.js"), "text/javascript; charset=utf-8"},
        {QStringLiteral("anteroom.css"), "text/css; charset=utf-8"},
    };
    if (!types.contains(name))
        return notFound(responder);
    QFile file(QStringLiteral(":/anteroom/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return notFound(responder);
    responder.send(200, types.value(name), file.readAll(), {{"Cache-Control", "no-cache"}});
}

void AnteroomPage::serveLogo(const QString &key, const HttpResponder &responder)
{
    m_store.logoByKey(key, this, [responder](const StoredPicture &logo, const StoreError &e) {
        if (e.kind == StoreError::NotFound)
            return notFound(responder);
        if (e)
            return responder.send(503, "text/plain", "Database unavailable\n");
        // Only ever an image, and only for this server's own pages: never sniffed as something
        // else, never run as a document, never embedded by another site.
        static const QList<QPair<QByteArray, QByteArray>> headers = kPrivate
            + QList<QPair<QByteArray, QByteArray>> {{"X-Content-Type-Options", "nosniff"},
                {"Content-Security-Policy", "default-src 'none'; sandbox"},
                {"Cross-Origin-Resource-Policy", "same-origin"}};
        responder.send(200, logo.contentType, logo.data, headers);
    });
}

void AnteroomPage::serve(const HttpRequest &request, const HttpResponder &responder)
{
    // /anteroom/assets/<file>, /anteroom/<key>, /anteroom/<key>/theme.css, /anteroom/<key>/logo
    const QStringList parts = request.path.mid(kRoutePrefix.size()).split(u'/');
    if (parts.size() == 2 && parts.at(0) == QLatin1String("assets"))
        return serveAsset(parts.at(1), responder);
    const QString key = parts.value(0);
    const bool theme = parts.size() == 2 && parts.at(1) == QLatin1String("theme.css");
    const bool logo = parts.size() == 2 && parts.at(1) == QLatin1String("logo");
    if (!AnteroomService::isPublicKey(key) || (parts.size() != 1 && !theme && !logo))
        return notFound(responder);
    if (logo)
        return serveLogo(key, responder);
    m_store.settingsByKey(
        key, this, [responder, theme](const ChatSettings &settings, const StoreError &e) {
            if (e.kind == StoreError::NotFound)
                return notFound(responder);
            if (e)
                return responder.send(503, "text/plain", "Database unavailable\n");
            if (theme)
                return responder.send(
                    200, "text/css; charset=utf-8", themeSheet(settings), kPrivate);
            QFile page(QStringLiteral(":/anteroom/anteroom.html"));
            if (!page.open(QIODevice::ReadOnly))
                return notFound(responder);
            QList<QPair<QByteArray, QByteArray>> headers = kPrivate;
            headers.append({"Content-Security-Policy", contentSecurityPolicy(settings)});
            responder.send(200, "text/html; charset=utf-8", page.readAll(), headers);
        });
}

} // namespace Muster
