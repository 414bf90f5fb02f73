// The head of one HTTP/1.1 request, as far as muster-server cares.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace Muster {

struct HttpRequest
{
    // Qt's WebSocket handshake refuses longer header lines (by closing the connection).
    static constexpr qsizetype kMaxHeaderLine = 8 * 1024;

    QByteArray method; // "GET"
    QString path; // decoded path without the query
    QByteArray query; // raw, without '?'
    QHash<QByteArray, QByteArray> headers; // lower-case names
    qsizetype headLength = 0; // bytes up to and including the blank line
    qsizetype maxLineLength = 0; // of the head's lines

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    // The decoded value of the first `name=value` of the query; empty when absent.
    QString queryValue(QStringView name) const;
    bool isWebSocketUpgrade() const;
    // Why an upgrade request cannot become a WebSocket (RFC 6455 4.2.1: a 16-byte key in
    // base64, version 13, no header line too long), as a message for the client; empty if none.
    QByteArray webSocketHandshakeProblem() const;
    qsizetype longestHeaderLine() const { return maxLineLength; }

    // Parses a complete head; nullopt when it is malformed. Returns nothing while incomplete:
    // check complete() first.
    static bool complete(const QByteArray &buffer);
    static std::optional<HttpRequest> parse(const QByteArray &buffer);
};

} // namespace Muster
