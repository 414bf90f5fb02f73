// See serverurl.h.
#include "client/serverurl.h"

namespace Muster {

QUrl webSocketUrl(const QString &typed)
{
    QString text = typed.trimmed();
    if (text.isEmpty())
        return {};
    if (!text.contains(QStringLiteral("://")))
        text.prepend(QStringLiteral("ws://"));
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return {};
    const QString scheme = url.scheme().toLower();
    if (scheme == QStringLiteral("http"))
        url.setScheme(QStringLiteral("ws"));
    else if (scheme == QStringLiteral("https"))
        url.setScheme(QStringLiteral("wss"));
    else if (scheme != QStringLiteral("ws") && scheme != QStringLiteral("wss"))
        return {};
    if (url.port() < 0 && url.scheme() == QStringLiteral("ws"))
        url.setPort(8440);
    if (url.path().isEmpty() || url.path() == QStringLiteral("/"))
        url.setPath(QStringLiteral("/ws"));
    return url;
}

} // namespace Muster
