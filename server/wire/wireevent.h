// What a wire thread tells the main thread about a connection. Handed over in batches (see
// Wire), so a burst of messages costs the main thread one wakeup, not one per message.
#pragma once

#include "httprequest.h"

#include <QByteArray>
#include <QHostAddress>

#include <memory>

namespace Muster {

struct WireEvent
{
    enum class Kind : quint8 {
        Request, // a complete request head: answer it (Respond) or upgrade it (Accept)
        Text, // bytes: a text message, valid UTF-8
        Binary, // a binary message (its content is not kept)
        SignInDeadline, // the connection has not been identified in time
        Closed, // the connection is gone (bytes: why, when the server ended it); its id is
                // never used again
    };

    struct Head
    {
        HttpRequest request;
        QHostAddress peer;
    };

    Kind kind = Kind::Text;
    quint64 id = 0;
    QByteArray bytes;
    std::unique_ptr<Head> head; // for Request
};

} // namespace Muster
