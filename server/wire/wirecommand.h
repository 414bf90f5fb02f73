// What the main thread asks of a wire thread, about one connection or, for a push, many. Queued
// in order per thread, so a reply posted before a close is written before it.
#pragma once

#include "closecode.h"

#include <QByteArray>

#include <vector>

namespace Muster {

struct WireCommand
{
    enum class Kind : quint8 {
        Respond, // bytes: a whole HTTP answer; the connection ends after it
        Accept, // bytes: the 101 answer; the connection becomes a WebSocket
        Send, // bytes: one whole frame
        SendToMany, // bytes: one whole frame, for each of ids
        Close, // a close frame with code and reason (bytes)
        Abort, // drop at once, as a network failure would
        Identified, // signed in: value is the message limit from now on; no sign-in deadline
        SignInDeadline, // value: milliseconds from now until SignInDeadline is reported
    };

    Kind kind = Kind::Send;
    CloseCode code = CloseCode::Normal;
    quint64 id = 0;
    qint64 value = 0;
    QByteArray bytes;
    std::vector<quint64> ids;
};

} // namespace Muster
