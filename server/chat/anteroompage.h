// The anteroom as the web serves it: GET /anteroom/<public key> (a static page the organisation
// frames on its own site), its assets, the organisation's colours as a style sheet made from
// checked values only, and its logo. Also the Origin check of every WebSocket upgrade: a browser
// page may open /ws only from this server's own origin or, for an anteroom (/ws?key=…), from an
// origin the organisation allows.
#pragma once

#include "db/chatstore.h"

#include <QObject>

namespace Muster {

class Database;
class HttpResponder;
struct HttpRequest;

class AnteroomPage : public QObject
{
    Q_OBJECT
public:
    static constexpr QLatin1StringView kRoutePrefix {"/anteroom/"};

    explicit AnteroomPage(Database &db, QObject *parent = nullptr);

    void serve(const HttpRequest &request, const HttpResponder &responder);
    // HttpFront's upgrade gate.
    void checkUpgrade(const HttpRequest &request, std::function<void(bool allowed)> done);

    // The page's security policy: scripts, styles and connections from here only; framed only
    // by the organisation's allowed origins.
    static QByteArray contentSecurityPolicy(const ChatSettings &settings);
    static QByteArray themeSheet(const ChatSettings &settings);
    // Whether a browser's Origin is the server's own (the Host the request was sent to).
    static bool isOwnOrigin(const HttpRequest &request, const QString &origin);

private:
    void serveAsset(const QString &name, const HttpResponder &responder);
    void serveLogo(const QString &key, const HttpResponder &responder);

    ChatStore m_store;
};

} // namespace Muster
