// The head of one HTTP/1.1 request, as far as muster-server cares.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace Muster {

struct HttpRequest
{
    QByteArray method; // "GET"
    QString path; // decoded path without the query
    QByteArray query; // raw, without '?'
    QHash<QByteArray, QByteArray> headers; // lower-case names
    qsizetype headLength = 0; // bytes up to and including the blank line

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    bool isWebSocketUpgrade() const;

    // Parses a complete head; nullopt when it is malformed. Returns nothing while incomplete:
    // check complete() first.
    static bool complete(const QByteArray &buffer);
    static std::optional<HttpRequest> parse(const QByteArray &buffer);
};

} // namespace Muster
