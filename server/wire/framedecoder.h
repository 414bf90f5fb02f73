// Reads the frames one side of a WebSocket connection sends (RFC 6455, section 5) and turns them
// into messages: unmasking, reassembling fragments, answering nothing itself. It enforces what
// the protocol requires of a peer — masking from clients only, no reserved bits or opcodes,
// control frames short, final and allowed between fragments, minimal lengths, close codes that
// may be sent, UTF-8 text — and the message size limit, which it checks from a frame's header,
// before any of its payload is kept. The first violation ends reading with the close code the
// RFC names for it.
//
// It holds memory only while a frame or a fragmented message is unfinished: an idle connection
// costs the size of this object. What it holds is bufferedBytes(), for the server's budget.
#pragma once

#include "closecode.h"
#include "utf8validator.h"

#include <QByteArray>
#include <QString>

namespace Muster {

class FrameDecoder
{
public:
    // Who sends the frames being read: a client must mask every frame, a server none.
    enum class Sender { Client, Server };

    // What the decoder found, in order. Payloads are valid only during the call.
    class Sink
    {
    public:
        virtual void textMessage(QByteArray &&utf8) = 0;
        virtual void binaryMessage(QByteArray &&bytes) = 0;
        virtual void ping(QByteArrayView payload) = 0;
        virtual void pong(QByteArrayView payload) = 0;
        // A valid close frame; code is NoStatus when it carried none. Reading stops.
        virtual void closeFrame(quint16 code, QByteArrayView reason) = 0;

    protected:
        ~Sink() = default;
    };

    explicit FrameDecoder(Sender sender, qint64 maxMessageBytes);

    // Decodes what arrived. False when the peer broke the protocol (see failure()) — nothing
    // after the offending frame is read — or when a close frame has ended reading.
    bool feed(QByteArrayView bytes, Sink &sink);

    // The largest message accepted from now on; larger ones fail with TooBig.
    void setMaxMessageBytes(qint64 bytes) { m_maxMessage = bytes; }
    qint64 maxMessageBytes() const { return m_maxMessage; }

    bool hasFailed() const { return m_state == State::Failed; }
    bool isClosed() const { return m_state != State::Reading; }
    CloseCode failureCode() const { return m_failureCode; }
    // What was wrong, for the close frame's reason and the log.
    const char *failureReason() const { return m_failureReason; }

    // Bytes held for an unfinished frame or message.
    qint64 bufferedBytes() const { return m_partial.size() + m_message.size(); }
    // Whether a frame or a fragmented message is under way (something is held or owed).
    bool isMidMessage() const { return !m_partial.isEmpty() || m_messageOpcode != 0; }

private:
    enum class State : quint8 { Reading, Closed, Failed };

    // Decodes the frames complete in `bytes`; returns how many bytes they took, or -1 after a
    // failure or a close.
    qsizetype decodeFrames(QByteArrayView bytes, Sink &sink);
    bool frame(quint8 opcode, bool fin, QByteArray &&payload, Sink &sink);
    bool controlFrame(quint8 opcode, QByteArray &&payload, Sink &sink);
    bool fail(CloseCode code, const char *reason);
    bool stop();

    QByteArray m_partial; // the start of a frame whose end has not arrived
    QByteArray m_message; // the fragments of an unfinished message so far
    qint64 m_maxMessage;
    Utf8Validator m_utf8; // over the unfinished text message
    const char *m_failureReason = "";
    CloseCode m_failureCode = CloseCode::Normal;
    quint8 m_messageOpcode = 0; // of the unfinished fragmented message, 0 for none
    State m_state = State::Reading;
    Sender m_sender;
};

} // namespace Muster
