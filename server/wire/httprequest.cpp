// See httprequest.h. Deliberately strict: anything odd is a 400, never a guess.
#include "httprequest.h"

#include <QUrl>

#include <algorithm>

namespace Muster {

bool HttpRequest::complete(const QByteArray &buffer)
{
    return buffer.contains("\r\n\r\n");
}

QString HttpRequest::queryValue(QStringView name) const
{
    for (const QByteArray &pair : query.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        const QByteArray key = eq < 0 ? pair : pair.left(eq);
        if (QUrl::fromPercentEncoding(key) == name)
            return eq < 0 ? QString() : QUrl::fromPercentEncoding(pair.mid(eq + 1));
    }
    return {};
}

bool HttpRequest::isWebSocketUpgrade() const
{
    return header("upgrade").toLower() == "websocket"
        && header("connection").toLower().contains("upgrade");
}

QByteArray HttpRequest::webSocketHandshakeProblem() const
{
    if (maxLineLength > kMaxHeaderLine)
        return "A header line is too long\n";
    if (header("sec-websocket-version") != "13")
        return "Unsupported WebSocket version: use 13\n";
    const QByteArray key = header("sec-websocket-key");
    const auto decoded
        = QByteArray::fromBase64Encoding(key, QByteArray::AbortOnBase64DecodingErrors);
    if (key.isEmpty() || !decoded || decoded.decoded.size() != 16)
        return "Missing or malformed Sec-WebSocket-Key\n";
    return {};
}

std::optional<HttpRequest> HttpRequest::parse(const QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    HttpRequest request;
    request.headLength = end + 4;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    for (const QByteArray &line : lines)
        request.maxLineLength = std::max(request.maxLineLength, line.size());
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1."))
        return std::nullopt;
    request.method = requestLine.at(0);
    const QByteArray target = requestLine.at(1);
    if (!target.startsWith('/'))
        return std::nullopt;
    const qsizetype q = target.indexOf('?');
    request.path = QUrl::fromPercentEncoding(q < 0 ? target : target.left(q));
    request.query = q < 0 ? QByteArray() : target.mid(q + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return std::nullopt;
        request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    return request;
}

} // namespace Muster
