// The HTTP head parser, the WebSocket upgrade checks and the Origin gate's reading of a head, fed
// whatever a peer could send before the server knows what it is talking to.
#include "domain/chatsettings.h"
#include "wire/httprequest.h"

#include <cstdint>

using namespace Muster;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray buffer(reinterpret_cast<const char *>(data), qsizetype(size));
    if (!HttpRequest::complete(buffer))
        return 0;
    const std::optional<HttpRequest> request = HttpRequest::parse(buffer);
    if (!request)
        return 0;
    // What the server goes on to read of a parsed head.
    (void)request->isWebSocketUpgrade();
    (void)request->webSocketHandshakeProblem();
    (void)request->header("x-forwarded-for").split(',');
    // The Origin gate's reading of the head: the anteroom's key and the browser's origin.
    (void)request->queryValue(u"key");
    const QString origin = QString::fromLatin1(request->header("origin"));
    (void)ChatSettings::normalisedOrigin(origin);
    (void)ChatSettings::normalisedOrigin(
        QStringLiteral("http://") + QString::fromLatin1(request->header("host")));
    if (request->headLength > buffer.size())
        __builtin_trap(); // the parser may never claim more than it was given
    return 0;
}
