// The bytes of a complete HTTP/1.1 answer, as muster-server sends every one: with its length,
// nosniff, "Connection: close" (one request per connection), and never cached unless the headers
// given say how.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace Muster {

class HttpResponse
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    static QByteArray format(int status, const QByteArray &contentType, const QByteArray &body,
        const Headers &headers = {});
    static QByteArray reasonPhrase(int status);
};

} // namespace Muster
