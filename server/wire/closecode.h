// The status codes of a WebSocket close frame (RFC 6455, section 7.4) that Muster sends or must
// recognise. Kept apart from Qt's enum so the server's transport does not depend on QtWebSockets.
#pragma once

#include <QtGlobal>

namespace Muster {

enum class CloseCode : quint16 {
    Normal = 1000,
    GoingAway = 1001,
    ProtocolError = 1002,
    UnsupportedData = 1003,
    NoStatus = 1005, // never on the wire: the close frame had no code
    Abnormal = 1006, // never on the wire: the connection ended without a close frame
    InvalidPayload = 1007, // a text message that is not UTF-8
    PolicyViolated = 1008,
    TooBig = 1009,
    InternalError = 1011,
};

// Whether a peer may send this code in a close frame: the defined codes that may appear on the
// wire, and those registered for libraries and applications (3000–4999).
constexpr bool isSendableCloseCode(quint16 code)
{
    return (code >= 1000 && code <= 1011 && code != 1004 && code != 1005 && code != 1006)
        || (code >= 3000 && code <= 4999);
}

} // namespace Muster
