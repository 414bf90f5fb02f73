// See httpresponse.h.
#include "httpresponse.h"

namespace Muster {

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 426:
        return "Upgrade Required";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

QByteArray HttpResponse::format(
    int status, const QByteArray &contentType, const QByteArray &body, const Headers &headers)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "X-Content-Type-Options: nosniff\r\nConnection: close\r\n";
    bool cacheable = false;
    for (const auto &[name, value] : headers) {
        out += name + ": " + value + "\r\n";
        cacheable = cacheable || name.compare("Cache-Control", Qt::CaseInsensitive) == 0;
    }
    if (!cacheable)
        out += "Cache-Control: no-store\r\n";
    out += "\r\n" + body;
    return out;
}

} // namespace Muster
