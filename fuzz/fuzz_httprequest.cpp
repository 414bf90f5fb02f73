// The HTTP head parser and the WebSocket upgrade checks, fed whatever a peer could send before
// the server knows what it is talking to.
#include "net/httprequest.h"

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
    if (request->headLength > buffer.size())
        __builtin_trap(); // the parser may never claim more than it was given
    return 0;
}
